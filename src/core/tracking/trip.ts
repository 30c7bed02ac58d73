/**
 * A sealed transit as the tracker follows it. The plan is plain data (what the store keeps and the API accepts);
 * `prepareTrip` turns it once into the indexes the detectors query, which are not serialised: a restarted tracker
 * prepares the trip again from its plan and carries on with the saved TripState.
 */
import type { LineString, Polygon } from '../model/geo.js';
import { CorridorIndex, GeofenceSet, emptyMatch, type CountryIndex, type RouteLocator } from '../geo/index.js';
import { resolveThresholds, type TripThresholds } from './thresholds.js';

export type TripPlaceKind = 'office' | 'crossing' | 'inspection-post' | 'parking';

export interface TripPlace {
  /** Unique within the trip; events name places by it (e.g. `office:KZ751000`, `crossing:KORDAY-AKZHOL`). */
  id: string;
  kind: TripPlaceKind;
  name?: string;
  geofence: Polygon;
}

/**
 * What every trip on one planned route shares: the route and its places. Trips on a gazetted route with the same
 * offices, crossing and parking share one preparation (`prepareRoute`), so 20,000 open trips do not hold 20,000
 * copies of the same indexes.
 */
export interface RoutePlan {
  /** The planned route, [lon, lat] in travel order; long legs are taken as great circles. */
  route: LineString;
  /** Office of departure, where the seal is armed. */
  origin: TripPlace;
  /** Office of destination, where the seal is removed. */
  destination: TripPlace;
  /** The declared border crossing, if the route has one. */
  crossing: TripPlace | null;
  /** Other places whose entry and exit are reported: inspection posts, earlier crossings, offices on the way. */
  places: TripPlace[];
  /** Designated parking where stops are expected (reported places are allowed too). */
  stopZones: TripPlace[];
  /**
   * Places where the seal may be opened without alarm: customs officers are there. Default: the origin and the
   * destination offices. A crossing is not in by default; a trip sent for physical inspection there adds it.
   */
  sealOpeningPlaceIds?: string[];
}

export interface TripPlan extends RoutePlan {
  id: string;
  declarationId: string;
  sealIds: string[];
  /** The corridor: how far either side of the route line a truck may be, metres. */
  corridorWidthM: number;
  /** When the seal was armed and tracking began, ms since the epoch. */
  openedAt: number;
  expectedDurationMs: number;
  thresholds?: Partial<TripThresholds>;
}

/** A problem with a plan: a stable code, where, and what. */
export interface TripPlanIssue {
  code: string;
  path: string;
  message: string;
}

