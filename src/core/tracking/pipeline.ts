/**
 * The tracking engine's entry point: `step(trip, state, input) → { state, events }`, composing the detectors.
 * Pure: the same trip, state and input always give the same result, and nothing passed in is modified. `advance` is
 * the same judgement written into a state record the caller owns (`step` runs it on a copy).
 *
 * Order of a position's detectors, which is the order of its events:
 * 1. signal loss — a gap before this data precedes everything this fix shows;
 * 2. ordering — a fix not newer than the newest taken is late (rule below);
 * 3. implausible jump — decides whether the fix is taken as the trip's location at all; fixes the device marks
 *    invalid, or without usable coordinates, are not either;
 * 4. for a located fix: corridor (its search also gives the progress the rest use), geofences, arrival (needs the
 *    geofences), border crossing, stop (needs the corridor verdict), then the ETA (no events);
 * 5. seal, then battery — for every in-order fix, located or not: a seal's state is true whatever its GPS says;
 *    the seal is judged against the places the trip is known to be in after step 4.
 *
 * Late and out-of-order positions: per trip, positions are taken in device-time order. One whose device time is not
 * after the newest already taken is late: it is kept for the track (the store has it), counts as data received for
 * signal loss, and goes to the seal detector's late rule (a breach it shows is raised, flagged late, unless already
 * known); it does not move the location, corridor, places, country, stops, battery or ETA, because those are
 * judged on the sequence and a newer fix has already spoken. Nothing is dropped silently: the result says
 * `late`. The newest is the trip's, of whichever seal: a seal's position taken after a newer one of another seal is
 * late, even when it was received first (the trip's tracker got it later, from the store, because another tracker
 * holds that seal's shard) — the truck has been located since, and the seal's breach is still raised, flagged late.
 * Replay feeds positions in the order the live engine took them — receive order, but for a batch the tracker
 * recorded as taken behind newer ones — so replay and live agree on what was late.
 *
 * A tick (`{ kind: 'tick', at }`, from the tracker's clock) only runs the signal-loss detector.
 */
import { MATCH, matchArray } from '../geo/index.js';
import type { Position } from '../model/position.js';
import { detectArrival } from './detectors/arrival.js';
import { detectBattery } from './detectors/battery.js';
import { detectBorderCrossing } from './detectors/border-crossing.js';
import { detectCorridor } from './detectors/corridor.js';
import { detectGeofences } from './detectors/geofence.js';
import { detectImplausibleJump } from './detectors/implausible-jump.js';
import { detectSeal } from './detectors/seal.js';
import { detectSignalLoss } from './detectors/signal-loss.js';
import { detectStop } from './detectors/stop.js';
import { updateEta, type Eta } from './eta.js';
import { NO_EVENTS, type TrackingEvent } from './events.js';
import type { Fix } from './fix.js';
import { ALL_DEVICES_OK, DEVICE_OK, copyTripState, sameTripState, toE6, type BatteryState, type DeviceState, type SealFlags, type TripState } from './state.js';
import type { Trip } from './trip.js';

export type TrackingInput = { kind: 'position'; position: Position } | { kind: 'tick'; at: number };

/**
 * What became of the input: `located` (taken as the trip's location), `unlocated` (in order, but the fix is
 * invalid or has no usable coordinates), `implausible` (in order, rejected as a jump), `late` (see the rule
 * above), `tick`, or `rejected` (no finite device or receive time: nothing can be done with it).
 */
export type Disposition = 'located' | 'unlocated' | 'implausible' | 'late' | 'tick' | 'rejected';

export interface StepResult {
  state: TripState;
  events: readonly TrackingEvent[];
  disposition: Disposition;
}

/**
 * Where the route search writes its answer. One buffer for the module: `step` is synchronous and reads the answer
 * into the Fix before anything else can run, and a typed array keeps V8 from boxing six numbers per position.
 */
const match = matchArray();

function usableCoordinates(p: Position): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

function inOpeningPlace(trip: Trip, inside: readonly string[]): boolean {
  if (inside.length === 0) return false;
  for (const index of trip.openingPlaces) if (inside.includes(trip.places.id(index))) return true;
  return false;
}

