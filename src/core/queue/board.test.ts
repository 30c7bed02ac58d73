import { describe, expect, it } from 'vitest';
import { boardFigures, liveCounts } from './board.js';
import { apply, call, checkInCommand, HOUR, lane, MINUTE, READY, T0, testQueue } from './test-support.js';

describe('boardFigures', () => {
  it('counts the queue by class and state, and the waits of trucks waiting and called', () => {
    const state = testQueue({ lanes: [lane('L1', 6)] });
    apply(state, checkInCommand(1, T0, { facts: { perishable: true } }));
    apply(state, checkInCommand(2, T0 + HOUR));
    apply(state, checkInCommand(3, T0 + 2 * HOUR, { facts: { declarationComplete: false } }));
    apply(state, { kind: 'book', at: T0, by: 'haulier', truck: { plate: 'B', country: 'RU' }, declarationId: 'DB', channel: 'green', facts: { ...READY, trustedTrader: true }, booking: { code: 'BK', slotStart: T0 + 5 * HOUR, slotEnd: T0 + 6 * HOUR } });
    expect(call(state, 'L1', T0 + 3 * HOUR)).toBe('TEST-1');
    const board = boardFigures(state, T0 + 4 * HOUR);
    expect(board.byClass.perishable).toEqual({ booked: 0, holding: 0, waiting: 0, called: 1 });
    expect(board.byClass.standard).toEqual({ booked: 0, holding: 1, waiting: 1, called: 0 });
    expect(board.byClass.trusted_trader).toEqual({ booked: 1, holding: 0, waiting: 0, called: 0 });
    expect(board.total).toEqual({ booked: 1, holding: 1, waiting: 1, called: 1 });
    expect(liveCounts(state)).toEqual(board.total);
    // Waiting now: TEST-2 for 3 h, TEST-3 (holding) for 2 h; nearest rank: the median is 2 h, the 95th 3 h.
    expect(board.waitingNow).toEqual({ count: 2, medianMs: 2 * HOUR, p95Ms: 3 * HOUR });
    expect(board.waitsOfCalledLastDay).toEqual({ count: 1, medianMs: 3 * HOUR, p95Ms: 3 * HOUR });
    expect(board.throughput.callsLastHour).toBe(1);
    expect(board.throughput.callsLastDay).toBe(1);
  });

  it('gives the backlog clearance at the release rate, counting opening hours', () => {
    const noon = Date.parse('2026-05-04T07:00:00Z'); // 12:00 in Almaty; open 08:00–18:00
    const state = testQueue({ lanes: [lane('L1', 20), lane('L2', 20)], operatingHours: { open: '08:00', close: '18:00', timeZone: 'Asia/Almaty' }, backlog: { ratePerHour: 10, burst: 1 } }, noon);
    for (let n = 1; n <= 80; n++) apply(state, checkInCommand(n, noon));
    apply(state, checkInCommand(81, noon, { facts: { recipientIdentified: false } }));
    const board = boardFigures(state, noon);
    // 80 trucks at 10 an hour (the lanes could take 40): 8 open hours, 6 today (to 18:00) and 2 tomorrow from 08:00.
    expect(board.backlog).toMatchObject({ waiting: 80, holding: 1, releaseRatePerHour: 10, laneCapacityPerHour: 40, effectiveRatePerHour: 10, clearanceHours: 8 });
    expect(board.backlog.clearanceAt).toBe(Date.parse('2026-05-05T05:00:00Z'));
    apply(state, { kind: 'set_backlog_rate', at: noon, by: 'chief', ratePerHour: null, reason: 'all lanes free' });
    expect(boardFigures(state, noon).backlog).toMatchObject({ effectiveRatePerHour: 40, clearanceHours: 2, clearanceAt: noon + 2 * HOUR });
    apply(state, { kind: 'set_backlog_rate', at: noon, by: 'chief', ratePerHour: 0, reason: 'the other side is closed' });
    expect(boardFigures(state, noon).backlog).toMatchObject({ clearanceHours: null, clearanceAt: null });
  });

  it('gives the throughput of the last hour, smoothed', () => {
    const state = testQueue({ lanes: [lane('L1', 60)] });
    for (let n = 1; n <= 200; n++) apply(state, checkInCommand(n, T0));
    let t = T0;
    for (let n = 1; n <= 180; n++) {
      const id = call(state, 'L1', t);
      apply(state, { kind: 'arrive', at: t, by: 'lane', entryId: id });
      t += MINUTE;
    }
    const board = boardFigures(state, t);
    expect(board.throughput.callsLastHour).toBe(60);
    // Three hours at 60 an hour: the smoothed figure is 60 × (1 − e^-3) plus the discreteness of the calls.
    expect(board.throughput.smoothedPerHour).toBeGreaterThan(55);
    expect(board.throughput.smoothedPerHour).toBeLessThan(62);
  });
});
