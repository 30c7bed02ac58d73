export {
  EARTH_RADIUS_M,
  METRES_PER_DEGREE,
  bearingDeg,
  destinationPoint,
  distanceM,
  haversineM,
  interpolateGreatCircle,
  offsetM,
  polylineLengthM,
} from './distance.js';
export { densifyGreatCircle } from './densify.js';
export { CorridorIndex, MATCH, emptyMatch, matchArray, type CorridorIndexOptions, type CorridorMatch, type RouteLocator } from './corridor-index.js';
export {
  distanceOutsideM,
  distanceToBoundaryM,
  polygonContains,
  preparePolygon,
  type PolygonGeometry,
  type PreparedPolygon,
} from './polygon.js';
export { GeofenceSet, type GeofenceInput } from './geofence-set.js';
export { CountryIndex, type CountryIndexOptions, type CountryShape } from './country-index.js';
export { simplifyCoordinates, simplifyIndices, simplifyTrack } from './simplify.js';