export class TripPlanError extends Error {
  constructor(readonly issues: TripPlanIssue[]) {
    super(`invalid trip plan: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'TripPlanError';
  }
}

export interface CrossingOnRoute {
  id: string;
  /** Progress of the crossing's centre along the route, metres. */
  alongM: number;
}

/** A route plan prepared once for all the trips on it. Immutable. */
export interface PreparedRoute {
  readonly plan: RoutePlan;
  readonly route: RouteLocator;
  /** The reported places: origin, destination, crossing, then `places`, in that order. */
  readonly places: GeofenceSet;
  readonly placeKinds: readonly TripPlaceKind[];
  /** Where a stop is not reported: every reported place (officers, queues, inspections) and the stop zones. */
  readonly stopZones: GeofenceSet;
  /** Indices in `places` where the seal may be opened. */
  readonly openingPlaces: readonly number[];
  /** The opening places on their own, to judge a late fix by its own position. */
  readonly openingZones: GeofenceSet;
  readonly destinationId: string;
  /** Crossing places near the route (within 5 km), by progress. */
  readonly crossingsOnRoute: readonly CrossingOnRoute[];
  /** Progress of the declared crossing, metres; null when the trip has none or it is off the route. */
  readonly declaredCrossingAlongM: number | null;
}

/** A plan prepared for the detectors: the trip's own numbers and its shared route. Immutable. */
export interface Trip extends PreparedRoute {
  readonly id: string;
  readonly plan: TripPlan;
  readonly thresholds: Readonly<TripThresholds>;
  readonly corridorWidthM: number;
  /** `plan.openedAt`, at hand: every time in the state counts from it. */
  readonly openedAt: number;
  readonly countries: CountryIndex | null;
  /** The speed the plan implies (route length over expected duration), m/s: the ETA's starting point. */
  readonly plannedSpeedMps: number;
}

export interface TripEnvironment {
  /** Country polygons, for border-crossing events; without them no border events are raised. */
  countries?: CountryIndex | null;
  /** The trip's route plan prepared already (shared with other trips on it); must be the plan's own route and places. */
  prepared?: PreparedRoute;
  /** A route index to use instead of indexing `plan.route` (ignored when `prepared` is given). */
  route?: RouteLocator;
}

/** A crossing further than this from the route is not on it. */
const ON_ROUTE_M = 5_000;

function allPlaces(plan: RoutePlan): TripPlace[] {
  return [plan.origin, plan.destination, ...(plan.crossing ? [plan.crossing] : []), ...plan.places];
}

export function validateTripPlan(plan: TripPlan): TripPlanIssue[] {
  const issues: TripPlanIssue[] = [];
  const issue = (code: string, path: string, message: string): void => void issues.push({ code, path, message });
  if (typeof plan.id !== 'string' || plan.id.length === 0) issue('TRIP_ID_EMPTY', 'id', 'a trip needs an id');
  if (typeof plan.declarationId !== 'string' || plan.declarationId.length === 0) issue('DECLARATION_ID_EMPTY', 'declarationId', 'a trip belongs to a declaration');
  if (!Array.isArray(plan.sealIds) || plan.sealIds.length === 0) issue('SEALS_EMPTY', 'sealIds', 'a trip is tracked by at least one seal');
  const coordinates = plan.route?.coordinates ?? [];
  let distinct = false;
  for (let i = 0; i < coordinates.length; i++) {
    const lon = coordinates[i]![0];
    const lat = coordinates[i]![1];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      issue('ROUTE_POINT_INVALID', `route.coordinates[${i}]`, `not a [lon, lat] in degrees: [${lon}, ${lat}]`);
    } else if (!distinct && i > 0 && (lon !== coordinates[0]![0] || lat !== coordinates[0]![1])) {
      distinct = true;
    }
  }
  if (!distinct) issue('ROUTE_TOO_SHORT', 'route.coordinates', 'a route needs at least two distinct points');
  if (!(plan.corridorWidthM > 0 && Number.isFinite(plan.corridorWidthM))) issue('CORRIDOR_WIDTH_INVALID', 'corridorWidthM', 'must be a finite number of metres > 0');
  if (!Number.isFinite(plan.openedAt)) issue('OPENED_AT_INVALID', 'openedAt', 'must be a time in ms since the epoch');
  if (!(plan.expectedDurationMs > 0 && Number.isFinite(plan.expectedDurationMs))) issue('DURATION_INVALID', 'expectedDurationMs', 'must be > 0 ms');
  const ids = new Set<string>();
  const checkPlace = (place: TripPlace, path: string): void => {
    if (typeof place.id !== 'string' || place.id.length === 0) issue('PLACE_ID_EMPTY', `${path}.id`, 'a place needs an id');
    else if (ids.has(place.id)) issue('PLACE_ID_DUPLICATE', `${path}.id`, `${JSON.stringify(place.id)} is used twice`);
    ids.add(place.id);
    const rings = place.geofence?.coordinates;
    if (place.geofence?.type !== 'Polygon' || !Array.isArray(rings) || rings.length === 0 || rings[0]!.length < 4) {
      issue('GEOFENCE_INVALID', `${path}.geofence`, 'must be a GeoJSON Polygon with a closed outer ring');
    }
  };
  checkPlace(plan.origin, 'origin');
  checkPlace(plan.destination, 'destination');
  if (plan.crossing) checkPlace(plan.crossing, 'crossing');
  plan.places.forEach((p, i) => checkPlace(p, `places[${i}]`));
  plan.stopZones.forEach((p, i) => checkPlace(p, `stopZones[${i}]`));
  const reported = new Set(allPlaces(plan).map((p) => p.id));
  (plan.sealOpeningPlaceIds ?? []).forEach((id, i) => {
    if (!reported.has(id)) issue('OPENING_PLACE_UNKNOWN', `sealOpeningPlaceIds[${i}]`, `${JSON.stringify(id)} is not a reported place of the trip`);
  });
  try {
    resolveThresholds(plan.thresholds);
  } catch (error) {
    issue('THRESHOLD_INVALID', 'thresholds', (error as Error).message);
  }
  return issues;
}

/** Prepares what all trips on a route plan share. The plan is assumed valid (see validateTripPlan). */
export function prepareRoute(plan: RoutePlan, route: RouteLocator = CorridorIndex.fromLineString(plan.route)): PreparedRoute {
  const reported = allPlaces(plan);
  const places = new GeofenceSet(reported.map((p) => ({ id: p.id, geometry: p.geofence })));
  const stopZones = new GeofenceSet([...reported, ...plan.stopZones].map((p) => ({ id: p.id, geometry: p.geofence })));
  const openingIds = plan.sealOpeningPlaceIds ?? [plan.origin.id, plan.destination.id];
  const openingPlaces = openingIds.map((id) => places.indexOf(id));
  const openingZones = new GeofenceSet(openingIds.map((id) => ({ id, geometry: reported.find((p) => p.id === id)!.geofence })));

  const crossingsOnRoute: CrossingOnRoute[] = [];
  reported.forEach((place, i) => {
    if (place.kind !== 'crossing') return;
    const centre = places.centre(i);
    const match = route.nearest(centre.lon, centre.lat, emptyMatch());
    if (match.distanceM <= ON_ROUTE_M) crossingsOnRoute.push({ id: place.id, alongM: match.alongM });
  });
  crossingsOnRoute.sort((a, b) => a.alongM - b.alongM);
  const declared = plan.crossing ? crossingsOnRoute.find((c) => c.id === plan.crossing!.id) : undefined;
  return {
    plan,
    route,
    places,
    placeKinds: reported.map((p) => p.kind),
    stopZones,
    openingPlaces,
    openingZones,
    destinationId: plan.destination.id,
    crossingsOnRoute,
    declaredCrossingAlongM: declared?.alongM ?? null,
  };
}

/** Whether a prepared route was prepared from this plan's route and places (places are matched by id). */
function preparedFor(prepared: PreparedRoute, plan: RoutePlan): boolean {
  const a = prepared.plan;
  if (a.route !== plan.route) {
    const x = a.route.coordinates;
    const y = plan.route.coordinates;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i]![0] !== y[i]![0] || x[i]![1] !== y[i]![1]) return false;
  }
  const ids = (p: RoutePlan): string => JSON.stringify([allPlaces(p).map((q) => [q.id, q.kind]), p.stopZones.map((q) => q.id), p.sealOpeningPlaceIds ?? null]);
  return ids(a) === ids(plan);
}

/** Prepares a plan for `step`; throws TripPlanError (with every issue) on an invalid plan. */
export function prepareTrip(plan: TripPlan, environment: TripEnvironment = {}): Trip {
  const issues = validateTripPlan(plan);
  if (environment.prepared !== undefined && !preparedFor(environment.prepared, plan)) {
    issues.push({ code: 'PREPARED_ROUTE_MISMATCH', path: 'route', message: 'the prepared route was prepared from another route or other places' });
  }
  if (issues.length > 0) throw new TripPlanError(issues);
  const thresholds = resolveThresholds(plan.thresholds);
  const shared = environment.prepared ?? prepareRoute(plan, environment.route);
  const maxMps = thresholds.maxSpeedKmh / 3.6;
  const floorMps = thresholds.etaSpeedFloorKmh / 3.6;
  const planned = shared.route.lengthM / (plan.expectedDurationMs / 1000);
  // Every field written here, in one order, so every trip has one shape with all its fields in the object itself.
  // What every located fix reads comes first, so that a step reads its trip in as few cache lines as it can; what
  // only an event or a stop reads comes after.
  return {
    id: plan.id,
    openedAt: plan.openedAt,
    thresholds,
    route: shared.route,
    corridorWidthM: plan.corridorWidthM,
    countries: environment.countries ?? null,
    places: shared.places,
    declaredCrossingAlongM: shared.declaredCrossingAlongM,
    plan,
    plannedSpeedMps: Math.min(maxMps, Math.max(floorMps, planned)),
    placeKinds: shared.placeKinds,
    stopZones: shared.stopZones,
    openingPlaces: shared.openingPlaces,
    openingZones: shared.openingZones,
    destinationId: shared.destinationId,
    crossingsOnRoute: shared.crossingsOnRoute,
  };
}
