/**
 * Plans one truck's trip, leg by leg, from the seal being armed at the office of departure to its removal at the
 * office of destination: road and town speeds, drivers' breaks and daily rests in designated areas, the queue and
 * the control at every border crossing, and the stops and detours its misbehaviours need.
 *
 * Driving times follow the shape of the drivers' hours rules used across the region (a break of at least 45
 * minutes after at most 4.5 hours' driving, a daily rest after at most about 9 hours' driving); the simulation
 * aims at realistic shapes, not at enforcing the rules to the minute.
 */
import type { Rng } from '../random/index.js';
import type { LatLon } from '../model/geo.js';
import { findBorderCrossing } from '../reference/index.js';
import type { CrossingTruth, StopKind, StopTruth } from './ground-truth.js';
import type { Leg } from './legs.js';
import { destination, distanceKm, distanceToPolylineKm, normalizeDeg, offsetMetres } from './geometry.js';
import { nextOpening } from './operating-hours.js';
import type { RestArea } from './rest-areas.js';
import type { RoutePath, RouteVertex } from './route-path.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Cruising speeds, km/h: trucks on the corridor's trunk roads, through towns, in a border queue, on side roads. */
export const ROAD_SPEED_KMH = [62, 88] as const;
export const TOWN_SPEED_KMH = [25, 45] as const;
export const CRAWL_SPEED_KMH = [4, 9] as const;
export const SIDE_ROAD_SPEED_KMH = [35, 60] as const;

/** Half the length of the slow stretch through a town, km. */
const TOWN_ZONE_KM = 4;
/** The slow stretch after the posts of a crossing, km. */
const CROSSING_EXIT_KM = 3;
const DAILY_DRIVING_HOURS = 9;
/** The average speed used to foresee whether the next rest area can be reached within the day's driving. */
const PLANNING_SPEED_KMH = 70;

/** Which misbehaviours need a place on the route. */
export interface ItinerarySpots {
  deviation: boolean;
  longStop: boolean;
  doorStop: boolean;
  cableStop: boolean;
  tamper: boolean;
}

export interface DeviationPlan {
  from: number;
  to: number;
  leftAt: LatLon;
  farthest: LatLon;
  farthestKm: number;
  rejoinedAt: LatLon;
}

export interface Itinerary {
  legs: Leg[];
  stops: StopTruth[];
  crossings: CrossingTruth[];
  armedAt: number;
  departedAt: number;
  arrivedAt: number;
  unsealedAt: number;
  endsAt: number;
  deviation?: DeviationPlan;
  longStop?: StopTruth;
  doorStop?: StopTruth;
  cableStop?: StopTruth;
  tamper?: { time: number; at: LatLon };
}

interface SpeedChunk {
  fromKm: number;
  toKm: number;
  speedKmh: number;
}

type Waypoint =
  | { km: number; type: 'crossing'; vertex: RouteVertex }
  | { km: number; type: 'rest-area'; area: RestArea }
  | { km: number; type: 'deviation' | 'long-stop' | 'door-stop' | 'cable-stop' | 'tamper' };

const uniform = (rng: Rng, [min, max]: readonly [number, number]): number => min + (max - min) * rng.next();
const wholeSeconds = (ms: number): number => Math.max(SECOND, Math.round(ms / SECOND) * SECOND);

