import { describe, expect, it } from 'vitest';
import { summariseAccuracy } from './accuracy.js';
import { boardFigures } from './board.js';
import { refreshEstimates } from './estimates.js';
import { apply, call, checkInCommand, HOUR, lane, MINUTE, READY, T0, testQueue } from './test-support.js';
import type { Channel } from './channel.js';
import { estimateOf } from './estimate-columns.js';
import type { QueueState } from './state.js';

const callOf = (state: QueueState, id: string) => estimateOf(state.estimates, state.entries.get(id)!)?.callAt ?? null;

describe('refreshEstimates', () => {
  it('matches a small case worked by hand: positions, channels and two lanes', () => {
    // L1: green 6/h (10 min), yellow 4/h (15 min), no red. L2: green 3/h (20 min), yellow 2/h (30 min), red 1/h (60 min).
    const state = testQueue({ lanes: [lane('L1', 6, 4, 0), lane('L2', 3, 2, 1)] });
    const channels: Channel[] = ['green', 'red', 'yellow', 'green', 'green'];
    channels.forEach((channel, i) => apply(state, checkInCommand(i + 1, T0, { channel })));
    const refresh = refreshEstimates(state, T0);
    // By hand: L1 and L2 both free at T0; L1 (first on a tie) takes 1 (green, to T0+10); L2 takes 2 (red, to T0+60);
    // L1 takes 3 (yellow) at T0+10 to T0+25, 4 at T0+25 to T0+35, 5 at T0+35.
    const expected = [T0, T0, T0 + 10 * MINUTE, T0 + 25 * MINUTE, T0 + 35 * MINUTE];
    expect([1, 2, 3, 4, 5].map((n) => callOf(state, `TEST-${n}`))).toEqual(expected);
    expect([1, 2, 3, 4, 5].map((n) => estimateOf(state.estimates, state.entries.get(`TEST-${n}`)!)!.position)).toEqual([1, 2, 3, 4, 5]);
    expect(refresh).toMatchObject({ waiting: 5, estimated: 5, lastCallAt: T0 + 35 * MINUTE });

    // Running the lanes as the plan did gives those very times, so the accuracy records show no error.
    const calls: Array<[string, number]> = [['L1', T0], ['L2', T0], ['L1', T0 + 10 * MINUTE], ['L1', T0 + 25 * MINUTE], ['L1', T0 + 35 * MINUTE]];
    for (const [laneId, at] of calls) {
      const id = call(state, laneId, at);
      apply(state, { kind: 'arrive', at, by: 'lane', entryId: id });
    }
    expect(summariseAccuracy(state.accuracy, 'latest').overall).toEqual({ count: 5, meanAbsoluteErrorMs: 0, biasMs: 0, p90AbsoluteErrorMs: 0 });
    expect(boardFigures(state, T0 + HOUR).accuracy.first.overall).toMatchObject({ count: 5, meanAbsoluteErrorMs: 0 });
  });

  it('follows the release rate, calling booked trucks between backlog tokens', () => {
    const state = testQueue({ lanes: [lane('L1', 60)], backlog: { ratePerHour: 6, burst: 1 } });
    for (let n = 1; n <= 3; n++) apply(state, checkInCommand(n, T0));
    apply(state, { kind: 'book', at: T0, by: 'haulier', truck: { plate: 'B', country: 'RU' }, declarationId: 'DB', channel: 'green', facts: READY, booking: { code: 'BK', slotStart: T0, slotEnd: T0 + HOUR } });
    apply(state, { ...checkInCommand(9, T0), truck: { plate: 'B', country: 'RU' }, declarationId: 'DB', lookupCode: undefined });
    refreshEstimates(state, T0);
    // 1 takes the token at T0; the lane is free at T0+1 min, with no token until T0+10: the booked truck goes;
    // then 2 at the next token, T0+10, and 3 at T0+20.
    expect(['TEST-1', 'TEST-4', 'TEST-2', 'TEST-3'].map((id) => callOf(state, id))).toEqual([
      T0,
      T0 + MINUTE,
      T0 + 10 * MINUTE,
      T0 + 20 * MINUTE,
    ]);
  });

  it('counts only opening hours, and gives no estimate to trucks no lane takes or to a stopped backlog', () => {
    const evening = Date.parse('2026-05-04T12:30:00Z'); // 17:30 in Almaty; closes at 18:00
    const state = testQueue({ lanes: [lane('L1', 2, 2, 0)], operatingHours: { open: '08:00', close: '18:00', timeZone: 'Asia/Almaty' } }, evening);
    apply(state, checkInCommand(1, evening));
    apply(state, checkInCommand(2, evening));
    apply(state, checkInCommand(3, evening, { channel: 'red' }));
    const refresh = refreshEstimates(state, evening);
    expect(callOf(state, 'TEST-1')).toBe(evening);
    // The lane is busy 30 min, to 18:00: the next call is at 08:00 the next morning.
    expect(callOf(state, 'TEST-2')).toBe(Date.parse('2026-05-05T03:00:00Z'));
    expect(callOf(state, 'TEST-3')).toBeNull();
    expect(refresh.reasons.map((r) => r.code)).toContain('NOT_ESTIMATED');
    apply(state, { kind: 'set_backlog_rate', at: evening, by: 'chief', ratePerHour: 0, reason: 'other side closed' });
    expect(refreshEstimates(state, evening).estimated).toBe(0);
  });

  it('stretches the lane times by the measured pace when the lanes worked slower than nominal', () => {
    const state = testQueue({ lanes: [lane('L1', 6)] });
    // Two hours of trucks worked at half the nominal rate: 20 minutes each instead of 10.
    for (let n = 1; n <= 20; n++) apply(state, checkInCommand(n, T0));
    let t = T0;
    for (let n = 1; n <= 6; n++) {
      const id = call(state, 'L1', t);
      apply(state, { kind: 'arrive', at: t, by: 'lane', entryId: id });
      t += 20 * MINUTE;
    }
    // Half-way through the last truck: the credit for a truck comes at its arrival, so the measure is a sawtooth
    // about the true utilisation, right on it mid-way between arrivals.
    const refresh = refreshEstimates(state, t - 10 * MINUTE);
    expect(refresh.pace.utilisation).toBeCloseTo(0.5, 1);
    expect(refresh.pace.factor).toBeGreaterThan(1.7);
    const next = [...state.entries.values()].filter((e) => e.status === 'waiting').sort((a, b) => a.seq - b.seq);
    expect(callOf(state, next[1]!.id)! - callOf(state, next[0]!.id)!).toBeGreaterThan(17 * MINUTE);
  });
});

