/**
 * What the tracker remembers of a trip between two inputs. Plain JSON — numbers, strings, booleans, null, arrays and
 * objects, no undefined, no Infinity — so it is saved after a step and loaded after a restart, and the next step
 * behaves as if there had been no restart. Each detector owns one slice and returns the same object when nothing
 * changed, so unchanged slices cost nothing.
 */
import type { Trip } from './trip.js';

export const TRIP_STATE_VERSION = 1;

/** The last fix accepted as the trip's location. */
export interface LastFix {
  deviceId: string;
  time: number;
  lat: number;
  lon: number;
  speedKmh: number;
  /** Progress along the route at that fix, metres. */
  alongM: number;
}

export interface SignalState {
  /** Receive time of the newest data from any of the trip's seals (the trip's opening before any). */
  lastReceivedTime: number;
  lost: boolean;
  /** When the loss began: the last receive time plus the threshold. */
  lostAt: number | null;
}

export interface JumpState {
  /** A jump has been raised and no fix has been accepted since. */
  episode: boolean;
  /** The latest rejected fix, and how many rejected fixes in a row agree with each other up to it. */
  candidate: { time: number; lat: number; lon: number } | null;
  agreeing: number;
}

export interface CorridorState {
  /** Segment of the last located fix: the hint for the next search; -1 before any. */
  segment: number;
  alongM: number | null;
  distanceM: number | null;
  /** Whether the corridor has been declared left (the alarm is open). */
  outside: boolean;
  /** Consecutive fixes counting towards a change of `outside`, the first one's time, and (leaving) the most beyond. */
  streak: number;
  streakSince: number | null;
  streakBeyondM: number;
}

export interface GeofenceState {
  /** Ids of the reported places the truck is in, in the trip's place order. */
  inside: string[];
}

export interface ArrivalState {
  arrivedAt: number | null;
}

export interface CountryState {
  /** ISO alpha-2 of the country the truck is in; null before any fix in a known country. */
  code: string | null;
  /** A different country seen in the latest fixes, how many in a row, and since when. */
  candidate: string | null;
  count: number;
  since: number | null;
}

export type StopVerdict = 'pending' | 'raised' | 'excused';

export interface StopState {
  /** Start of the current stop; null while moving. */
  since: number | null;
  /** Where the truck stopped. */
  lat: number;
  lon: number;
  alongM: number | null;
  /** Latest fix of the stop. */
  lastAt: number;
  verdict: StopVerdict;
  /** Why a long stop was not reported (stop zone id, `border-queue`, `off-corridor`); null otherwise. */
  excuse: string | null;
}

export interface EtaState {
  /** Smoothed moving speed along the route, m/s. */
  speedMps: number;
  /** Time of the fix the estimate was made at. */
  at: number;
  /** Estimated arrival at the destination office (the arrival time once arrived). */
  destinationAt: number;
  /** Estimated arrival at the declared crossing; null when passed or when the trip has none. */
  crossingAt: number | null;
}

/** One seal's last reported lock state and the device time each breach was last raised at. */
export interface SealFlags {
  locked: boolean | null;
  /** While open: whether the opening raised an alarm or was in a place where it may be opened. */
  opening: 'alarm' | 'authorised' | null;
  tamper: boolean;
  cableCut: boolean;
  raised: { opened: number | null; tamper: number | null; cableCut: number | null };
}

export interface BatteryState {
  low: boolean;
}

export interface TripState {
  version: number;
  tripId: string;
  /** Device time of the newest fix taken in order; fixes not newer are late. */
  lastDeviceTime: number | null;
  /** Fixes taken in order, late ones and ticks not counted. */
  fixes: number;
  last: LastFix | null;
  signal: SignalState;
  jump: JumpState;
  corridor: CorridorState;
  geofences: GeofenceState;
  arrival: ArrivalState;
  country: CountryState;
  stop: StopState;
  eta: EtaState;
  /** By device id: a trip may carry several seals. */
  seals: Record<string, SealFlags>;
  batteries: Record<string, BatteryState>;
}

export const NOT_STOPPED: StopState = Object.freeze({
  since: null,
  lat: 0,
  lon: 0,
  alongM: null,
  lastAt: 0,
  verdict: 'pending',
  excuse: null,
}) as StopState;

export const NO_JUMP: JumpState = Object.freeze({ episode: false, candidate: null, agreeing: 0 }) as JumpState;

export const NO_CANDIDATE_COUNTRY = { candidate: null, count: 0, since: null } as const;

/** The state of a trip just opened: the seal armed (so locked), nothing seen yet. */
export function createTripState(trip: Trip): TripState {
  const openedAt = trip.plan.openedAt;
  return {
    version: TRIP_STATE_VERSION,
    tripId: trip.id,
    lastDeviceTime: null,
    fixes: 0,
    last: null,
    signal: { lastReceivedTime: openedAt, lost: false, lostAt: null },
    jump: NO_JUMP,
    corridor: { segment: -1, alongM: null, distanceM: null, outside: false, streak: 0, streakSince: null, streakBeyondM: 0 },
    geofences: { inside: [] },
    arrival: { arrivedAt: null },
    country: { code: null, ...NO_CANDIDATE_COUNTRY },
    stop: NOT_STOPPED,
    eta: {
      speedMps: trip.plannedSpeedMps,
      at: openedAt,
      destinationAt: Math.round(openedAt + (trip.route.lengthM / trip.plannedSpeedMps) * 1000),
      crossingAt: trip.declaredCrossingAlongM === null ? null : Math.round(openedAt + (trip.declaredCrossingAlongM / trip.plannedSpeedMps) * 1000),
    },
    seals: {},
    batteries: {},
  };
}

/** A seal not heard from yet: armed, so locked. */
export const ARMED_SEAL: SealFlags = Object.freeze({
  locked: true,
  opening: null,
  tamper: false,
  cableCut: false,
  raised: Object.freeze({ opened: null, tamper: null, cableCut: null }),
}) as SealFlags;

/** The conditions currently alarming on the trip, for a console badge or to fold alerts. */
export function openAlarms(state: TripState): string[] {
  const open: string[] = [];
  for (const [device, seal] of Object.entries(state.seals)) {
    if (seal.opening === 'alarm') open.push(`seal-opened:${device}`);
    if (seal.tamper) open.push(`seal-tamper:${device}`);
    if (seal.cableCut) open.push(`seal-cable-cut:${device}`);
  }
  if (state.corridor.outside) open.push('corridor-left');
  if (state.stop.verdict === 'raised') open.push('long-stop');
  if (state.signal.lost) open.push('signal-lost');
  for (const [device, battery] of Object.entries(state.batteries)) if (battery.low) open.push(`battery-low:${device}`);
  if (state.jump.episode) open.push('implausible-jump');
  return open;
}
