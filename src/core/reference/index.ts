export {
  BORDER_CROSSINGS,
  CROSSING_DETAILS,
  CROSSING_GEOFENCE_RADIUS_KM,
  type CrossingDetails,
  type CrossingPost,
} from './border-crossings.js';
export {
  CUSTOMS_OFFICES,
  CUSTOMS_OFFICE_DETAILS,
  OFFICE_GEOFENCE_RADIUS_KM,
  type CustomsOfficeDetails,
} from './customs-offices.js';
export { hexagonAround } from './geofence.js';
export { crossingsBetween, customsOfficesIn, findBorderCrossing, findCustomsOffice } from './lookups.js';