describe('accuracy', () => {
  it('summarises estimate against actual: mean absolute error, bias and 90th percentile, by horizon', () => {
    const records = [0, 10, -20, 30, 40, 50, 60, 70, 80, 90].map((minutes, i) => ({
      entryId: `E${i}`,
      kind: 'latest' as const,
      madeAt: T0,
      estimatedAt: T0 + 2 * HOUR,
      actualAt: T0 + 2 * HOUR + minutes * MINUTE,
    }));
    const summary = summariseAccuracy(records, 'latest');
    expect(summary.overall.count).toBe(10);
    expect(summary.overall.meanAbsoluteErrorMs).toBe(45 * MINUTE);
    expect(summary.overall.biasMs).toBe(41 * MINUTE);
    expect(summary.overall.p90AbsoluteErrorMs).toBe(80 * MINUTE);
    expect(summary.byHorizon.map((h) => h.count)).toEqual([0, 10, 0, 0]);
    expect(summariseAccuracy(records, 'first').overall.count).toBe(0);
  });

  it('keeps the first estimate as well as the latest', () => {
    const state = testQueue({ lanes: [lane('L1', 6)] });
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0));
    refreshEstimates(state, T0);
    const id = call(state, 'L1', T0);
    apply(state, { kind: 'arrive', at: T0, by: 'lane', entryId: id });
    refreshEstimates(state, T0 + 5 * MINUTE);
    expect(call(state, 'L1', T0 + 30 * MINUTE)).toBe('TEST-2');
    const kinds = state.accuracy.filter((r) => r.entryId === 'TEST-2');
    expect(kinds.map((r) => [r.kind, r.madeAt, r.estimatedAt])).toEqual([
      ['first', T0, T0 + 10 * MINUTE],
      ['latest', T0 + 5 * MINUTE, T0 + 10 * MINUTE],
    ]);
    expect(summariseAccuracy(state.accuracy, 'first').overall.biasMs).toBe(10 * MINUTE);
  });
});
