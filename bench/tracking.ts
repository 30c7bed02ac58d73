/**
 * Positions per second through the tracking engine's `step` with 20,000 open trips, each on a realistic corridor
 * (a demo route between real offices, densified to a vertex every 200 m and made to wind like a road: hundreds to
 * thousands of kilometres, thousands of vertices), positions arriving interleaved across trips in time order. Each
 * position advances its trip's state in place (`advance`, which `step` runs on a copy), as a tracker does with the
 * copy of a state it steps a batch through.
 *
 * Beside it, in the same run, the straightforward implementation: the same `step`, but each position measured
 * against every segment of its route with @turf/turf's nearestPointOnLine. It is run on a sample of the same
 * position stream from the same trip states, and its rate scaled; both must raise the same events.
 *
 * Trips on one planned route share its (immutable) corridor index, as they do in production; there are
 * `corridors` distinct corridors among the trips.
 *
 * `node --import tsx bench/tracking.ts` prints the results; `trackingBenchmarks()` returns them.
 */
import { pathToFileURL } from 'node:url';
import { nearestPointOnLine } from '@turf/turf';
import type { Feature, LineString as GeoLineString } from 'geojson';
import { loadCountryIndex } from '../src/adapters/geo/natural-earth.js';
import { DEMO_ROUTES, plannedRoute, type DemoRoute } from '../src/core/demo/index.js';
import {
  CorridorIndex,
  densifyGreatCircle,
  emptyMatch,
  haversineM,
  MATCH,
  offsetM,
  type CorridorMatch,
  type RouteLocator,
} from '../src/core/geo/index.js';
import type { LatLon } from '../src/core/model/geo.js';
import type { Position } from '../src/core/model/position.js';
import { createRng } from '../src/core/random/index.js';
import { findBorderCrossing, findCustomsOffice, hexagonAround } from '../src/core/reference/index.js';
import {
  advance,
  copyTripState,
  createTripState,
  crossingPlace,
  officePlace,
  parkingPlace,
  prepareRoute,
  prepareTrip,
  step,
  type PreparedRoute,
  type RoutePlan,
  type Trip,
  type TrackingEvent,
  type TripPlace,
  type TripState,
} from '../src/core/tracking/index.js';

export interface TrackingBenchmarkOptions {
  trips?: number;
  /** Positions per trip. */
  positionsPerTrip?: number;
  /** Distinct winding variants of each demo route. */
  variantsPerRoute?: number;
  /** Times the measured positions are run, each from a copy of the same states. */
  rounds?: number;
  /** Positions run through the turf baseline. */
  baselineSample?: number;
}

const T0 = Date.UTC(2026, 2, 2, 6, 0, 0);
const VERTEX_SPACING_M = 200;

interface Corridor {
  route: DemoRoute;
  coordinates: Array<[number, number]>;
  index: CorridorIndex;
  plan: RoutePlan;
  prepared: PreparedRoute;
}

/** A demo route as a road: every 200 m, winding sideways by up to ~600 m in three seeded waves, straight at the ends. */
function windingRoad(route: DemoRoute, seed: string): Array<[number, number]> {
  const rng = createRng(seed);
  const dense = densifyGreatCircle(plannedRoute(route).coordinates, VERTEX_SPACING_M);
  const along = [0];
  for (let i = 1; i < dense.length; i++) along.push(along[i - 1]! + haversineM(dense[i - 1]![1], dense[i - 1]![0], dense[i]![1], dense[i]![0]));
  const length = along[along.length - 1]!;
  const waves = [
    { a: 250 * rng.next(), wavelength: 30_000 + 30_000 * rng.next(), phase: 2 * Math.PI * rng.next() },
    { a: 80 + 120 * rng.next(), wavelength: 5_000 + 5_000 * rng.next(), phase: 2 * Math.PI * rng.next() },
    { a: 20 + 40 * rng.next(), wavelength: 1_000 + 1_000 * rng.next(), phase: 2 * Math.PI * rng.next() },
  ];
  return dense.map(([lon, lat], i) => {
    const s = along[i]!;
    const taper = Math.min(1, s / 3_000, (length - s) / 3_000);
    const w = taper * waves.reduce((sum, wave) => sum + wave.a * Math.sin((2 * Math.PI * s) / wave.wavelength + wave.phase), 0);
    const a = dense[Math.max(0, i - 1)]!;
    const b = dense[Math.min(dense.length - 1, i + 1)]!;
    const east = (b[0] - a[0]) * Math.cos((lat * Math.PI) / 180);
    const north = b[1] - a[1];
    const norm = Math.hypot(east, north) || 1;
    const p = offsetM({ lat, lon }, (east / norm) * w, (-north / norm) * w);
    return [p.lon, p.lat];
  });
}

