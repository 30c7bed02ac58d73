/**
 * Scripted tracks for the tracking tests: a trip planned on a demo route between real offices and crossings, and a
 * driver that produces the seal's reports along it — every 20–60 s while moving, every 5 minutes parked, with a few
 * metres of seeded GPS noise — plus the misbehaviours the tests need. Test support only; nothing in src uses it.
 */
import { CountryIndex, destinationPoint, emptyMatch, offsetM } from '../geo/index.js';
import type { LatLon } from '../model/geo.js';
import type { Position, SealState } from '../model/position.js';
import { DEMO_ROUTES, plannedRoute } from '../demo/index.js';
import { createRng, type Rng } from '../random/index.js';
import { findBorderCrossing, findCustomsOffice, hexagonAround } from '../reference/index.js';
import { crossingPlace, officePlace, parkingPlace } from './reference-places.js';
import type { Fix } from './fix.js';
import type { TrackingInput } from './pipeline.js';
import { createTripState, type TripState } from './state.js';
import { prepareTrip, type Trip, type TripPlan } from './trip.js';

export const T0 = Date.UTC(2026, 2, 2, 6, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DEVICE = '356307042441013';

/** A plan for a demo route: real offices and crossings, parking every 120 km, a 500 m corridor, 60 km/h planned. */
export function demoPlan(routeId: string, overrides: Partial<TripPlan> = {}): TripPlan {
  const route = DEMO_ROUTES.find((r) => r.id === routeId);
  if (route === undefined) throw new RangeError(`no demo route ${routeId}`);
  const line = plannedRoute(route);
  const earlierCrossings = route.via.flatMap((v) => ('crossing' in v ? [crossingPlace(findBorderCrossing(v.crossing)!)] : []));
  const base: TripPlan = {
    id: `trip-${routeId}`,
    declarationId: `decl-${routeId}`,
    sealIds: ['SEAL-1'],
    route: line,
    corridorWidthM: 500,
    origin: officePlace(findCustomsOffice(route.departure)!),
    destination: officePlace(findCustomsOffice(route.destination)!),
    crossing: crossingPlace(findBorderCrossing(route.crossing)!),
    places: earlierCrossings,
    stopZones: [],
    openedAt: T0,
    expectedDurationMs: 0,
  };
  return { ...base, ...overrides };
}

/** The plan prepared, with parking areas every 120 km along the route and the expected duration at 60 km/h. */
export function demoTrip(routeId: string, overrides: Partial<TripPlan> = {}, countries: CountryIndex | null = null): Trip {
  const draft = prepareTrip({ ...demoPlan(routeId, overrides), expectedDurationMs: 1 });
  const parking = [];
  for (let km = 120; km < draft.route.lengthM / 1000 - 30; km += 120) {
    parking.push(parkingPlace(`${routeId}-km${km}`, hexagonAround(draft.route.pointAt(km * 1000), 0.5)));
  }
  return prepareTrip(
    { ...demoPlan(routeId, overrides), stopZones: overrides.stopZones ?? parking, expectedDurationMs: overrides.expectedDurationMs ?? (draft.route.lengthM / (60 / 3.6)) * 1000 },
    { countries, route: draft.route },
  );
}

/**
 * Stand-in country polygons for the core's tests (the real Natural Earth borders are tested with the adapter that
 * loads them): Kyrgyzstan south of 43.0°N between 69°E and 81°E, Kazakhstan from there to 54.0°N, Russia north of
 * it. Near Korday the real border runs at about 43.0–43.05°N, and near Troitsk just south of 54.0°N.
 */
export function stubCountries(): CountryIndex {
  const box = (x0: number, y0: number, x1: number, y1: number): { type: 'Polygon'; coordinates: Array<Array<[number, number]>> } => ({
    type: 'Polygon',
    coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
  });
  return new CountryIndex(
    [
      { code: 'KG', geometry: box(69, 39, 81, 43) },
      { code: 'KZ', geometry: box(46, 43, 88, 54) },
      { code: 'RU', geometry: box(30, 54, 90, 60) },
    ],
    { bbox: [30, 39, 90, 60] },
  );
}

const ARMED: Required<Pick<SealState, 'locked' | 'tamper' | 'cableCut' | 'batteryPercent'>> = { locked: true, tamper: false, cableCut: false, batteryPercent: 90 };

/** Produces a seal's positions along a trip's route. Methods chain; `inputs` is the result in receive order. */
export class Driver {
  readonly positions: Position[] = [];
  time: number;
  along = 0;
  seal: SealState = { ...ARMED };
  /** Metres to the left of the route (negative: right) the truck drives at. */
  lateralM = 0;
  noiseM = 3;
  /** When set, fixes are stored and sent at this time (a device out of coverage). */
  heldUntil: number | null = null;
  /** Battery percentage points lost per hour from the start; reported rounded, with a point of wobble. */
  drainPerHour = 0.3;
  private readonly rng: Rng;
  private sequence = 0;

  constructor(readonly trip: Trip, seed: string, start = trip.plan.openedAt) {
    this.rng = createRng(seed);
    this.time = start;
  }

  /** Where the truck is on the route now, offset sideways by `lateralM`. */
  here(): LatLon {
    return this.beside(this.along, this.lateralM);
  }

  /** The point `lateralM` to the left of the route (negative: right) at progress `alongM`. */
  beside(alongM: number, lateralM: number): LatLon {
    const on = this.trip.route.pointAt(alongM);
    if (lateralM === 0) return on;
    const ahead = this.trip.route.pointAt(Math.min(this.trip.route.lengthM, alongM + 50));
    const behind = this.trip.route.pointAt(Math.max(0, alongM - 50));
    const heading = (Math.atan2((ahead.lon - behind.lon) * Math.cos((on.lat * Math.PI) / 180), ahead.lat - behind.lat) * 180) / Math.PI;
    return destinationPoint(on, heading - 90, lateralM);
  }

  /** One report at the current place and time. */
  report(speedKmh: number, at: LatLon = this.here(), extra: Partial<Position> = {}): this {
    const hours = (this.time - this.trip.plan.openedAt) / HOUR;
    const battery = Math.max(1, Math.round(90 - this.drainPerHour * hours + this.rng.normal(0, 0.5)));
    const noisy = offsetM(at, this.rng.normal(0, this.noiseM), this.rng.normal(0, this.noiseM));
    const receivedTime = this.heldUntil !== null && this.time < this.heldUntil ? this.heldUntil : this.time + 1_000;
    this.positions.push({
      deviceId: DEVICE,
      deviceTime: this.time,
      receivedTime,
      lat: noisy.lat,
      lon: noisy.lon,
      speed: speedKmh,
      course: 0,
      valid: true,
      sequence: ++this.sequence,
      attributes: {},
      seal: { ...this.seal, batteryPercent: battery },
      ...extra,
    });
    return this;
  }

  /** Drives along the route to `toAlongM` (clamped) at about `speedKmh`, reporting every 20–60 s. */
  drive(toAlongM: number, speedKmh = 75): this {
    const target = Math.min(this.trip.route.lengthM, toAlongM);
    while (this.along < target) {
      const dt = this.rng.int(20, 60) * 1000;
      const speed = Math.max(10, speedKmh + this.rng.normal(0, 4));
      this.time += dt;
      this.along = Math.min(target, this.along + (speed / 3.6) * (dt / 1000));
      this.report(Math.round(speed));
    }
    return this;
  }

  /** Drives `km` further. */
  driveKm(km: number, speedKmh = 75): this {
    return this.drive(this.along + km * 1000, speedKmh);
  }

  /** Drives `km` further without a single report reaching anyone (a jammer, a dead modem). */
  silently(km: number, speedKmh = 75): this {
    this.time += Math.round(((km * 1000) / (speedKmh / 3.6)) * 1000);
    this.along = Math.min(this.trip.route.lengthM, this.along + km * 1000);
    return this;
  }

  /** Stands still for `ms`, reporting every `everyMs` (parked trackers report less often), optionally aside. */
  stand(ms: number, everyMs = 5 * MINUTE, at: LatLon = this.here()): this {
    const end = this.time + ms;
    while (this.time + everyMs <= end) {
      this.time += everyMs;
      this.report(0, at);
    }
    this.time = end;
    return this;
  }

  /** Drives off the route, `awayM` to its left, stands there, and comes back `km` further on. */
  detour(awayM: number, standMs: number, km = 8): this {
    const from = this.here();
    const rejoin = this.along + km * 1000;
    const far = this.beside(this.along + (km * 1000) / 2, awayM);
    this.line(from, far, 50);
    this.stand(standMs, 5 * MINUTE, far);
    this.along = rejoin;
    this.line(far, this.trip.route.pointAt(rejoin), 50);
    return this;
  }

  /** Drives a straight line off the route at `speedKmh`. */
  line(a: LatLon, b: LatLon, speedKmh: number): this {
    const metres = Math.hypot((b.lat - a.lat) * 111_195, (b.lon - a.lon) * 111_195 * Math.cos((a.lat * Math.PI) / 180));
    let done = 0;
    while (done < metres) {
      const dt = this.rng.int(20, 60) * 1000;
      this.time += dt;
      done = Math.min(metres, done + (speedKmh / 3.6) * (dt / 1000));
      const f = done / metres;
      this.report(speedKmh, { lat: a.lat + f * (b.lat - a.lat), lon: a.lon + f * (b.lon - a.lon) });
    }
    return this;
  }

  /** Changes the seal's reported state from now on. */
  setSeal(patch: Partial<SealState>): this {
    this.seal = { ...this.seal, ...patch };
    return this;
  }

  /** The reports as engine inputs, in the order they arrive (receive time, then device time). */
  inputs(): TrackingInput[] {
    return [...this.positions]
      .sort((a, b) => a.receivedTime - b.receivedTime || a.deviceTime - b.deviceTime)
      .map((position) => ({ kind: 'position', position }));
  }
}

export interface Incident {
  /** Where on the route it happens, metres. */
  atM: number;
  act: (driver: Driver) => void;
}

/** Stands by the road (30 m off the line) for `ms`. */
export function roadside(ms: number): (driver: Driver) => void {
  return (d) => d.stand(ms, 5 * MINUTE, d.beside(d.along, 30));
}

/**
 * A clean transit, office to office: formalities at departure, a 45-minute roadside break every 600 km from km 300,
 * a 10-hour rest in the designated parking at every 600 km, two hours' queue and 40 minutes' control at each
 * crossing, the seal opened 20 minutes after arrival — plus whatever `incidents` add.
 */
export function transit(trip: Trip, seed: string, incidents: readonly Incident[] = [], configure?: (driver: Driver) => void): Driver {
  const d = new Driver(trip, seed);
  configure?.(d);
  const L = trip.route.lengthM;
  const script: Incident[] = [...incidents];
  for (let km = 300; km * 1000 < L - 50_000; km += 600) script.push({ atM: km * 1000, act: roadside(45 * MINUTE) });
  for (let km = 600; km * 1000 < L - 30_000; km += 600) script.push({ atM: km * 1000, act: (x) => x.stand(10 * HOUR, 5 * MINUTE, x.beside(x.along, 80)) });
  for (const c of trip.crossingsOnRoute) {
    script.push({
      atM: c.alongM - 3_000,
      act: (x) => x.stand(2 * HOUR).drive(c.alongM - 300, 6).stand(40 * MINUTE).drive(c.alongM + 500, 10),
    });
  }
  script.sort((a, b) => a.atM - b.atM);
  d.stand(20 * MINUTE);
  for (const step of script) {
    d.drive(step.atM);
    step.act(d);
  }
  d.drive(L, 40).stand(20 * MINUTE).setSeal({ locked: false }).stand(10 * MINUTE);
  return d;
}

/** Timer ticks every `everyMs` from `from` to `to`, merged into inputs by time (ticks after positions received at the same instant). */
export function withTicks(inputs: readonly TrackingInput[], from: number, to: number, everyMs: number): TrackingInput[] {
  const out: TrackingInput[] = [];
  let tick = from;
  for (const input of inputs) {
    const at = input.kind === 'tick' ? input.at : input.position.receivedTime;
    while (tick < at) {
      out.push({ kind: 'tick', at: tick });
      tick += everyMs;
    }
    out.push(input);
  }
  for (; tick <= to; tick += everyMs) out.push({ kind: 'tick', at: tick });
  return out;
}

/** The event types of a run, in order. */
export function typesOf(events: ReadonlyArray<{ type: string }>): string[] {
  return events.map((e) => e.type);
}

/** One exact fix (no noise) at `alongM` on the route, `lateralM` to its left, at `time`. */
export function fixAt(trip: Trip, alongM: number, time: number, extra: Partial<Position> & { lateralM?: number } = {}): Position {
  const { lateralM = 0, ...rest } = extra;
  const driver = new Driver(trip, 'fix');
  const p = driver.beside(alongM, lateralM);
  return {
    deviceId: DEVICE,
    deviceTime: time,
    receivedTime: time + 1_000,
    lat: p.lat,
    lon: p.lon,
    speed: 70,
    course: 0,
    valid: true,
    attributes: {},
    seal: { ...ARMED },
    ...rest,
  };
}

/** The Fix the pipeline would build for `position`: where it stands on the route; `first` for a trip's first. */
export function fixOf(trip: Trip, position: Position, first = true, hint = -1): Fix {
  const m = trip.route.locate(position.lon, position.lat, hint, trip.corridorWidthM, emptyMatch());
  return {
    position,
    ms: position.deviceTime - trip.openedAt,
    segment: m.segment,
    alongM: m.alongM,
    distanceM: m.distanceM,
    remainingM: m.remainingM,
    first,
  };
}

/** A fresh trip state whose last accepted location is `position` (as the pipeline would keep it). */
export function stateAt(trip: Trip, position: Position): TripState {
  const m = trip.route.nearest(position.lon, position.lat, emptyMatch());
  return {
    ...createTripState(trip),
    lastMs: position.deviceTime - trip.openedAt,
    lastDeviceId: position.deviceId,
    latE6: Math.round(position.lat * 1e6),
    lonE6: Math.round(position.lon * 1e6),
    speedKmh: Math.round(position.speed),
    segment: m.segment,
    alongM: Math.round(m.alongM),
    distanceM: Math.round(m.distanceM),
  };
}
