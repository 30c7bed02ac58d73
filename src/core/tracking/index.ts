export { DEFAULT_THRESHOLDS, resolveThresholds, type TripThresholds } from './thresholds.js';
export {
  TripPlanError,
  prepareRoute,
  prepareTrip,
  validateTripPlan,
  type CrossingOnRoute,
  type PreparedRoute,
  type RoutePlan,
  type Trip,
  type TripEnvironment,
  type TripPlace,
  type TripPlaceKind,
  type TripPlan,
  type TripPlanIssue,
} from './trip.js';
export { crossingPlace, officePlace, parkingPlace } from './reference-places.js';
export {
  TRIP_STATE_VERSION,
  copyTripState,
  createTripState,
  estimatedArrival,
  lastFix,
  openAlarms,
  sinceOpening,
  fromE6,
  tripTime,
  type ArrivalState,
  type BatteryState,
  type CorridorState,
  type CountryState,
  type DeviceState,
  type GeofenceState,
  type JumpState,
  type LastFix,
  type SealFlags,
  type SignalState,
  type StopState,
  type TripState,
} from './state.js';
export {
  EVENT_SEVERITY,
  RULES_VERSION,
  TRACKING_EVENT_TYPES,
  type EventPosition,
  type EventValue,
  type Severity,
  type TrackingEvent,
  type TrackingEventType,
} from './events.js';
export type { Fix } from './fix.js';
export { advance, step, type Disposition, type StepResult, type TrackingInput } from './pipeline.js';
export { inReceiveOrder, positionInputs, replay, type ReplayResult } from './replay.js';
export { trackFeature, type TrackFeature } from './track.js';
