/**
 * Implausible jumps: a fix that implies a speed no truck reaches from the last accepted one is a sign of GPS
 * jamming or spoofing (or a bad fix). It is reported once per episode and not taken as the trip's location, so the
 * corridor, places, country, stops and ETA do not move with it. If the following fixes agree with each other
 * (plausible among themselves) but not with the old location, `jumpReanchorFixes` of them in a row make the new
 * location accepted: the old one was the bad one, or the truck really is there after a gap — either way the trip
 * must follow, and being away from the corridor then raises its own alarm.
 */
import type { Position } from '../../model/position.js';
import { haversineM } from '../../geo/index.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected } from '../events.js';
import { NO_JUMP, type JumpState, type LastFix } from '../state.js';
import type { Trip } from '../trip.js';

export interface JumpInput {
  position: Position;
  /** The last accepted fix; null before the first. */
  previous: LastFix | null;
}

export interface JumpDecision extends Detected<JumpState> {
  /** Take the fix as the trip's location. */
  accepted: boolean;
}

const RULE = 'jump.max-speed';

function plausible(trip: Trip, fromLat: number, fromLon: number, fromTime: number, p: Position): { ok: boolean; distanceM: number; speedKmh: number } {
  const distanceM = haversineM(fromLat, fromLon, p.lat, p.lon);
  const seconds = Math.max(0, p.deviceTime - fromTime) / 1000;
  const speedKmh = seconds > 0 ? (distanceM / seconds) * 3.6 : Infinity;
  const ok = distanceM <= trip.thresholds.jumpMinDistanceM || speedKmh <= trip.thresholds.maxSpeedKmh;
  return { ok, distanceM, speedKmh };
}

export function detectImplausibleJump(state: JumpState, input: JumpInput, trip: Trip): JumpDecision {
  const { position: p, previous } = input;
  if (previous === null) return { state: state === NO_JUMP ? state : NO_JUMP, events: NO_EVENTS, accepted: true };
  const check = plausible(trip, previous.lat, previous.lon, previous.time, p);
  if (check.ok) return { state: NO_JUMP, events: NO_EVENTS, accepted: true };

  const c = state.candidate;
  const agreeing = c !== null && plausible(trip, c.lat, c.lon, c.time, p).ok ? state.agreeing + 1 : 1;
  if (agreeing >= trip.thresholds.jumpReanchorFixes) return { state: NO_JUMP, events: NO_EVENTS, accepted: true };
  const next: JumpState = { episode: true, candidate: { time: p.deviceTime, lat: p.lat, lon: p.lon }, agreeing };
  if (state.episode) return { state: next, events: NO_EVENTS, accepted: false };
  const { maxSpeedKmh, jumpMinDistanceM, jumpReanchorFixes } = trip.thresholds;
  const event = trackingEvent(
    trip.id,
    'implausible-jump',
    p.deviceTime,
    positionOf(p),
    RULE,
    { maxSpeedKmh, jumpMinDistanceM, jumpReanchorFixes },
    {
      distanceM: Math.round(check.distanceM),
      // A jump within the same second has no finite speed; JSON has no Infinity.
      speedKmh: Number.isFinite(check.speedKmh) ? Math.round(check.speedKmh) : null,
      fromLat: previous.lat,
      fromLon: previous.lon,
      fromTime: previous.time,
    },
  );
  return { state: next, events: [event], accepted: false };
}