function buildCorridors(variants: number): Corridor[] {
  const corridors: Corridor[] = [];
  for (const route of DEMO_ROUTES) {
    const earlier = route.via.flatMap((v) => ('crossing' in v ? [crossingPlace(findBorderCrossing(v.crossing)!)] : []));
    for (let v = 0; v < variants; v++) {
      const coordinates = windingRoad(route, `bench/${route.id}/${v}`);
      const index = new CorridorIndex(coordinates);
      const parking: TripPlace[] = [];
      for (let km = 120; km < index.lengthM / 1000 - 30; km += 120) parking.push(parkingPlace(`${route.id}-${v}-km${km}`, hexagonAround(index.pointAt(km * 1000), 0.5)));
      const plan: RoutePlan = {
        route: { type: 'LineString', coordinates },
        origin: officePlace(findCustomsOffice(route.departure)!),
        destination: officePlace(findCustomsOffice(route.destination)!),
        crossing: crossingPlace(findBorderCrossing(route.crossing)!),
        places: earlier,
        stopZones: parking,
      };
      corridors.push({ route, coordinates, index, plan, prepared: prepareRoute(plan, index) });
    }
  }
  return corridors;
}

function tripOn(corridor: Corridor, id: number, prepared: PreparedRoute, countries: ReturnType<typeof loadCountryIndex>): Trip {
  return prepareTrip(
    {
      ...corridor.plan,
      id: `bench-${id}`,
      declarationId: `decl-${id}`,
      sealIds: [`SEAL-${id}`],
      corridorWidthM: 500,
      openedAt: T0 + HOUR_MS - 60_000,
      expectedDurationMs: (corridor.index.lengthM / (60 / 3.6)) * 1000,
    },
    { prepared, countries },
  );
}

/** The straightforward locator: every segment of the route, every time, with turf. */
class TurfRoute implements RouteLocator {
  readonly lengthM: number;
  readonly segmentCount: number;
  private readonly line: Feature<GeoLineString>;

  constructor(private readonly index: CorridorIndex, coordinates: Array<[number, number]>) {
    this.line = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
    this.lengthM = index.lengthM;
    this.segmentCount = coordinates.length - 1;
  }

  locate(lon: number, lat: number, _hint: number, _acceptWithinM: number, out: CorridorMatch): CorridorMatch {
    const nearest = nearestPointOnLine(this.line, [lon, lat], { units: 'meters' });
    out.distanceM = nearest.properties.pointDistance;
    out.alongM = nearest.properties.totalDistance;
    out.remainingM = Math.max(0, this.lengthM - out.alongM);
    out.segment = Math.min(this.segmentCount - 1, nearest.properties.segmentIndex);
    out.fraction = 0;
    out.lon = nearest.geometry.coordinates[0]!;
    out.lat = nearest.geometry.coordinates[1]!;
    out.source = 'index';
    return out;
  }

  locateInto(lon: number, lat: number, hint: number, acceptWithinM: number, out: Float64Array): void {
    const m = this.locate(lon, lat, hint, acceptWithinM, emptyMatch());
    out[MATCH.DISTANCE] = m.distanceM;
    out[MATCH.SEGMENT] = m.segment;
    out[MATCH.FRACTION] = m.fraction;
    out[MATCH.ALONG] = m.alongM;
    out[MATCH.REMAINING] = m.remainingM;
    out[MATCH.LAT] = m.lat;
    out[MATCH.LON] = m.lon;
    out[MATCH.FROM_INDEX] = 1;
  }

  nearest(lon: number, lat: number, out: CorridorMatch): CorridorMatch {
    return this.locate(lon, lat, -1, 0, out);
  }

  pointAt(alongM: number): LatLon {
    return this.index.pointAt(alongM);
  }
}

/** Every trip's fixes in typed arrays, in the order they arrive (by device time across all trips). */
export interface Stream {
  trip: Uint32Array;
  time: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  speed: Float32Array;
}

function generateStream(trips: readonly Trip[], corridorOf: readonly Corridor[], perTrip: number): Stream {
  const n = trips.length * perTrip;
  const stream: Stream = {
    trip: new Uint32Array(n),
    time: new Float64Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    speed: new Float32Array(n),
  };
  trips.forEach((trip, t) => {
    const rng = createRng(`bench/stream/${t}`);
    const route = corridorOf[t]!.index;
    const intervalS = rng.int(20, 60);
    const speedKmh = 60 + 30 * rng.next();
    const span = (perTrip * intervalS * speedKmh) / 3.6;
    let along = rng.next() * Math.max(0, route.lengthM - span - 1_000);
    let time = T0 + HOUR_MS + rng.int(0, intervalS * 1000);
    for (let k = 0; k < perTrip; k++) {
      const i = t * perTrip + k;
      const v = Math.max(20, speedKmh + rng.normal(0, 3));
      const p = offsetM(route.pointAt(along), rng.normal(0, 3), rng.normal(0, 3));
      stream.trip[i] = t;
      stream.time[i] = time;
      stream.lat[i] = p.lat;
      stream.lon[i] = p.lon;
      stream.speed[i] = Math.round(v);
      along += (v / 3.6) * intervalS;
      time += intervalS * 1000;
    }
  });
  // Stored in arrival order, as a bus delivers them: reading the stream is sequential; only the trips are random.
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => stream.time[a]! - stream.time[b]! || a - b);
  const arrived: Stream = {
    trip: Uint32Array.from(order, (i) => stream.trip[i]!),
    time: Float64Array.from(order, (i) => stream.time[i]!),
    lat: Float64Array.from(order, (i) => stream.lat[i]!),
    lon: Float64Array.from(order, (i) => stream.lon[i]!),
    speed: Float32Array.from(order, (i) => stream.speed[i]!),
  };
  return arrived;
}

