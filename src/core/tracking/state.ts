/**
 * What the tracker remembers of a trip between two inputs. Plain JSON — numbers, strings, booleans, null, arrays and
 * objects, no undefined, no Infinity — so it is saved after a step and loaded after a restart, and the next step
 * behaves as if there had been no restart.
 *
 * Units. Every number is a small integer:
 * - times are milliseconds since the trip opened (`plan.openedAt`), fields ending in `Ms` (`tripTime` converts);
 * - coordinates are micro-degrees (`latE6`, `lonE6`: 0.1 m);
 * - distances and progress whole metres, speeds whole km/h, the ETA's speed mm/s.
 *
 * Layout. What every fix changes — its order, its reception, where the truck is, the ETA — sits directly in the
 * state record; each detector owns a slice for its own condition, and returns the same object when nothing
 * changed. Idle slices (no stop, no jump, in no place, inside the corridor, a settled country, healthy seals…) are
 * shared frozen constants.
 *
 * Why so: with tens of thousands of open trips nothing of a trip is in the processor's cache when its next position
 * comes, so every object a step reads is a memory round trip, and the garbage collector copies every young state
 * at every scavenge. One record of small integers per trip (V8 keeps a number that is not a small integer as an
 * object of its own) is one round trip and one object to copy. The integers are exact in JSON, so a state reloaded
 * after a restart is the same state.
 */
import type { Trip } from './trip.js';

export const TRIP_STATE_VERSION = 2;

export interface SignalState {
  lost: boolean;
  /** When the loss began: the last receive time plus the threshold. */
  lostAtMs: number | null;
}

export interface JumpState {
  /** A jump has been raised and no fix has been accepted since. */
  episode: boolean;
  /** The latest rejected fix, and how many rejected fixes in a row agree with each other up to it. */
  candidate: { ms: number; latE6: number; lonE6: number } | null;
  agreeing: number;
}

export interface CorridorState {
  /** Whether the corridor has been declared left (the alarm is open). */
  outside: boolean;
  /** Consecutive fixes counting towards a change of `outside`, the first one's time, and (leaving) the most beyond. */
  streak: number;
  streakSinceMs: number | null;
  streakBeyondM: number;
}

export interface GeofenceState {
  /** Ids of the reported places the truck is in, in the trip's place order. */
  inside: string[];
}

export interface ArrivalState {
  arrivedMs: number | null;
}

export interface CountryState {
  /** ISO alpha-2 of the country the truck is in; null before any fix in a known country. */
  code: string | null;
  /** A different country seen in the latest fixes, how many in a row, and since when. */
  candidate: string | null;
  count: number;
  sinceMs: number | null;
}

export type StopVerdict = 'pending' | 'raised' | 'excused';

export interface StopState {
  /** Start of the current stop; null while moving. */
  sinceMs: number | null;
  /** Where the truck stopped. */
  latE6: number;
  lonE6: number;
  alongM: number;
  /** Latest fix of the stop. */
  lastMs: number;
  verdict: StopVerdict;
  /** Why a long stop was not reported (stop zone id, `border-queue:…`, `off-corridor`); null otherwise. */
  excuse: string | null;
}

/** One seal's last reported lock state and the device time each breach was last raised at. */
export interface SealFlags {
  locked: boolean | null;
  /** While open: whether the opening raised an alarm or was in a place where it may be opened. */
  opening: 'alarm' | 'authorised' | null;
  tamper: boolean;
  cableCut: boolean;
  raised: { openedMs: number | null; tamperMs: number | null; cableCutMs: number | null };
}

export interface BatteryState {
  low: boolean;
}

/** What the trip knows of one seal device: its lock and alarms, and its battery. */
export interface DeviceState {
  seal: SealFlags;
  battery: BatteryState;
}

export interface TripState {
  version: number;
  tripId: string;
  /** Fixes taken in order, late ones and ticks not counted. */
  fixes: number;
  /** Device time of the newest fix taken in order; fixes not newer are late. */
  lastDeviceMs: number | null;
  /** Receive time of the newest data from any of the trip's seals (0, the opening, before any). */
  receivedMs: number;

  /** The last fix accepted as the trip's location: its device time (null before the first), device and place. */
  lastMs: number | null;
  lastDeviceId: string | null;
  latE6: number;
  lonE6: number;
  speedKmh: number;
  /** Route segment nearest that fix, where the next search starts (-1 before the first). */
  segment: number;
  /** Its progress along the route and distance from it, metres. */
  alongM: number;
  distanceM: number;