/** Slow stretches through towns and offices and after crossings, and road stretches of 15–50 km between them. */
function speedChunks(rng: Rng, path: RoutePath): SpeedChunk[] {
  const L = path.lengthKm;
  const slow: Array<[number, number]> = [];
  for (const v of path.vertices) {
    if (v.kind === 'crossing') slow.push([v.km, v.km + CROSSING_EXIT_KM]);
    else slow.push([v.km - TOWN_ZONE_KM, v.km + TOWN_ZONE_KM]);
  }
  const merged: Array<[number, number]> = [];
  for (const [a, b] of slow.map(([a, b]) => [Math.max(0, a), Math.min(L, b)] as [number, number]).sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const chunks: SpeedChunk[] = [];
  let at = 0;
  const road = (to: number): void => {
    while (to - at > 1e-9) {
      const piece = uniform(rng, [15, 50]);
      // A remainder shorter than 10 km joins the piece before it rather than getting a speed of its own.
      const end = to - (at + piece) < 10 ? to : at + piece;
      chunks.push({ fromKm: at, toKm: end, speedKmh: uniform(rng, ROAD_SPEED_KMH) });
      at = end;
    }
  };
  for (const [a, b] of merged) {
    road(a);
    if (b > at) chunks.push({ fromKm: at, toKm: b, speedKmh: uniform(rng, TOWN_SPEED_KMH) });
    at = Math.max(at, b);
  }
  road(L);
  return chunks;
}

/**
 * A place for a misbehaviour: away from the ends, crossings, towns, rest areas and the places already taken; the
 * best of a number of random tries, so a short route still gets one.
 */
function pickSpot(rng: Rng, path: RoutePath, restAreas: readonly RestArea[], taken: readonly number[]): number {
  const L = path.lengthKm;
  const [lo, hi] = L > 160 ? [40, L - 40] : [L * 0.3, L * 0.7];
  const clearance = (km: number): number => {
    let d = Infinity;
    for (const v of path.vertices) d = Math.min(d, Math.abs(km - v.km) - (v.kind === 'crossing' ? 30 : v.kind === 'office' ? 20 : 8));
    for (const area of restAreas) d = Math.min(d, Math.abs(km - area.km) - 10);
    for (const km2 of taken) d = Math.min(d, Math.abs(km - km2) - 25);
    return d;
  };
  let best = (lo + hi) / 2;
  let bestClearance = clearance(best);
  for (let i = 0; i < 60 && bestClearance < 0; i++) {
    const km = lo + (hi - lo) * rng.next();
    const c = clearance(km);
    if (c > bestClearance) {
      best = km;
      bestClearance = c;
    }
  }
  return best;
}

export function planItinerary(rng: Rng, path: RoutePath, restAreas: readonly RestArea[], armedAt: number, spots: ItinerarySpots): Itinerary {
  const L = path.lengthKm;
  const chunks = speedChunks(rng.fork('speeds'), path);
  const legs: Leg[] = [];
  const stops: StopTruth[] = [];
  const crossings: CrossingTruth[] = [];
  const plan: Partial<Itinerary> = {};

  let t = Math.ceil(armedAt / SECOND) * SECOND;
  let s = 0;
  let continuousH = 0;
  let dailyH = 0;
  let breakDueH = uniform(rng, [4, 4.5]);

  const here = (): LatLon => {
    const { lat, lon } = path.pointAt(s);
    return { lat, lon };
  };
  /** A point `metres` to the side of the road, where a truck pulls over. */
  const roadside = (metres: number): LatLon => {
    const p = path.pointAt(s);
    const side = normalizeDeg(p.course + (rng.chance(0.5) ? 90 : -90));
    return destination(p, side, metres / 1000);
  };
  const stand = (kind: StopKind, ms: number, at: LatLon, record = true): StopTruth => {
    const stop: StopTruth = { kind, from: t, to: t + wholeSeconds(ms), at };
    legs.push({ kind: 'stop', from: stop.from, to: stop.to, at, stop: kind });
    t = stop.to;
    if (record) stops.push(stop);
    return stop;
  };
  const drive = (toKm: number, speedKmh: number): void => {
    const ms = ((toKm - s) / speedKmh) * HOUR;
    if (ms < SECOND) {
      s = toKm; // a few metres: not worth a leg of its own
      return;
    }
    const duration = wholeSeconds(ms);
    legs.push({ kind: 'route', from: t, to: t + duration, fromKm: s, toKm, speedKmh: ((toKm - s) / duration) * HOUR });
    const hours = duration / HOUR;
    continuousH += hours;
    dailyH += hours;
    t += duration;
    s = toKm;
  };
  const takeBreak = (): void => {
    stand('break', uniform(rng, [30, 50]) * MINUTE, roadside(uniform(rng, [15, 40])));
    continuousH = 0;
    breakDueH = uniform(rng, [4, 4.5]);
  };
  let chunkIndex = 0;
  const driveTo = (targetKm: number): void => {
    while (targetKm - s > 1e-9) {
      while (chunkIndex < chunks.length - 1 && chunks[chunkIndex]!.toKm <= s + 1e-9) chunkIndex++;
      const chunk = chunks[chunkIndex]!;
      const end = Math.min(chunk.toKm, targetKm);
      const leftH = breakDueH - continuousH;
      if ((end - s) / chunk.speedKmh > leftH) {
        drive(s + Math.max(0, leftH) * chunk.speedKmh, chunk.speedKmh);
        takeBreak();
      } else {
        drive(end, chunk.speedKmh);
      }
    }
  };

  // Armed at the office of departure: the seal is fitted and checked before the truck leaves.
  stand('departure', uniform(rng, [5, 20]) * MINUTE, here());
  plan.departedAt = t;

  // Where things happen along the way, in order.
  const spotRng = rng.fork('spots');
  const restAreaWaypoints: Waypoint[] = restAreas.map((area) => ({ km: area.km, type: 'rest-area', area }));
  const waypoints: Waypoint[] = [...restAreaWaypoints];
  const queueKm = new Map<string, { lengthKm: number; waitMs: number }>();
  for (const vertex of path.crossings()) {
    const waitMs = Math.min(10 * HOUR, Math.max(20 * MINUTE, spotRng.lognormal(Math.log(90 * MINUTE), 0.8)));
    const lengthKm = Math.min(vertex.km, 0.5 + Math.min(2, (waitMs / HOUR) * 0.4));
    queueKm.set(vertex.name, { lengthKm, waitMs });
    waypoints.push({ km: vertex.km - lengthKm, type: 'crossing', vertex });
  }
  const taken: number[] = [];
  const spot = (type: 'deviation' | 'long-stop' | 'door-stop' | 'cable-stop' | 'tamper'): void => {
    const km = pickSpot(spotRng, path, restAreas, taken);
    taken.push(km);
    waypoints.push({ km, type });
  };
  if (spots.deviation) spot('deviation');
  if (spots.longStop) spot('long-stop');
  if (spots.doorStop) spot('door-stop');
  if (spots.cableStop) spot('cable-stop');
  if (spots.tamper) spot('tamper');
  waypoints.sort((a, b) => a.km - b.km);

  for (const [i, w] of waypoints.entries()) {
    if (w.km < s) continue; // passed already, on a detour
    driveTo(w.km);
    switch (w.type) {
      case 'rest-area': {
        const next = waypoints.slice(i + 1).find((x) => x.type === 'rest-area')?.km ?? L;
        if (dailyH + (next - s) / PLANNING_SPEED_KMH > DAILY_DRIVING_HOURS) {
          const at = offsetMetres(w.area.location, uniform(rng, [-100, 100]), uniform(rng, [-100, 100]));
          stand('rest', uniform(rng, [9, 11]) * HOUR, at);
          continuousH = 0;
          dailyH = 0;
        }
        break;
      }
      case 'crossing':
        crossings.push(crossBorder(w.vertex, queueKm.get(w.vertex.name)!));
        break;
      case 'tamper':
        plan.tamper = { time: t, at: here() };
        break;
      case 'door-stop':
        plan.doorStop = stand('unplanned', uniform(rng, [15, 40]) * MINUTE, roadside(uniform(rng, [20, 60])));
        break;
      case 'cable-stop':
        plan.cableStop = stand('unplanned', uniform(rng, [10, 30]) * MINUTE, roadside(uniform(rng, [20, 60])));
        break;
      case 'long-stop':
        plan.longStop = stand('unplanned', uniform(rng, [3, 8]) * HOUR, roadside(uniform(rng, [20, 60])));
        continuousH = 0;
        break;
      case 'deviation':
        plan.deviation = deviate();
        break;
    }
  }
  driveTo(L);

  plan.arrivedAt = t;
  const arrival = here();
  plan.unsealedAt = t + wholeSeconds(uniform(rng, [10, 40]) * MINUTE);
  plan.endsAt = plan.unsealedAt + wholeSeconds(uniform(rng, [3, 10]) * MINUTE);
  stand('arrival', plan.endsAt - t, arrival);

  return {
    ...plan,
    legs,
    stops,
    crossings,
    armedAt: legs[0]!.from,
    departedAt: plan.departedAt,
    arrivedAt: plan.arrivedAt,
    unsealedAt: plan.unsealedAt,
    endsAt: plan.endsAt,
  };

  function crossBorder(vertex: RouteVertex, queue: { lengthKm: number; waitMs: number }): CrossingTruth {
    const hours = findBorderCrossing(vertex.name)?.operatingHours;
    const queueFrom = t;
    const queueAt = here();
    const crawlSpeed = uniform(rng, CRAWL_SPEED_KMH);
    const steps = Math.max(3, Math.min(20, Math.round(queue.lengthKm / 0.15)));
    const stepKm = (vertex.km - s) / steps;
    const movingMs = steps * (stepKm / crawlSpeed) * HOUR;
    // A closed crossing adds its night to the wait; the queue crawls only while the posts are working.
    const closedMs = nextOpening(hours, t) - t;
    const waitMs = Math.max(steps * MINUTE, queue.waitMs - movingMs) + closedMs;
    const weights = Array.from({ length: steps }, () => rng.exponential(1));
    const total = weights.reduce((a, b) => a + b, 0);
    for (let k = 0; k < steps; k++) {
      stand('border-queue', (waitMs * weights[k]!) / total, here(), false);
      drive(k === steps - 1 ? vertex.km : s + stepKm, crawlSpeed);
    }
    const opening = nextOpening(hours, t);
    if (opening > t) stand('border-queue', opening - t, here(), false);
    stops.push({ kind: 'border-queue', from: queueFrom, to: t, at: queueAt });
    const controlFrom = t;
    stand('border-control', uniform(rng, [20, 60]) * MINUTE, roadside(uniform(rng, [10, 30])));
    // Hours in a queue are hours away from the wheel.
    continuousH = 0;
    return { code: vertex.name, queueFrom, controlFrom, leftAt: t };
  }

  function deviate(): DeviationPlan {
    const from = t;
    const leftAt = here();
    const alongKm = uniform(rng, [3, 12]);
    const mid = path.pointAt(Math.min(L, s + alongKm / 2));
    const farthest = destination(mid, normalizeDeg(mid.course + (rng.chance(0.5) ? 90 : -90)), uniform(rng, [5, 15]));
    const rejoinKm = Math.min(L, s + alongKm);
    const r = path.pointAt(rejoinKm);
    const rejoinedAt = { lat: r.lat, lon: r.lon };
    const speedOut = uniform(rng, SIDE_ROAD_SPEED_KMH);
    const line = (start: LatLon, end: LatLon, speedKmh: number): void => {
      const km = distanceKm(start, end);
      const duration = wholeSeconds((km / speedKmh) * HOUR);
      legs.push({ kind: 'line', from: t, to: t + duration, start, end, speedKmh: (km / duration) * HOUR });
      t += duration;
    };
    line(leftAt, farthest, speedOut);
    stand('unplanned', uniform(rng, [20, 90]) * MINUTE, farthest);
    line(farthest, rejoinedAt, uniform(rng, SIDE_ROAD_SPEED_KMH));
    s = rejoinKm;
    continuousH = 0;
    return { from, to: t, leftAt, farthest, farthestKm: distanceToPolylineKm(farthest, path.line()), rejoinedAt };
  }
}
