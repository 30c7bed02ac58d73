/**
 * Signal loss: no data received from any of the trip's seals for longer than `signalLossMs`. Found by a timer
 * (a tick) while nothing arrives, and — so that a replay without ticks agrees with the live run — also when data
 * finally arrives after such a gap. Either way the loss is dated at the last receive time plus the threshold, so
 * both paths raise the same event with the same id. Receive time, not device time, decides: a device that keeps
 * fixes in its memory while out of coverage was still invisible to the monitoring centre, and the receive time is
 * stored with every position, so a replay sees the same gaps.
 */
import { NO_EVENTS, idle, lastFixPosition, positionOf, trackingEvent, type Detected, type TrackingEvent } from '../events.js';
import type { TrackingInput } from '../pipeline.js';
import { SIGNAL_OK, type SignalState, type TripState } from '../state.js';
import type { Trip } from '../trip.js';

const RULE = 'signal.receive-gap';
const RECEIVING = idle(SIGNAL_OK);

function lostEvent(trip: Trip, before: TripState): TrackingEvent {
  const threshold = trip.thresholds.signalLossMs;
  const last = trip.openedAt + before.receivedMs;
  return trackingEvent(trip.id, 'signal-lost', last + threshold, lastFixPosition(trip.openedAt, before), RULE, { signalLossMs: threshold }, {
    lastReceivedAt: last,
  });
}

/**
 * `before`: the trip's state before this input, for the last receive time (kept by the pipeline) and the last
 * location (where a loss is placed).
 */
export function detectSignalLoss(state: SignalState, input: TrackingInput, trip: Trip, before: TripState): Detected<SignalState> {
  const threshold = trip.thresholds.signalLossMs;
  const last = before.receivedMs;
  if (input.kind === 'tick') {
    if (state.lost || input.at - trip.openedAt - last <= threshold) return state === SIGNAL_OK ? RECEIVING : { state, events: NO_EVENTS };
    return { state: { lost: true, lostAtMs: last + threshold }, events: [lostEvent(trip, before)] };
  }
  const receivedAt = input.position.receivedTime;
  const received = receivedAt - trip.openedAt;
  // Receive times from several gateways can step back a little; only forward progress counts.
  const gapLost = !state.lost && received - last > threshold;
  if (!state.lost && !gapLost) return state === SIGNAL_OK ? RECEIVING : { state: SIGNAL_OK, events: NO_EVENTS };
  if (received <= last) return { state, events: NO_EVENTS };
  const events: TrackingEvent[] = gapLost ? [lostEvent(trip, before)] : [];
  const lostAtMs = gapLost ? last + threshold : state.lostAtMs;
  events.push(
    trackingEvent(trip.id, 'signal-restored', receivedAt, positionOf(input.position), RULE, { signalLossMs: threshold }, {
      lostAt: lostAtMs === null ? null : trip.openedAt + lostAtMs,
      lastReceivedAt: trip.openedAt + last,
      gapMs: received - last,
    }),
  );
  return { state: SIGNAL_OK, events };
}