  /** Smoothed moving speed along the route, mm/s. */
  etaSpeedMmps: number;
  /** Estimated arrival at the destination office (the arrival time once arrived). */
  etaDestinationMs: number;
  /** Estimated arrival at the declared crossing; null when passed or when the trip has none. */
  etaCrossingMs: number | null;

  /**
   * The country grid cell of the last located fix when the whole cell is in `country.code` (-1 otherwise), and the
   * grid it belongs to: while the truck stays in that cell the country lookup is skipped.
   */
  countryCell: number;
  countryGrid: number;

  signal: SignalState;
  jump: JumpState;
  corridor: CorridorState;
  geofences: GeofenceState;
  arrival: ArrivalState;
  country: CountryState;
  stop: StopState;
  /** Seals whose state is not the armed, healthy one, by device id; a device not listed is armed and healthy. */
  devices: Record<string, DeviceState>;
}

/** The trip's last accepted location, as the detectors that compare with it read it. */
export interface LastFix {
  deviceId: string;
  ms: number;
  latE6: number;
  lonE6: number;
  speedKmh: number;
  alongM: number;
}

/** The last accepted location of a state, or null before the first. */
export function lastFix(state: TripState): LastFix | null {
  if (state.lastMs === null || state.lastDeviceId === null) return null;
  return { deviceId: state.lastDeviceId, ms: state.lastMs, latE6: state.latE6, lonE6: state.lonE6, speedKmh: state.speedKmh, alongM: state.alongM };
}

/** A time in the state (ms since the trip opened) as ms since the epoch. */
export function tripTime(trip: Trip, ms: number): number {
  return trip.openedAt + ms;
}

/** A time (ms since the epoch) in the state's terms: ms since the trip opened. */
export function sinceOpening(trip: Trip, epochMs: number): number {
  return epochMs - trip.openedAt;
}

export function toE6(degrees: number): number {
  return Math.round(degrees * 1e6);
}

export function fromE6(e6: number): number {
  return e6 / 1e6;
}

export const NOT_STOPPED: StopState = Object.freeze({
  sinceMs: null,
  latE6: 0,
  lonE6: 0,
  alongM: 0,
  lastMs: 0,
  verdict: 'pending',
  excuse: null,
}) as StopState;

export const NO_JUMP: JumpState = Object.freeze({ episode: false, candidate: null, agreeing: 0 }) as JumpState;

export const NO_CANDIDATE_COUNTRY = { candidate: null, count: 0, sinceMs: null } as const;

/** Idle values of slices, shared by every trip in that condition (a slice is never mutated, only replaced, so sharing is safe). */
export const IN_CORRIDOR: CorridorState = Object.freeze({ outside: false, streak: 0, streakSinceMs: null, streakBeyondM: 0 }) as CorridorState;
export const OUT_OF_CORRIDOR: CorridorState = Object.freeze({ outside: true, streak: 0, streakSinceMs: null, streakBeyondM: 0 }) as CorridorState;
export const SIGNAL_OK: SignalState = Object.freeze({ lost: false, lostAtMs: null }) as SignalState;
export const NOT_ARRIVED: ArrivalState = Object.freeze({ arrivedMs: null }) as ArrivalState;
export const IN_NO_PLACE: GeofenceState = Object.freeze({ inside: Object.freeze([]) as unknown as string[] }) as GeofenceState;
export const NO_COUNTRY: CountryState = Object.freeze({ code: null, ...NO_CANDIDATE_COUNTRY }) as CountryState;

/** A seal not heard from yet: armed, so locked. */
export const ARMED_SEAL: SealFlags = Object.freeze({
  locked: true,
  opening: null,
  tamper: false,
  cableCut: false,
  raised: Object.freeze({ openedMs: null, tamperMs: null, cableCutMs: null }),
}) as SealFlags;

export const BATTERY_OK: BatteryState = Object.freeze({ low: false }) as BatteryState;
export const BATTERY_LOW: BatteryState = Object.freeze({ low: true }) as BatteryState;

/** A device in the state every healthy seal is in. */
export const DEVICE_OK: DeviceState = Object.freeze({ seal: ARMED_SEAL, battery: BATTERY_OK }) as DeviceState;

