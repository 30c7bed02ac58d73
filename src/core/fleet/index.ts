/** Virtual sealed trucks on the demo routes: a pure, seeded movement model driven by a simulated clock. */
export { createFleet, type Fleet, type FleetOptions, type FleetTruck } from './fleet.js';
export type { FleetReport, ReportEvent } from './report.js';
export {
  truthUntil, type CrossingTruth, type MisbehaviourTruth, type StopKind, type StopTruth, type TruckTruth,
} from './ground-truth.js';
export {
  DEFAULT_MISBEHAVIOUR_RATES, MISBEHAVIOUR_KINDS, misbehaviourRates, type MisbehaviourKind, type MisbehaviourRates,
} from './misbehaviour.js';
export { designatedRestAreas, REST_AREA_RADIUS_KM, type RestArea } from './rest-areas.js';
export { LOW_BATTERY_PERCENT, type SealEvent, type SealReading } from './seal-timeline.js';
export { GPS_NOISE_METRES, MAX_SPEED_KMH } from './truck-reporter.js';
export { ROAD_SPEED_KMH, TOWN_SPEED_KMH } from './itinerary.js';
export { RoutePath, type RouteVertex } from './route-path.js';
export { distanceKm, distanceToPolylineKm } from './geometry.js';
