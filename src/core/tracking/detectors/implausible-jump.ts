/**
 * Implausible jumps: a fix that implies a speed no truck reaches from the last accepted one is a sign of GPS
 * jamming or spoofing (or a bad fix). It is reported once per episode and not taken as the trip's location, so the
 * corridor, places, country, stops and ETA do not move with it. If the following fixes agree with each other
 * (plausible among themselves) but not with the old location, `jumpReanchorFixes` of them in a row make the new
 * location accepted: the old one was the bad one, or the truck really is there after a gap — either way the trip
 * must follow, and being away from the corridor then raises its own alarm.
 */
import { METRES_PER_DEGREE } from '../../geo/index.js';
import type { Position } from '../../model/position.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected } from '../events.js';
import { NO_JUMP, toE6, type JumpState, type TripState } from '../state.js';
import type { Trip } from '../trip.js';

export interface JumpDecision extends Detected<JumpState> {
  /** Take the fix as the trip's location. */
  accepted: boolean;
}

const RULE = 'jump.max-speed';
const ACCEPTED: JumpDecision = Object.freeze({ state: NO_JUMP, events: NO_EVENTS, accepted: true });

/**
 * Distance in a flat projection at the middle latitude: within 0.5% of the great circle up to a few hundred km in
 * this region, which is plenty for comparing a speed with a threshold, and it costs one cosine.
 */
function flatDistanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const y = lat2 - lat1;
  return Math.sqrt(x * x + y * y) * METRES_PER_DEGREE;
}

/** Whether a truck can get from (latE6, lonE6) at `fromMs` to the position; both times ms since the trip opened. */
function isPlausible(trip: Trip, latE6: number, lonE6: number, fromMs: number, p: Position, ms: number): boolean {
  const t = trip.thresholds;
  const distanceM = flatDistanceM(latE6 / 1e6, lonE6 / 1e6, p.lat, p.lon);
  if (distanceM <= t.jumpMinDistanceM) return true;
  return distanceM * 3600 <= t.maxSpeedKmh * Math.max(0, ms - fromMs);
}

/** `before`: the trip's state before this position, for its last accepted location. */
export function detectImplausibleJump(state: JumpState, p: Position, trip: Trip, before: TripState): JumpDecision {
  const ms = p.deviceTime - trip.openedAt;
  const previousMs = before.lastMs;
  if (previousMs === null || isPlausible(trip, before.latE6, before.lonE6, previousMs, p, ms)) return ACCEPTED;

  const c = state.candidate;
  const agreeing = c !== null && isPlausible(trip, c.latE6, c.lonE6, c.ms, p, ms) ? state.agreeing + 1 : 1;
  if (agreeing >= trip.thresholds.jumpReanchorFixes) return ACCEPTED;
  const next: JumpState = { episode: true, candidate: { ms, latE6: toE6(p.lat), lonE6: toE6(p.lon) }, agreeing };
  if (state.episode) return { state: next, events: NO_EVENTS, accepted: false };
  const { maxSpeedKmh, jumpMinDistanceM, jumpReanchorFixes } = trip.thresholds;
  const fromLat = before.latE6 / 1e6;
  const fromLon = before.lonE6 / 1e6;
  const distanceM = flatDistanceM(fromLat, fromLon, p.lat, p.lon);
  const seconds = (ms - previousMs) / 1000;
  const event = trackingEvent(trip.id, 'implausible-jump', p.deviceTime, positionOf(p), RULE, { maxSpeedKmh, jumpMinDistanceM, jumpReanchorFixes }, {
    distanceM: Math.round(distanceM),
    // A jump within the same second has no finite speed; JSON has no Infinity.
    speedKmh: seconds > 0 ? Math.round((distanceM / seconds) * 3.6) : null,
    fromLat,
    fromLon,
    fromTime: trip.openedAt + previousMs,
  });
  return { state: next, events: [event], accepted: false };
}
