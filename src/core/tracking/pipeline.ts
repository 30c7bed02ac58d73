/**
 * The tracking engine's one entry point: `step(trip, state, input) → { state, events }`, composing the detectors.
 * Pure: the same trip, state and input always give the same result, and nothing passed in is modified.
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
 * `late`. Replay feeds positions in the order they were received (receive time, then device time), which is the
 * order the live engine saw them in, so replay and live agree on what was late.
 *
 * A tick (`{ kind: 'tick', at }`, from the tracker's clock) only runs the signal-loss detector.
 */
import { emptyMatch } from '../geo/index.js';
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
import { updateEta } from './eta.js';
import { NO_EVENTS, type TrackingEvent } from './events.js';
import type { TripState } from './state.js';
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

function usableCoordinates(p: Position): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

function inOpeningPlace(trip: Trip, inside: readonly string[]): boolean {
  if (inside.length === 0) return false;
  for (const index of trip.openingPlaces) if (inside.includes(trip.places.id(index))) return true;
  return false;
}

function append(events: TrackingEvent[], more: readonly TrackingEvent[]): void {
  for (let i = 0; i < more.length; i++) events.push(more[i]!);
}

export function step(trip: Trip, state: TripState, input: TrackingInput): StepResult {
  if (state.tripId !== trip.id) throw new RangeError(`state of trip ${state.tripId} given with trip ${trip.id}`);

  if (input.kind === 'tick') {
    if (!Number.isFinite(input.at)) return { state, events: NO_EVENTS, disposition: 'rejected' };
    const signal = detectSignalLoss(state.signal, { kind: 'tick', at: input.at, lastFix: state.last }, trip);
    if (signal.state === state.signal) return { state, events: NO_EVENTS, disposition: 'tick' };
    return { state: { ...state, signal: signal.state }, events: signal.events, disposition: 'tick' };
  }

  const p = input.position;
  if (!Number.isFinite(p.deviceTime) || !Number.isFinite(p.receivedTime)) return { state, events: NO_EVENTS, disposition: 'rejected' };
  const events: TrackingEvent[] = [];
  const signal = detectSignalLoss(state.signal, { kind: 'position', position: p, lastFix: state.last }, trip);
  append(events, signal.events);
  const device = p.deviceId;
  const coordinatesOk = p.valid && usableCoordinates(p);

  if (state.lastDeviceTime !== null && p.deviceTime <= state.lastDeviceTime) {
    const opening = coordinatesOk && trip.openingZones.anyContains(p.lon, p.lat);
    const seal = detectSeal(state.seals[device], { position: p, late: true, inOpeningPlace: opening }, trip);
    append(events, seal.events);
    const seals = seal.state === state.seals[device] ? state.seals : { ...state.seals, [device]: seal.state };
    return {
      state: signal.state === state.signal && seals === state.seals ? state : { ...state, signal: signal.state, seals },
      events: events.length > 0 ? events : NO_EVENTS,
      disposition: 'late',
    };
  }

  let { jump, corridor, geofences, arrival, country, stop, eta, last } = state;
  let disposition: Disposition = 'unlocated';
  if (coordinatesOk) {
    const decision = detectImplausibleJump(state.jump, { position: p, previous: state.last }, trip);
    jump = decision.state;
    append(events, decision.events);
    if (decision.accepted) {
      disposition = 'located';
      const match = trip.route.locate(p.lon, p.lat, state.corridor.segment, trip.corridorWidthM, emptyMatch());
      const c = detectCorridor(state.corridor, { position: p, match }, trip);
      corridor = c.state;
      append(events, c.events);
      const g = detectGeofences(state.geofences, { position: p, first: state.last === null }, trip);
      geofences = g.state;
      append(events, g.events);
      const a = detectArrival(state.arrival, { position: p, inside: geofences.inside }, trip);
      arrival = a.state;
      append(events, a.events);
      const code = trip.countries === null ? null : trip.countries.codeAt(p.lon, p.lat);
      const b = detectBorderCrossing(state.country, { position: p, code, alongM: match.alongM }, trip);
      country = b.state;
      append(events, b.events);
      const s = detectStop(state.stop, { position: p, alongM: match.alongM, outsideCorridor: corridor.outside }, trip);
      stop = s.state;
      append(events, s.events);
      eta = updateEta(state.eta, {
        position: p,
        previous: state.last,
        alongM: match.alongM,
        offRouteM: match.distanceM,
        outsideCorridor: corridor.outside,
        arrivedAt: arrival.arrivedAt,
      }, trip);
      last = { deviceId: device, time: p.deviceTime, lat: p.lat, lon: p.lon, speedKmh: p.speed, alongM: match.alongM };
    } else {
      disposition = 'implausible';
    }
  }

  const seal = detectSeal(state.seals[device], { position: p, late: false, inOpeningPlace: inOpeningPlace(trip, geofences.inside) }, trip);
  append(events, seal.events);
  const battery = detectBattery(state.batteries[device], { position: p }, trip);
  append(events, battery.events);

  return {
    state: {
      version: state.version,
      tripId: state.tripId,
      lastDeviceTime: p.deviceTime,
      fixes: state.fixes + 1,
      last,
      signal: signal.state,
      jump,
      corridor,
      geofences,
      arrival,
      country,
      stop,
      eta,
      seals: seal.state === state.seals[device] ? state.seals : { ...state.seals, [device]: seal.state },
      batteries: battery.state === state.batteries[device] ? state.batteries : { ...state.batteries, [device]: battery.state },
    },
    events: events.length > 0 ? events : NO_EVENTS,
    disposition,
  };
}