/**
 * The devices map with one device's new seal and battery; the same map when neither changed. A device back in the
 * armed, healthy state is dropped from it (its history of raised breaches goes with it only if it is the constant).
 */
function withDevice(devices: Record<string, DeviceState>, id: string, before: DeviceState, seal: SealFlags, battery: BatteryState): Record<string, DeviceState> {
  if (seal === before.seal && battery === before.battery) return devices;
  if (seal === DEVICE_OK.seal && battery === DEVICE_OK.battery) {
    if (devices[id] === undefined) return devices;
    const rest = { ...devices };
    delete rest[id];
    return Object.keys(rest).length === 0 ? ALL_DEVICES_OK : rest;
  }
  return { ...devices, [id]: { seal, battery } };
}

/**
 * `events` with `more` appended; allocates only when there is something to append. Kept this small so that V8
 * inlines it into `step` whatever else it inlines there: nearly always there is nothing to append, and then the
 * nine calls of a step cost a comparison each rather than a call each.
 */
function add(events: TrackingEvent[] | null, more: readonly TrackingEvent[]): TrackingEvent[] | null {
  return more.length === 0 ? events : appended(events, more);
}

function appended(events: TrackingEvent[] | null, more: readonly TrackingEvent[]): TrackingEvent[] {
  if (events === null) return more.slice();
  for (let i = 0; i < more.length; i++) events.push(more[i]!);
  return events;
}

/** `more`, when there is any, appended to `events`. */
function append(events: TrackingEvent[], more: readonly TrackingEvent[] | null): void {
  if (more !== null) appended(events, more);
}

/**
 * `input` applied to `state` in place: its fields are overwritten with the state after the input, and the events it
 * raised are appended to `events`. Every detector is a pure function of its slice; only the trip's own record is
 * written, and only once everything has been judged, so an input the engine cannot take (it throws) leaves the state
 * and `events` as they were.
 *
 * For a caller that owns its state record: a tracker stepping a batch through a copy of it, or the benchmark.
 * With tens of thousands of trips, writing the record in place spares the allocation of one and its promotion by the
 * collector at every input. Everyone else calls `step`, which is the same judgement on a copy.
 */
