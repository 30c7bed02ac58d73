/**
 * Signal loss: no data received from any of the trip's seals for longer than `signalLossMs`. Found by a timer
 * (a tick) while nothing arrives, and — so that a replay without ticks agrees with the live run — also when data
 * finally arrives after such a gap. Either way the loss is dated at the last receive time plus the threshold, so
 * both paths raise the same event with the same id. Receive time, not device time, decides: a device that keeps
 * fixes in its memory while out of coverage was still invisible to the monitoring centre, and the receive time is
 * stored with every position, so a replay sees the same gaps.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected, type TrackingEvent } from '../events.js';
import type { LastFix, SignalState } from '../state.js';
import type { Trip } from '../trip.js';

export type SignalInput =
  | { kind: 'tick'; at: number; lastFix: LastFix | null }
  | { kind: 'position'; position: Position; lastFix: LastFix | null };

const RULE = 'signal.receive-gap';

export function detectSignalLoss(state: SignalState, input: SignalInput, trip: Trip): Detected<SignalState> {
  const threshold = trip.thresholds.signalLossMs;
  const params = { signalLossMs: threshold };
  const last = state.lastReceivedTime;
  if (input.kind === 'tick') {
    if (state.lost || input.at - last <= threshold) return { state, events: NO_EVENTS };
    const lostAt = last + threshold;
    return {
      state: { lastReceivedTime: last, lost: true, lostAt },
      events: [trackingEvent(trip.id, 'signal-lost', lostAt, positionOf(input.lastFix), RULE, params, { lastReceivedAt: last })],
    };
  }
  const received = input.position.receivedTime;
  // Receive times from several gateways can step back a little; only forward progress counts.
  if (received <= last) return { state, events: NO_EVENTS };
  const events: TrackingEvent[] = [];
  let lostAt = state.lostAt;
  if (!state.lost && received - last > threshold) {
    lostAt = last + threshold;
    events.push(trackingEvent(trip.id, 'signal-lost', lostAt, positionOf(input.lastFix), RULE, params, { lastReceivedAt: last }));
  }
  if (lostAt !== null) {
    events.push(
      trackingEvent(trip.id, 'signal-restored', received, positionOf(input.position), RULE, params, {
        lostAt,
        lastReceivedAt: last,
        gapMs: received - last,
      }),
    );
  }
  return { state: { lastReceivedTime: received, lost: false, lostAt: null }, events: events.length > 0 ? events : NO_EVENTS };
}
