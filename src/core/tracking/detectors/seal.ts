/**
 * The seal itself: the lock opened or closed, tamper, the cable cut — from each seal's reported state, per device.
 *
 * What is an alarm:
 * - the lock opening anywhere but a place where the seal may be opened (by default the offices of departure and
 *   destination, where customs officers are) — `seal-opened`; in such a place it is `seal-opened-authorised`, info;
 *   whether the truck is in the place is judged from its accepted location, never from the fix that reports the
 *   opening, so a spoofed position cannot make an opening look authorised;
 * - tamper and a cut cable, anywhere, on the rising edge; they stay open until the seal reports them cleared
 *   (which raises nothing: a cleared tamper flag does not undo the tamper).
 * A field the device model does not report is absent and changes nothing.
 *
 * Late fixes (older than the newest one taken) cannot change the current state — a newer fix has spoken — but a
 * breach they show must not be lost: if the state does not show that breach now and none of its kind was raised
 * within `lateSealFoldMs` of the fix, it is raised with `late: true`, dated at the fix. An opening in a late fix is
 * judged by the fix's own position against the opening places, the only location known for that moment.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected, type TrackingEvent } from '../events.js';
import { ARMED_SEAL, type SealFlags } from '../state.js';
import type { Trip } from '../trip.js';

interface SealInput {
  position: Position;
  late: boolean;
  inOpeningPlace: boolean;
}

const STILL_ARMED = idle(ARMED_SEAL);

/**
 * `late`: the position is older than the newest taken; `inOpeningPlace`: the truck is in a place where the seal may
 * be opened (from the accepted location, or for a late fix its own position).
 */
export function detectSeal(state: SealFlags, position: Position, trip: Trip, late: boolean, inOpeningPlace: boolean): Detected<SealFlags> {
  const flags = state;
  const seal = position.seal;
  if (seal === undefined) return flags === ARMED_SEAL ? STILL_ARMED : { state: flags, events: NO_EVENTS };
  // The common case, before building anything: the seal reports what it reported before.
  if (
    !late &&
    (seal.locked === undefined || seal.locked === flags.locked) &&
    (seal.tamper === undefined || seal.tamper === flags.tamper) &&
    (seal.cableCut === undefined || seal.cableCut === flags.cableCut)
  ) {
    return flags === ARMED_SEAL ? STILL_ARMED : { state: flags, events: NO_EVENTS };
  }
  const input: SealInput = { position, late, inOpeningPlace };
  return late ? lateBreaches(flags, input, trip) : edges(flags, input, trip);
}

function edges(flags: SealFlags, input: SealInput, trip: Trip): Detected<SealFlags> {
  const p = input.position;
  const seal = p.seal!;
  const at = p.deviceTime;
  const events: TrackingEvent[] = [];
  let { locked, opening, tamper, cableCut, raised } = flags;
  const device = { deviceId: p.deviceId };
  if (seal.locked === false && locked !== false) {
    opening = input.inOpeningPlace ? 'authorised' : 'alarm';
    const type = opening === 'alarm' ? 'seal-opened' : 'seal-opened-authorised';
    events.push(trackingEvent(trip.id, type, at, positionOf(p), 'seal.lock', { openingPlaces: openingPlaceList(trip) }, { ...device, late: false }, p.deviceId));
    if (opening === 'alarm') raised = { ...raised, openedMs: at - trip.openedAt };
    locked = false;
  } else if (seal.locked === true && locked !== true) {
    if (locked === false) events.push(trackingEvent(trip.id, 'seal-closed', at, positionOf(p), 'seal.lock', {}, { ...device, openedAlarm: opening === 'alarm' }, p.deviceId));
    locked = true;
    opening = null;
  }
  if (seal.tamper === true && !tamper) {
    events.push(trackingEvent(trip.id, 'seal-tamper', at, positionOf(p), 'seal.tamper', {}, { ...device, late: false }, p.deviceId));
    raised = { ...raised, tamperMs: at - trip.openedAt };
  }
  if (seal.tamper !== undefined) tamper = seal.tamper;
  if (seal.cableCut === true && !cableCut) {
    events.push(trackingEvent(trip.id, 'seal-cable-cut', at, positionOf(p), 'seal.cable', {}, { ...device, late: false }, p.deviceId));
    raised = { ...raised, cableCutMs: at - trip.openedAt };
  }
  if (seal.cableCut !== undefined) cableCut = seal.cableCut;
  if (locked === flags.locked && tamper === flags.tamper && cableCut === flags.cableCut && opening === flags.opening) {
    return { state: flags, events: events.length > 0 ? events : NO_EVENTS };
  }
  return { state: { locked, opening, tamper, cableCut, raised }, events };
}

function lateBreaches(flags: SealFlags, input: SealInput, trip: Trip): Detected<SealFlags> {
  const p = input.position;
  const seal = p.seal!;
  const at = p.deviceTime;
  const fold = trip.thresholds.lateSealFoldMs;
  const ms = at - trip.openedAt;
  const fresh = (last: number | null): boolean => last === null || Math.abs(ms - last) > fold;
  const events: TrackingEvent[] = [];
  let raised = flags.raised;
  const device = { deviceId: p.deviceId, late: true };
  const params = { lateSealFoldMs: fold };
  if (seal.locked === false && flags.locked !== false && !input.inOpeningPlace && fresh(raised.openedMs)) {
    events.push(trackingEvent(trip.id, 'seal-opened', at, positionOf(p), 'seal.lock', { ...params, openingPlaces: openingPlaceList(trip) }, device, p.deviceId));
    raised = { ...raised, openedMs: at - trip.openedAt };
  }
  if (seal.tamper === true && !flags.tamper && fresh(raised.tamperMs)) {
    events.push(trackingEvent(trip.id, 'seal-tamper', at, positionOf(p), 'seal.tamper', params, device, p.deviceId));
    raised = { ...raised, tamperMs: at - trip.openedAt };
  }
  if (seal.cableCut === true && !flags.cableCut && fresh(raised.cableCutMs)) {
    events.push(trackingEvent(trip.id, 'seal-cable-cut', at, positionOf(p), 'seal.cable', params, device, p.deviceId));
    raised = { ...raised, cableCutMs: at - trip.openedAt };
  }
  if (events.length === 0) return { state: flags, events: NO_EVENTS };
  return { state: { ...flags, raised }, events };
}

function openingPlaceList(trip: Trip): string {
  return trip.openingPlaces.map((i) => trip.places.id(i)).join(',');
}