const HOUR_MS = 3_600_000;
const SEAL = Object.freeze({ locked: true, tamper: false, cableCut: false, batteryPercent: 80 });
const NO_ATTRIBUTES = Object.freeze({});

/** The decoded position the gateway would hand over; built in the timed loop, as a decoder would. */
function positionAt(stream: Stream, i: number): Position {
  const time = stream.time[i]!;
  return {
    deviceId: 'dev',
    deviceTime: time,
    receivedTime: time + 800,
    lat: stream.lat[i]!,
    lon: stream.lon[i]!,
    speed: stream.speed[i]!,
    course: 0,
    valid: true,
    attributes: NO_ATTRIBUTES,
    seal: SEAL,
  };
}

/**
 * Steps positions [from, to) of the stream through their trips, advancing each trip's state in place, as a tracker
 * does with the copy of a state it steps a batch through; returns the number of events raised.
 */
export function runSteps(trips: readonly Trip[], states: readonly TripState[], stream: Stream, from: number, to: number, types: Record<string, number> | null): number {
  const events: TrackingEvent[] = [];
  let raised = 0;
  for (let k = from; k < to; k++) {
    const t = stream.trip[k]!;
    advance(trips[t]!, states[t]!, { kind: 'position', position: positionAt(stream, k) }, events);
    if (events.length === 0) continue;
    raised += events.length;
    if (types !== null) for (const e of events) types[e.type] = (types[e.type] ?? 0) + 1;
    events.length = 0;
  }
  return raised;
}

/** The benchmark's corridors, its trips on them (trip t on `corridorOf[t]`) and their position stream. */
export function buildWorkload(
  options: TrackingBenchmarkOptions,
  countries: ReturnType<typeof loadCountryIndex>,
): { corridors: Corridor[]; corridorOf: Corridor[]; trips: Trip[]; stream: Stream } {
  const corridors = buildCorridors(options.variantsPerRoute ?? 8);
  const tripCount = options.trips ?? 20_000;
  const corridorOf = Array.from({ length: tripCount }, (_, t) => corridors[t % corridors.length]!);
  const trips = corridorOf.map((corridor, t) => tripOn(corridor, t, corridor.prepared, countries));
  return { corridors, corridorOf, trips, stream: generateStream(trips, corridorOf, options.positionsPerTrip ?? 100) };
}

