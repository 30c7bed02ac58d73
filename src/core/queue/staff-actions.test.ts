import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands.js';
import { apply, call, checkInCommand, HOUR, lane, T0, testQueue } from './test-support.js';

describe('staff decisions', () => {
  it('hold, release and re-prioritise with a reason, recorded with who and when', () => {
    const state = testQueue({ lanes: [lane('L1', 60)] });
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0 + HOUR));
    apply(state, { kind: 'hold', at: T0 + 2 * HOUR, by: 'inspector.a', entryId: 'TEST-1', reason: 'seal number differs from the declaration' });
    expect(state.entries.get('TEST-1')!.status).toBe('holding');
    // The held truck blocks nobody.
    expect(call(state, 'L1', T0 + 2 * HOUR)).toBe('TEST-2');
    apply(state, { kind: 'release', at: T0 + 3 * HOUR, by: 'inspector.b', entryId: 'TEST-1', reason: 'seal checked' });
    apply(state, checkInCommand(3, T0 + 3 * HOUR));
    apply(state, { kind: 'reprioritise', at: T0 + 3 * HOUR, by: 'shift.lead', entryId: 'TEST-3', priorityClass: 'perishable', reason: 'medicines, cold chain' });
    const history = state.entries.get('TEST-1')!.history;
    expect(history.slice(-3).map((h) => [h.action, h.by, h.at])).toEqual([
      ['held', 'inspector.a', T0 + 2 * HOUR],
      ['released', 'inspector.b', T0 + 3 * HOUR],
      ['joined_order', 'inspector.b', T0 + 3 * HOUR],
    ]);
    expect(history.slice(-3, -1).map((h) => h.reason)).toEqual(['seal number differs from the declaration', 'seal checked']);
    // TEST-3 is now perishable: 72 h head start puts it before TEST-1, whose place still counts from T0.
    expect(state.entries.get('TEST-1')!.queuedAt).toBe(T0);
    apply(state, { kind: 'arrive', at: T0 + 3 * HOUR, by: 'lane', entryId: 'TEST-2' });
    // The lane takes 60 an hour: free a minute after TEST-2's arrival.
    expect(call(state, 'L1', T0 + 3 * HOUR + 60_000)).toBe('TEST-3');
    expect(state.entries.get('TEST-3')!.history.find((h) => h.action === 'reprioritised')!.detail).toMatchObject({ from: 'standard', to: 'perishable' });
  });

  it('refuses a staff decision without a reason', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    const result = applyCommand(state, { kind: 'hold', at: T0, by: 'inspector', entryId: 'TEST-1', reason: ' ' });
    expect(result.ok ? null : result.error.code).toBe('REASON_REQUIRED');
    expect(state.entries.get('TEST-1')!.status).toBe('waiting');
  });

  it('sets the release rate and closes lanes, in the crossing log', () => {
    const state = testQueue({ lanes: [lane('L1', 6), lane('L2', 6)] });
    apply(state, { kind: 'set_backlog_rate', at: T0, by: 'chief', ratePerHour: 30, reason: 'the other side takes 30 an hour' });
    apply(state, { kind: 'set_lane_open', at: T0, by: 'chief', lane: 'L2', open: false, reason: 'scanner repair' });
    apply(state, checkInCommand(1, T0));
    expect(call(state, 'L2', T0)).toBe('LANE_CLOSED');
    expect(state.bucket.ratePerHour).toBe(30);
    expect(state.operatorLog.map((h) => h.detail?.setting)).toEqual(['backlogRatePerHour', 'laneOpen']);
  });

  it('removes a called truck and frees its lane', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0));
    call(state, 'L1', T0);
    apply(state, { kind: 'remove', at: T0 + 1, by: 'officer', entryId: 'TEST-1', reason: 'turned back: wrong crossing' });
    expect(call(state, 'L1', T0 + 2)).toBe('TEST-2');
  });
});
