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
import type { Position } from '../../model/position.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected } from '../events.js';
import { NOT_STOPPED, type StopState } from '../state.js';
import type { Trip } from '../trip.js';

export interface StopInput {
  position: Position;
  /** Progress along the route at the fix, metres. */
  alongM: number;
  /** The corridor alarm is open (after this fix). */
  outsideCorridor: boolean;
}

const RULE = 'stop.duration';

function startAt(p: Position, alongM: number): StopState {
  return { since: p.deviceTime, lat: p.lat, lon: p.lon, alongM, lastAt: p.deviceTime, verdict: 'pending', excuse: null };
}

function excuseFor(state: StopState, outsideCorridor: boolean, trip: Trip): string | null {
  const zones = trip.stopZones.containing(state.lon, state.lat);
  if (zones.length > 0) return trip.stopZones.id(zones[0]!);
  if (outsideCorridor) return 'off-corridor';
  const along = state.alongM;
  if (along !== null) {
    for (const c of trip.crossingsOnRoute) if (along <= c.alongM && c.alongM - along <= trip.thresholds.borderQueueM) return `border-queue:${c.id}`;
  }
  return null;
}

export function detectStop(state: StopState, input: StopInput, trip: Trip): Detected<StopState> {
  const { position: p } = input;
  const t = trip.thresholds;
  const standing = p.speed <= t.stopSpeedKmh;
  if (state.since === null) return standing ? { state: startAt(p, input.alongM), events: NO_EVENTS } : { state, events: NO_EVENTS };

  const params = { maxStopMs: t.maxStopMs, stopSpeedKmh: t.stopSpeedKmh, stopRadiusM: t.stopRadiusM, borderQueueM: t.borderQueueM };
  const moved = haversineM(state.lat, state.lon, p.lat, p.lon) > t.stopRadiusM;
  if (!standing || moved) {
    const next = standing ? startAt(p, input.alongM) : NOT_STOPPED;
    if (state.verdict !== 'raised') return { state: next, events: NO_EVENTS };
    const ended = trackingEvent(trip.id, 'long-stop-ended', p.deviceTime, positionOf(p), RULE, params, {
      since: state.since,
      durationMs: p.deviceTime - state.since,
      lat: state.lat,
      lon: state.lon,
    });
    return { state: next, events: [ended] };
  }

  const duration = p.deviceTime - state.since;
  if (state.verdict !== 'pending' || duration < t.maxStopMs) return { state: { ...state, lastAt: p.deviceTime }, events: NO_EVENTS };
  const excuse = excuseFor(state, input.outsideCorridor, trip);
  if (excuse !== null) return { state: { ...state, lastAt: p.deviceTime, verdict: 'excused', excuse }, events: NO_EVENTS };
  const event = trackingEvent(trip.id, 'long-stop', p.deviceTime, positionOf(p), RULE, params, {
    since: state.since,
    durationMs: duration,
    lat: state.lat,
    lon: state.lon,
    alongM: state.alongM === null ? null : Math.round(state.alongM),
  });
  return { state: { ...state, lastAt: p.deviceTime, verdict: 'raised' }, events: [event] };
}
