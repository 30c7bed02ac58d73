/**
 * A trip plan from a declaration and what the operator arming its seals says: the route (as GeoJSON, or through
 * waypoints, or the declaration's planned route, or else straight from the office of departure through the declared
 * crossing to the office of destination), the offices' and crossings' geofences from the reference data, the stop
 * zones, the corridor width and the expected duration. The core validates the result.
 */
import { CorridorIndex, emptyMatch, polylineLengthM } from '../../core/geo/index.js';
import type { BorderCrossing, CustomsOffice, Declaration, Issue, LineString, Polygon } from '../../core/model/index.js';
import { crossingPlace, officePlace, parkingPlace, type TripPlace, type TripPlan, type TripThresholds } from '../../core/tracking/index.js';

/** What the operator may say when arming; everything but the declaration has a default. */
export interface ArmRequest {
  declarationId: string;
  /** The seals armed; the declaration's seals unless told. */
  sealIds?: string[];
  /** The planned route as a GeoJSON LineString. */
  route?: LineString;
  /** Or: points [lon, lat] the route passes between the office of departure and the office of destination. */
  waypoints?: Array<[number, number]>;
  corridorWidthM?: number;
  expectedDurationMs?: number;
  /** Designated parking and other places where a stop is expected. */
  stopZones?: Array<{ id: string; name?: string; geofence: Polygon }>;
  /** Places where the seal may be opened without alarm (ids of the trip's places, such as `crossing:CODE`). */
  sealOpeningPlaceIds?: string[];
  thresholds?: Partial<TripThresholds>;
}

/** The reference data a plan is built from. */
export interface PlanningPlaces {
  departure: CustomsOffice | undefined;
  destination: CustomsOffice | undefined;
  crossing: BorderCrossing | undefined;
  /** Every known crossing: those near the route are reported places, and their queues excuse stops. */
  crossings: readonly BorderCrossing[];
}

/** A corridor this wide either side suits a trunk road planned as a polyline between towns. */
export const DEFAULT_CORRIDOR_WIDTH_M = 1_000;
/** Without an expected duration, the route's length at this average speed, stops included. */
export const DEFAULT_PLANNED_SPEED_KMH = 50;
/** A crossing this close to the route is on it. */
const CROSSING_NEAR_ROUTE_M = 5_000;

type PlanResult = { plan: TripPlan; issues: [] } | { plan: null; issues: Issue[] };

export function planTrip(
  id: string,
  declaration: Declaration,
  request: ArmRequest,
  places: PlanningPlaces,
  openedAt: number,
): PlanResult {
  const issues: Issue[] = [];
  const { departure, destination, crossing } = places;
  if (departure === undefined) issues.push({ code: 'OFFICE_UNKNOWN', path: 'declaration.officeOfDeparture', message: `no customs office ${declaration.officeOfDeparture}` });
  if (destination === undefined) issues.push({ code: 'OFFICE_UNKNOWN', path: 'declaration.officeOfDestination', message: `no customs office ${declaration.officeOfDestination}` });
  if (crossing === undefined) issues.push({ code: 'CROSSING_UNKNOWN', path: 'declaration.borderCrossing', message: `no border crossing ${declaration.borderCrossing}` });
  if (request.route !== undefined && request.waypoints !== undefined) {
    issues.push({ code: 'ROUTE_TWICE', path: 'waypoints', message: 'give a route or waypoints, not both' });
  }
  if (departure === undefined || destination === undefined || crossing === undefined || issues.length > 0) return { plan: null, issues };

  const point = (p: { lat: number; lon: number }): [number, number] => [p.lon, p.lat];
  const route: LineString =
    request.route ??
    (request.waypoints !== undefined
      ? { type: 'LineString', coordinates: [point(departure.location), ...request.waypoints, point(destination.location)] }
      : (declaration.plannedRoute ?? { type: 'LineString', coordinates: [point(departure.location), point(crossing.location), point(destination.location)] }));

  const plan: TripPlan = {
    id,
    declarationId: declaration.id,
    sealIds: request.sealIds ?? declaration.seals,
    route,
    corridorWidthM: request.corridorWidthM ?? DEFAULT_CORRIDOR_WIDTH_M,
    origin: officePlace(departure),
    destination: officePlace(destination),
    crossing: crossingPlace(crossing),
    places: otherCrossings(crossingsNear(route, places.crossings), crossing.code),
    stopZones: (request.stopZones ?? []).map((zone) => parkingPlace(zone.id, zone.geofence, zone.name)),
    openedAt,
    expectedDurationMs: request.expectedDurationMs ?? defaultDuration(route),
    ...(request.sealOpeningPlaceIds === undefined ? {} : { sealOpeningPlaceIds: request.sealOpeningPlaceIds }),
    ...(request.thresholds === undefined ? {} : { thresholds: request.thresholds }),
  };
  return { plan, issues: [] };
}

