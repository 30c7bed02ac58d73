import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands.js';
import { dueNoShows, nextCallOpportunity } from './calling.js';
import { toArray } from './sorted-list.js';
import { apply, call, checkInCommand, HOUR, lane, MINUTE, READY, T0, testQueue } from './test-support.js';

describe('callNext', () => {
  it('calls the first truck of the order and keeps the lane busy for its channel time from its arrival', () => {
    const state = testQueue({ lanes: [lane('L1', 6, 4, 1)] });
    apply(state, checkInCommand(1, T0, { channel: 'yellow' }));
    apply(state, checkInCommand(2, T0 + 1));
    expect(call(state, 'L1', T0 + 2)).toBe('TEST-1');
    // Still on its way: the lane waits for it.
    expect(call(state, 'L1', T0 + 3)).toBe('LANE_AWAITING_TRUCK');
    apply(state, { kind: 'arrive', at: T0 + 5 * MINUTE, by: 'lane-camera', entryId: 'TEST-1' });
    // Yellow at 4 an hour: 15 minutes from the arrival.
    expect(call(state, 'L1', T0 + 19 * MINUTE)).toBe('LANE_BUSY');
    expect(call(state, 'L1', T0 + 20 * MINUTE)).toBe('TEST-2');
    expect(state.entries.get('TEST-1')!.status).toBe('served');
  });

  it('requires the version the caller saw, and refuses a stale one without a change', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    const stale = applyCommand(state, { kind: 'call_next', lane: 'L1', at: T0, by: 'officer', expectedVersion: 0 });
    expect(stale.ok ? null : stale.error.code).toBe('STALE_VERSION');
    const missing = applyCommand(state, { kind: 'call_next', lane: 'L1', at: T0, by: 'officer' } as never);
    expect(missing.ok ? null : missing.error.code).toBe('REQUIRED');
    expect(state.entries.get('TEST-1')!.status).toBe('waiting');
    expect(state.version).toBe(1);
  });

  it('calls on a lane only the channels it takes', () => {
    const state = testQueue({ lanes: [lane('GREEN', 10, 5, 0), lane('RED', 0, 0, 2)] });
    apply(state, checkInCommand(1, T0, { channel: 'red' }));
    apply(state, checkInCommand(2, T0 + 1, { channel: 'green' }));
    const result = applyCommand(state, { kind: 'call_next', lane: 'GREEN', at: T0 + 2, by: 'officer', expectedVersion: state.version });
    expect(result.ok && (result as unknown as { entry: { id: string } }).entry.id).toBe('TEST-2');
    expect(result.ok && result.reasons.map((r) => r.code)).toContain('CHANNEL_NOT_TAKEN');
    expect(call(state, 'RED', T0 + 3)).toBe('TEST-1');
  });

  it('calls backlog trucks at most at the release rate, and booked trucks in the meantime', () => {
    const state = testQueue({ lanes: [lane('L1', 60)], backlog: { ratePerHour: 2, burst: 1 } });
    apply(state, { kind: 'book', at: T0, by: 'haulier', truck: { plate: 'B1', country: 'RU' }, declarationId: 'DB1', channel: 'green', facts: READY, booking: { code: 'BK', slotStart: T0 + HOUR, slotEnd: T0 + 2 * HOUR } });
    for (let n = 1; n <= 3; n++) apply(state, checkInCommand(n, T0 + n));
    apply(state, { ...checkInCommand(9, T0 + 10), truck: { plate: 'B1', country: 'RU' }, declarationId: 'DB1', lookupCode: undefined });
    const at = T0 + MINUTE;
    expect(call(state, 'L1', at)).toBe('TEST-2');
    apply(state, { kind: 'arrive', at, by: 'lane', entryId: 'TEST-2' });
    // No token left: the booked truck goes, though it stands behind the backlog.
    expect(call(state, 'L1', at + MINUTE)).toBe('TEST-1');
    apply(state, { kind: 'arrive', at: at + MINUTE, by: 'lane', entryId: 'TEST-1' });
    const waiting = applyCommand(state, { kind: 'call_next', lane: 'L1', at: at + 2 * MINUTE, by: 'officer', expectedVersion: state.version });
    expect(waiting.ok ? null : waiting.error.code).toBe('WAITING_FOR_RELEASE');
    expect((waiting as { retryAt?: number }).retryAt).toBe(T0 + 31 * MINUTE);
    expect(nextCallOpportunity(state, 'L1', at + 2 * MINUTE)?.at).toBe(T0 + 31 * MINUTE);
    expect(call(state, 'L1', T0 + 31 * MINUTE)).toBe('TEST-3');
  });

  it('calls nobody while the crossing is closed, and says when it opens', () => {
    const state = testQueue({ operatingHours: { open: '08:00', close: '18:00', timeZone: 'Asia/Almaty' } });
    const night = Date.parse('2026-05-04T20:00:00Z');
    apply(state, checkInCommand(1, night));
    const closed = applyCommand(state, { kind: 'call_next', lane: 'L1', at: night, by: 'officer', expectedVersion: state.version });
    expect(closed.ok ? null : closed.error.code).toBe('CROSSING_CLOSED');
    expect((closed as { retryAt?: number }).retryAt).toBe(Date.parse('2026-05-05T03:00:00Z'));
  });

  it('frees a lane early when staff say so, and lists no-shows that are due', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0));
    call(state, 'L1', T0);
    expect(dueNoShows(state, T0 + 14 * MINUTE)).toEqual([]);
    expect(dueNoShows(state, T0 + 15 * MINUTE)).toEqual(['TEST-1']);
    apply(state, { kind: 'arrive', at: T0 + MINUTE, by: 'lane', entryId: 'TEST-1' });
    apply(state, { kind: 'lane_freed', at: T0 + 2 * MINUTE, by: 'officer', lane: 'L1' });
    expect(call(state, 'L1', T0 + 2 * MINUTE)).toBe('TEST-2');
  });
});