export function advance(trip: Trip, state: TripState, input: TrackingInput, events: TrackingEvent[]): Disposition {
  if (state.tripId !== trip.id) throw new RangeError(`state of trip ${state.tripId} given with trip ${trip.id}`);

  if (input.kind === 'tick') {
    if (!Number.isFinite(input.at)) return 'rejected';
    const signal = detectSignalLoss(state.signal, input, trip, state);
    append(events, signal.events);
    state.signal = signal.state;
    return 'tick';
  }

  const p = input.position;
  if (!Number.isFinite(p.deviceTime) || !Number.isFinite(p.receivedTime)) return 'rejected';
  const openedAt = trip.openedAt;
  const ms = p.deviceTime - openedAt;
  const received = Math.max(state.receivedMs, p.receivedTime - openedAt);
  const signal = detectSignalLoss(state.signal, input, trip, state);
  let found = add(null, signal.events);
  const device = p.deviceId;
  const coordinatesOk = p.valid && usableCoordinates(p);
  // Nearly always every seal is armed and healthy: the shared empty map, and no per-trip object to read.
  const deviceBefore = state.devices === ALL_DEVICES_OK ? DEVICE_OK : (state.devices[device] ?? DEVICE_OK);

  if (state.lastDeviceMs !== null && ms <= state.lastDeviceMs) {
    const opening = coordinatesOk && trip.openingZones.anyContains(p.lon, p.lat);
    const seal = detectSeal(deviceBefore.seal, p, trip, true, opening);
    found = add(found, seal.events);
    const devices = withDevice(state.devices, device, deviceBefore, seal.state, deviceBefore.battery);
    append(events, found);
    state.receivedMs = received;
    state.signal = signal.state;
    state.devices = devices;
    return 'late';
  }

  let disposition: Disposition = 'unlocated';
  let { jump, geofences } = state;
  let fix: Fix | null = null;
  let corridor = state.corridor;
  let arrival = state.arrival;
  let country = state.country;
  let stop = state.stop;
  let eta: Eta | null = null;
  let countryCell = -1;
  let countryGrid = 0;
  if (coordinatesOk) {
    const decision = detectImplausibleJump(state.jump, p, trip, state);
    jump = decision.state;
    found = add(found, decision.events);
    if (decision.accepted) {
      disposition = 'located';
      trip.route.locateInto(p.lon, p.lat, state.segment, trip.corridorWidthM, match);
      fix = {
        position: p,
        ms,
        // A segment index is an int32; read from the Float64Array as a double, V8 would keep it in the state as a
        // boxed number, an object of its own for the next step to fetch from memory.
        segment: match[MATCH.SEGMENT]! | 0,
        alongM: match[MATCH.ALONG]!,
        distanceM: match[MATCH.DISTANCE]!,
        remainingM: match[MATCH.REMAINING]!,
        first: state.lastMs === null,
      };
      const c = detectCorridor(corridor, fix, trip);
      corridor = c.state;
      found = add(found, c.events);
      const g = detectGeofences(geofences, fix, trip);
      geofences = g.state;
      found = add(found, g.events);
      const a = detectArrival(arrival, fix, trip, geofences.inside);
      arrival = a.state;
      found = add(found, a.events);
      // The country lookup is skipped while the truck stays in a grid cell no border runs through.
      const countries = trip.countries;
      const cell = countries === null ? -1 : countries.cellOf(p.lon, p.lat);
      const sameCell = countries !== null && cell >= 0 && cell === state.countryCell && countries.gridId === state.countryGrid;
      const code = countries === null ? null : sameCell ? country.code : countries.codeAt(p.lon, p.lat);
      const b = detectBorderCrossing(country, fix, trip, code);
      found = add(found, b.events);
      country = b.state;
      // Still in the last whole cell, the country is settled in it (its code is the state's): no need to read the grid.
      if (sameCell || (countries !== null && country.candidate === null && code !== null && code === country.code && countries.isWholeCell(cell))) {
        countryCell = cell;
        countryGrid = countries.gridId;
      }
      const s = detectStop(stop, fix, trip, corridor.outside);
      stop = s.state;
      found = add(found, s.events);
      eta = updateEta(state, fix, trip, corridor.outside, arrival.arrivedMs);
    } else {
      disposition = 'implausible';
    }
  }

  const seal = detectSeal(deviceBefore.seal, p, trip, false, inOpeningPlace(trip, geofences.inside));
  found = add(found, seal.events);
  const battery = detectBattery(deviceBefore.battery, p, trip);
  found = add(found, battery.events);
  const devices = withDevice(state.devices, device, deviceBefore, seal.state, battery.state);

  // Everything is judged: the record is written.
  append(events, found);
  state.fixes += 1;
  state.lastDeviceMs = ms;
  state.receivedMs = received;
  state.signal = signal.state;
  state.jump = jump;
  state.devices = devices;
  if (fix !== null && eta !== null) {
    state.lastMs = ms;
    state.lastDeviceId = device;
    state.latE6 = toE6(p.lat);
    state.lonE6 = toE6(p.lon);
    state.speedKmh = Math.round(p.speed);
    state.segment = fix.segment;
    state.alongM = Math.round(fix.alongM);
    state.distanceM = Math.round(fix.distanceM);
    state.etaSpeedMmps = eta.etaSpeedMmps;
    state.etaDestinationMs = eta.etaDestinationMs;
    state.etaCrossingMs = eta.etaCrossingMs;
    state.countryCell = countryCell;
    state.countryGrid = countryGrid;
    state.corridor = corridor;
    state.geofences = geofences;
    state.arrival = arrival;
    state.country = country;
    state.stop = stop;
  }
  return disposition;
}

/** What `input` makes of `state`, as a new state; `state` itself when the input changes nothing. */
export function step(trip: Trip, state: TripState, input: TrackingInput): StepResult {
  const next = copyTripState(state);
  const events: TrackingEvent[] = [];
  const disposition = advance(trip, next, input, events);
  // A fix taken in order always counts (`fixes`); a tick, a late fix or a rejected input may have changed nothing.
  const counted = disposition === 'located' || disposition === 'unlocated' || disposition === 'implausible';
  return { state: counted || !sameTripState(next, state) ? next : state, events: events.length === 0 ? NO_EVENTS : events, disposition };
}