/** No seal of the trip has left the armed, healthy state. */
export const ALL_DEVICES_OK: Record<string, DeviceState> = Object.freeze({}) as Record<string, DeviceState>;

/** The state of a trip just opened: the seal armed (so locked), nothing seen yet. */
export function createTripState(trip: Trip): TripState {
  const speed = trip.plannedSpeedMps;
  return {
    version: TRIP_STATE_VERSION,
    tripId: trip.id,
    fixes: 0,
    lastDeviceMs: null,
    receivedMs: 0,
    lastMs: null,
    lastDeviceId: null,
    latE6: 0,
    lonE6: 0,
    speedKmh: 0,
    segment: -1,
    alongM: 0,
    distanceM: 0,
    etaSpeedMmps: Math.round(speed * 1000),
    etaDestinationMs: Math.round((trip.route.lengthM / speed) * 1000),
    etaCrossingMs: trip.declaredCrossingAlongM === null ? null : Math.round((trip.declaredCrossingAlongM / speed) * 1000),
    countryCell: -1,
    countryGrid: 0,
    signal: SIGNAL_OK,
    jump: NO_JUMP,
    corridor: IN_CORRIDOR,
    geofences: IN_NO_PLACE,
    arrival: NOT_ARRIVED,
    country: NO_COUNTRY,
    stop: NOT_STOPPED,
    devices: ALL_DEVICES_OK,
  };
}

/**
 * A copy of the record, for a caller that will `advance` it in place; the slices are shared (never mutated). Written
 * field by field in the order `createTripState` (and JSON of a saved state) gives them, so that every record has one
 * shape: a copy by spread would have a shape of its own, and the engine's reads of the record would then have two
 * to tell apart at every step.
 */
export function copyTripState(s: TripState): TripState {
  return {
    version: s.version,
    tripId: s.tripId,
    fixes: s.fixes,
    lastDeviceMs: s.lastDeviceMs,
    receivedMs: s.receivedMs,
    lastMs: s.lastMs,
    lastDeviceId: s.lastDeviceId,
    latE6: s.latE6,
    lonE6: s.lonE6,
    speedKmh: s.speedKmh,
    segment: s.segment,
    alongM: s.alongM,
    distanceM: s.distanceM,
    etaSpeedMmps: s.etaSpeedMmps,
    etaDestinationMs: s.etaDestinationMs,
    etaCrossingMs: s.etaCrossingMs,
    countryCell: s.countryCell,
    countryGrid: s.countryGrid,
    signal: s.signal,
    jump: s.jump,
    corridor: s.corridor,
    geofences: s.geofences,
    arrival: s.arrival,
    country: s.country,
    stop: s.stop,
    devices: s.devices,
  };
}

/** Whether two states hold the same value in every field (slices compared by identity, as they are never mutated). */
export function sameTripState(a: TripState, b: TripState): boolean {
  for (const key in a) if (a[key as keyof TripState] !== b[key as keyof TripState]) return false;
  return true;
}

/** The estimated arrivals in epoch ms, and the speed they assume: what the queue and the console read. */
export function estimatedArrival(trip: Trip, state: TripState): { destinationAt: number; crossingAt: number | null; speedKmh: number } {
  return {
    destinationAt: tripTime(trip, state.etaDestinationMs),
    crossingAt: state.etaCrossingMs === null ? null : tripTime(trip, state.etaCrossingMs),
    speedKmh: (state.etaSpeedMmps * 3.6) / 1000,
  };
}

/** The conditions currently alarming on the trip, for a console badge or to fold alerts. */
export function openAlarms(state: TripState): string[] {
  const open: string[] = [];
  for (const [device, { seal, battery }] of Object.entries(state.devices)) {
    if (seal.opening === 'alarm') open.push(`seal-opened:${device}`);
    if (seal.tamper) open.push(`seal-tamper:${device}`);
    if (seal.cableCut) open.push(`seal-cable-cut:${device}`);
    if (battery.low) open.push(`battery-low:${device}`);
  }
  if (state.corridor.outside) open.push('corridor-left');
  if (state.stop.verdict === 'raised') open.push('long-stop');
  if (state.signal.lost) open.push('signal-lost');
  if (state.jump.episode) open.push('implausible-jump');
  return open;
}
