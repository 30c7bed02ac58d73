/**
 * Stops longer than `maxStopMs` outside the allowed zones. A fix at or below `stopSpeedKmh` starts a stop where it
 * stands; the stop goes on while fixes stay slow and within `stopRadiusM` of that point. The moment a stop reaches
 * the threshold it is judged, once, by where it is:
 * - in a stop zone (the trip's offices, crossings, inspection posts, designated parking): excused;
 * - on the route within `borderQueueM` before a crossing on it: the border queue, excused;
 * - off the corridor: excused, because the corridor alarm is already open for this very detour;
 * - anywhere else: `long-stop`, and `long-stop-ended` when the truck moves on.
 * Only positions decide (a parked seal keeps reporting), so a replay without timer ticks raises the same events;
 * a seal that stops reporting while parked is a signal loss instead.
 */
import { haversineM } from '../../geo/index.js';
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected } from '../events.js';
import type { Fix } from '../fix.js';
import { NOT_STOPPED, toE6, type StopState } from '../state.js';
import type { Trip } from '../trip.js';

const RULE = 'stop.duration';
const MOVING = idle(NOT_STOPPED);

function ruleParams(trip: Trip): Record<string, number> {
  const t = trip.thresholds;
  return { maxStopMs: t.maxStopMs, stopSpeedKmh: t.stopSpeedKmh, stopRadiusM: t.stopRadiusM, borderQueueM: t.borderQueueM };
}

function startAt(fix: Fix): StopState {
  const p = fix.position;
  return { sinceMs: fix.ms, latE6: toE6(p.lat), lonE6: toE6(p.lon), alongM: Math.round(fix.alongM), lastMs: fix.ms, verdict: 'pending', excuse: null };
}

function excuseFor(state: StopState, outsideCorridor: boolean, trip: Trip): string | null {
  const zones = trip.stopZones.containing(state.lonE6 / 1e6, state.latE6 / 1e6);
  if (zones.length > 0) return trip.stopZones.id(zones[0]!);
  if (outsideCorridor) return 'off-corridor';
  const along = state.alongM;
  for (const c of trip.crossingsOnRoute) if (along <= c.alongM && c.alongM - along <= trip.thresholds.borderQueueM) return `border-queue:${c.id}`;
  return null;
}

/** `outsideCorridor`: the corridor alarm is open after this fix (the corridor detector's verdict). */
export function detectStop(state: StopState, fix: Fix, trip: Trip, outsideCorridor: boolean): Detected<StopState> {
  const p = fix.position;
  const t = trip.thresholds;
  const standing = p.speed <= t.stopSpeedKmh;
  if (state.sinceMs === null) {
    if (standing) return { state: startAt(fix), events: NO_EVENTS };
    return state === NOT_STOPPED ? MOVING : { state: NOT_STOPPED, events: NO_EVENTS };
  }

  const openedAt = trip.openedAt;
  const moved = haversineM(state.latE6 / 1e6, state.lonE6 / 1e6, p.lat, p.lon) > t.stopRadiusM;
  if (!standing || moved) {
    if (state.verdict !== 'raised') return standing ? { state: startAt(fix), events: NO_EVENTS } : MOVING;
    const ended = trackingEvent(trip.id, 'long-stop-ended', p.deviceTime, positionOf(p), RULE, ruleParams(trip), {
      since: openedAt + state.sinceMs,
      durationMs: fix.ms - state.sinceMs,
      lat: state.latE6 / 1e6,
      lon: state.lonE6 / 1e6,
    });
    return { state: standing ? startAt(fix) : NOT_STOPPED, events: [ended] };
  }

  const duration = fix.ms - state.sinceMs;
  if (state.verdict !== 'pending' || duration < t.maxStopMs) return { state: { ...state, lastMs: fix.ms }, events: NO_EVENTS };
  const excuse = excuseFor(state, outsideCorridor, trip);
  if (excuse !== null) return { state: { ...state, lastMs: fix.ms, verdict: 'excused', excuse }, events: NO_EVENTS };
  const event = trackingEvent(trip.id, 'long-stop', p.deviceTime, positionOf(p), RULE, ruleParams(trip), {
    since: openedAt + state.sinceMs,
    durationMs: duration,
    lat: state.latE6 / 1e6,
    lon: state.lonE6 / 1e6,
    alongM: state.alongM,
  });
  return { state: { ...state, lastMs: fix.ms, verdict: 'raised' }, events: [event] };
}
