import { describe, expect, it } from 'vitest';
import { createTripState } from '../state.js';
import { demoTrip, fixAt, MINUTE, T0 } from '../test-support.js';
import { detectSignalLoss } from './signal-loss.js';

const trip = demoTrip('bishkek-almaty');
const T = trip.thresholds.signalLossMs;

describe('signal loss', () => {
  const start = createTripState(trip);
  const signal = start.signal;

  it('is found by a tick only once the threshold has passed, and only once, dated at last receive + threshold', () => {
    expect(detectSignalLoss(signal, { kind: 'tick', at: T0 + T }, trip, start).events).toEqual([]);
    const lost = detectSignalLoss(signal, { kind: 'tick', at: T0 + T + 1 }, trip, start);
    expect(lost.events.map((e) => [e.type, e.at])).toEqual([['signal-lost', T0 + T]]);
    expect(lost.state.lost).toBe(true);
    expect(detectSignalLoss(lost.state, { kind: 'tick', at: T0 + 5 * T }, trip, start).events).toEqual([]);
  });

  it('ends when data arrives, telling the gap', () => {
    const lost = detectSignalLoss(signal, { kind: 'tick', at: T0 + 2 * T }, trip, start).state;
    const p = fixAt(trip, 1_000, T0 + 40 * MINUTE);
    const back = detectSignalLoss(lost, { kind: 'position', position: p }, trip, start);
    expect(back.events.map((e) => e.type)).toEqual(['signal-restored']);
    expect(back.events[0]!.details).toMatchObject({ lostAt: T0 + T, gapMs: p.receivedTime - T0 });
    expect(back.state).toEqual({ lost: false, lostAtMs: null });
  });

  it('raises the same loss, with the same id, when no tick came and data arrives after the gap', () => {
    const ticked = detectSignalLoss(signal, { kind: 'tick', at: T0 + 2 * T }, trip, start);
    const p = fixAt(trip, 1_000, T0 + 40 * MINUTE);
    const untimed = detectSignalLoss(signal, { kind: 'position', position: p }, trip, start);
    expect(untimed.events.map((e) => e.type)).toEqual(['signal-lost', 'signal-restored']);
    expect(untimed.events[0]!.id).toBe(ticked.events[0]!.id);
  });

  it('raises nothing for data within the threshold, nor for a receive time that steps back', () => {
    const p = fixAt(trip, 1_000, T0 + T - 2_000);
    const ok = detectSignalLoss(signal, { kind: 'position', position: p }, trip, start);
    expect(ok.events).toEqual([]);
    const later = { ...start, receivedMs: 2 * T };
    const older = detectSignalLoss(ok.state, { kind: 'position', position: { ...p, receivedTime: T0 + T } }, trip, later);
    expect(older.events).toEqual([]);
    expect(older.state).toBe(ok.state);
  });
});