/** A transit handed over by another country's operator: what it was tracked on there. */
export interface HandedOverLeg {
  transitId: string;
  sealIds: string[];
  route: LineString;
  corridorWidthM: number;
  departureOffice: string;
  destinationOffice: string;
  /** This operator's country and the next on the transit's route, if any: the leg ends at the crossing between them. */
  country: string;
  next: string | undefined;
}

/**
 * The plan this operator tracks a handed-over transit on: the same route and corridor, the same offices of departure
 * and destination, and as its crossing the one where the route leaves this country for the next (its queue and its
 * ETA, which tells the next operator), or none when the destination is in this country.
 */
export function legPlan(id: string, leg: HandedOverLeg, places: Omit<PlanningPlaces, 'crossing'>, openedAt: number): PlanResult {
  const { departure, destination } = places;
  const issues: Issue[] = [];
  if (departure === undefined) issues.push({ code: 'OFFICE_UNKNOWN', path: 'declaration.DepartureOffice.ID', message: `no customs office ${leg.departureOffice}` });
  if (destination === undefined) issues.push({ code: 'OFFICE_UNKNOWN', path: 'declaration.DestinationOffice.ID', message: `no customs office ${leg.destinationOffice}` });
  if (departure === undefined || destination === undefined) return { plan: null, issues };
  const near = crossingsNear(leg.route, places.crossings);
  const exit = leg.next === undefined ? undefined : nearestBetween(near, leg.country, leg.next);
  return {
    plan: {
      id,
      declarationId: leg.transitId,
      sealIds: leg.sealIds,
      route: leg.route,
      corridorWidthM: leg.corridorWidthM,
      origin: officePlace(departure),
      destination: officePlace(destination),
      crossing: exit === undefined ? null : crossingPlace(exit),
      places: otherCrossings(near, exit?.code ?? ''),
      stopZones: [],
      openedAt,
      expectedDurationMs: defaultDuration(leg.route),
    },
    issues: [],
  };
}

/** Of the crossings near the route, the nearest between two countries. */
function nearestBetween(near: readonly NearCrossing[], from: string, to: string): BorderCrossing | undefined {
  let best: NearCrossing | undefined;
  for (const candidate of near) {
    const { countries } = candidate.crossing;
    if (countries.includes(from) && countries.includes(to) && (best === undefined || candidate.distanceM < best.distanceM)) best = candidate;
  }
  return best?.crossing;
}

function defaultDuration(route: LineString): number {
  const metres = validCoordinates(route) ? polylineLengthM(route.coordinates) : 0;
  // A route the core will refuse gets a duration it accepts, so the route's own issue is the one reported.
  return Math.max(1, Math.round((metres / (DEFAULT_PLANNED_SPEED_KMH / 3.6)) * 1000));
}

/** Whether the route is one the core can index: finite degrees, and two distinct points at least. */
function validCoordinates(route: LineString): boolean {
  const [first] = route.coordinates;
  return (
    first !== undefined &&
    route.coordinates.every(([lon, lat]) => Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && Number.isFinite(lon + lat)) &&
    route.coordinates.some(([lon, lat]) => lon !== first[0] || lat !== first[1])
  );
}

interface NearCrossing {
  crossing: BorderCrossing;
  distanceM: number;
}

/** The crossings within a few kilometres of the route, with their distance from it; the route indexed once. */
function crossingsNear(route: LineString, crossings: readonly BorderCrossing[]): NearCrossing[] {
  if (!validCoordinates(route) || crossings.length === 0) return [];
  const index = CorridorIndex.fromLineString(route);
  return crossings
    .map((crossing) => ({ crossing, distanceM: index.nearest(crossing.location.lon, crossing.location.lat, emptyMatch()).distanceM }))
    .filter((near) => near.distanceM <= CROSSING_NEAR_ROUTE_M);
}

/** The crossings near the route other than `declared`, as reported places. */
function otherCrossings(near: readonly NearCrossing[], declared: string): TripPlace[] {
  return near.filter((n) => n.crossing.code !== declared).map((n) => crossingPlace(n.crossing));
}