export async function trackingBenchmarks(options: TrackingBenchmarkOptions = {}): Promise<object[]> {
  const tripCount = options.trips ?? 20_000;
  const sample = options.baselineSample ?? 200;

  const countries = loadCountryIndex('10m');
  const setupStarted = performance.now();
  const { corridors, corridorOf, trips, stream } = buildWorkload(options, countries);
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  const vertices = corridors.map((c) => c.index.vertexCount);
  const lengths = corridors.map((c) => c.index.lengthM / 1000);

  // The first tenth of the stream opens every trip (its first fix searches the whole route) and warms the JIT;
  // the rest is measured: trips in steady state.
  const states: TripState[] = trips.map((trip) => createTripState(trip));
  const n = stream.time.length;
  const warm = Math.floor(n / 10);
  const eventTypes: Record<string, number> = {};
  let events = runSteps(trips, states, stream, 0, warm, eventTypes);
  const atMeasure = states.map(copyTripState);
  // The measured positions are run `rounds` times, each from a copy of the same states: on a shared machine the
  // rate moves between runs of the same code, and one process gives a spread and a median. Every round must end
  // in the same states.
  const rounds: Array<{ seconds: number; cpuSeconds: number }> = [];
  let firstEnd: string | null = null;
  let sameStates = true;
  const measured = n - warm;
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    const running = round === 0 ? states : atMeasure.map(copyTripState);
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const raised = runSteps(trips, running, stream, warm, n, null);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    rounds.push({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    if (round === 0) events += raised;
    const end = JSON.stringify(running);
    if (firstEnd === null) firstEnd = end;
    else sameStates &&= end === firstEnd;
  }
  const median = [...rounds].sort((a, b) => a.seconds - b.seconds)[rounds.length >> 1]!;
  const perSecond = measured / median.seconds;

  // Corridor search alone, over the same measured positions, from each trip's last segment.
  const hints = new Int32Array(tripCount);
  atMeasure.forEach((s, t) => (hints[t] = s.segment));
  const match = emptyMatch();
  let fromIndex = 0;
  const locateStarted = performance.now();
  for (let k = warm; k < n; k++) {
    const i = k;
    const t = stream.trip[i]!;
    corridorOf[t]!.index.locate(stream.lon[i]!, stream.lat[i]!, hints[t]!, 500, match);
    hints[t] = match.segment;
    if (match.source === 'index') fromIndex++;
  }
  const locateSeconds = (performance.now() - locateStarted) / 1000;

  // The straightforward implementation on the first `sample` measured positions, from the same states.
  const baselineTrips = new Map<number, Trip>();
  const baselineStates = new Map<number, TripState>();
  const ourStates = new Map<number, TripState>();
  const ourEvents: string[] = [];
  const baselineEvents: string[] = [];
  let worstDifferenceM = 0;
  let baselineSeconds = 0;
  let turfOnlySeconds = 0;
  for (let k = warm; k < warm + sample && k < n; k++) {
    const i = k;
    const t = stream.trip[i]!;
    const corridor = corridorOf[t]!;
    let trip = baselineTrips.get(t);
    if (trip === undefined) {
      trip = tripOn(corridor, t, prepareRoute(corridor.plan, new TurfRoute(corridor.index, corridor.coordinates)), countries);
      baselineTrips.set(t, trip);
      baselineStates.set(t, atMeasure[t]!);
      ourStates.set(t, atMeasure[t]!);
    }
    const position = positionAt(stream, i);
    const before = performance.now();
    const base = step(trip, baselineStates.get(t)!, { kind: 'position', position });
    baselineSeconds += (performance.now() - before) / 1000;
    baselineStates.set(t, base.state);
    baselineEvents.push(...base.events.map((e) => e.id));
    const ours = step(trips[t]!, ourStates.get(t)!, { kind: 'position', position });
    ourStates.set(t, ours.state);
    ourEvents.push(...ours.events.map((e) => e.id));
    worstDifferenceM = Math.max(worstDifferenceM, Math.abs(base.state.distanceM - ours.state.distanceM));
    const turfStarted = performance.now();
    nearestPointOnLine({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: corridor.coordinates } }, [position.lon, position.lat], { units: 'meters' });
    turfOnlySeconds += (performance.now() - turfStarted) / 1000;
  }
  const sampled = Math.min(sample, n - warm);
  const baselinePerSecond = sampled / baselineSeconds;

  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return [
    {
      benchmark: 'tracking-step',
      trips: tripCount,
      corridors: corridors.length,
      corridorKm: { min: Math.round(Math.min(...lengths)), mean: Math.round(mean(lengths)), max: Math.round(Math.max(...lengths)) },
      corridorVertices: { min: Math.min(...vertices), mean: Math.round(mean(vertices)), max: Math.max(...vertices) },
      positions: measured,
      warmupPositions: warm,
      seconds: round(median.seconds),
      perSecond: Math.round(perSecond),
      cpuSeconds: round(median.cpuSeconds),
      perCpuSecond: Math.round(measured / median.cpuSeconds),
      roundsPerSecond: rounds.map((r) => Math.round(measured / r.seconds)),
      roundsSameStates: sameStates,
      eventsRaised: events,
      warmupEvents: eventTypes,
      setupSeconds: round(setupSeconds),
      heapMB: Math.round(process.memoryUsage().heapUsed / 1e6),
      baseline: 'same step, corridor by @turf/turf nearestPointOnLine over every segment',
      baselineSample: sampled,
      baselinePerSecond: round(baselinePerSecond),
      ratioToBaseline: Math.round(perSecond / baselinePerSecond),
      baselineSameEvents: JSON.stringify(ourEvents) === JSON.stringify(baselineEvents),
      baselineWorstDistanceDifferenceM: round(worstDifferenceM),
    },
    {
      benchmark: 'tracking-corridor-locate',
      positions: measured,
      perSecond: Math.round(measured / locateSeconds),
      answeredBySpatialIndex: fromIndex,
      baseline: '@turf/turf nearestPointOnLine over every segment',
      baselinePerSecond: round(sampled / turfOnlySeconds),
      ratioToBaseline: Math.round(measured / locateSeconds / (sampled / turfOnlySeconds)),
    },
  ];
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const trips = Number(process.env.BENCH_TRIPS ?? 20_000);
  for (const result of await trackingBenchmarks({ trips })) console.log(JSON.stringify(result));
}