describe('no-shows', () => {
  function fiveWaiting() {
    const state = testQueue({ lanes: [lane('L1', 60)] });
    for (let n = 1; n <= 5; n++) apply(state, checkInCommand(n, T0 + n * MINUTE));
    return state;
  }
  const order = (state: ReturnType<typeof testQueue>) =>
    state.order.flatMap((list) => toArray(list)).sort((a, b) => a.orderKey - b.orderKey || a.seq - b.seq).map((e) => e.id);

  it('moves a first no-show behind the next trucks, a second to the end of its class, and drops a third', () => {
    const state = fiveWaiting();
    let t = T0 + 10 * MINUTE;
    expect(call(state, 'L1', t)).toBe('TEST-1');
    const early = applyCommand(state, { kind: 'no_show', at: t + 14 * MINUTE, by: 'timer', entryId: 'TEST-1' });
    expect(early.ok ? null : early.error.code).toBe('NOT_DUE');
    t += 15 * MINUTE;
    const first = apply(state, { kind: 'no_show', at: t, by: 'timer', entryId: 'TEST-1' });
    expect(first.reasons.map((r) => r.code)).toEqual(['LANE_FREED', 'NO_SHOW_MOVED_BACK']);
    // moveBackBy is 2 in the test configuration: behind TEST-2 and TEST-3.
    expect(order(state)).toEqual(['TEST-2', 'TEST-3', 'TEST-1', 'TEST-4', 'TEST-5']);
    // The lane is free at once.
    expect(call(state, 'L1', t)).toBe('TEST-2');
    apply(state, { kind: 'arrive', at: t, by: 'lane', entryId: 'TEST-2' });
    t += MINUTE;
    expect(call(state, 'L1', t)).toBe('TEST-3');
    apply(state, { kind: 'arrive', at: t, by: 'lane', entryId: 'TEST-3' });
    t += MINUTE;
    expect(call(state, 'L1', t)).toBe('TEST-1');
    t += 15 * MINUTE;
    apply(state, { kind: 'no_show', at: t, by: 'timer', entryId: 'TEST-1' });
    expect(order(state)).toEqual(['TEST-4', 'TEST-5', 'TEST-1']);
    expect(state.entries.get('TEST-1')!.queuedAt).toBe(t);
    for (const id of ['TEST-4', 'TEST-5']) {
      expect(call(state, 'L1', t)).toBe(id);
      apply(state, { kind: 'arrive', at: t, by: 'lane', entryId: id });
      t += MINUTE;
    }
    expect(call(state, 'L1', t)).toBe('TEST-1');
    t += 15 * MINUTE;
    const third = apply(state, { kind: 'no_show', at: t, by: 'timer', entryId: 'TEST-1' });
    expect(third.reasons.map((r) => r.code)).toContain('NO_SHOW_DROPPED');
    expect(state.entries.get('TEST-1')!.status).toBe('dropped');
    expect(state.entries.get('TEST-1')!.history.filter((h) => h.action === 'no_show')).toHaveLength(3);
    // A new check-in brings it back, at the end, as the same entry.
    const back = apply(state, checkInCommand(1, t + HOUR));
    expect((back as unknown as { entry: { id: string; status: string } }).entry).toMatchObject({ id: 'TEST-1', status: 'waiting' });
  });

  it('moves a truck to the end when fewer trucks wait than it is to go behind', () => {
    const state = testQueue({ lanes: [lane('L1', 60)] });
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0 + 1));
    call(state, 'L1', T0 + 2);
    apply(state, { kind: 'no_show', at: T0 + HOUR, by: 'timer', entryId: 'TEST-1' });
    expect(order(state)).toEqual(['TEST-2', 'TEST-1']);
  });
});
