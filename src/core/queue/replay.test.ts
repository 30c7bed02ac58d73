import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands.js';
import { estimateOf } from './estimate-columns.js';
import { orderedEntries } from './order-listing.js';
import { replayRecord, type QueueLogRecord } from './replay.js';
import { createQueue, type QueueState } from './state.js';
import { checkInCommand, lane, MINUTE, T0, testConfig } from './test-support.js';
import { summariseAccuracy } from './accuracy.js';

function fresh(): QueueState {
  const created = createQueue(testConfig({ lanes: [lane('L1', 6), lane('L2', 4)] }), T0);
  if (!created.ok) throw new Error('config');
  return created.state;
}

/** Runs records on a live queue as a service would, keeping what changed it: the log. */
function runLive(records: QueueLogRecord[]): { state: QueueState; log: QueueLogRecord[] } {
  const state = fresh();
  const log: QueueLogRecord[] = [];
  for (const record of records) {
    if (record.kind === 'refresh') {
      replayRecord(state, record);
      log.push(record);
      continue;
    }
    const command = record.kind === 'call_next' ? { ...record, expectedVersion: state.version } : record;
    const result = applyCommand(state, command);
    if (result.ok && result.changed) log.push(command);
  }
  return { state, log };
}

describe('replaying a queue log', () => {
  it('rebuilds the same order, estimates and accuracy, refreshes included', () => {
    const records: QueueLogRecord[] = [];
    for (let n = 1; n <= 30; n++) records.push(checkInCommand(n, T0 + n * MINUTE, { facts: { perishable: n % 7 === 0, declarationComplete: n % 5 !== 0 } }));
    records.push(checkInCommand(3, T0 + 40 * MINUTE), { kind: 'refresh', at: T0 + 41 * MINUTE });
    for (let k = 0; k < 12; k++) {
      const at = T0 + (45 + k * 15) * MINUTE;
      records.push({ kind: 'call_next', lane: k % 2 === 0 ? 'L1' : 'L2', at, by: 'officer', expectedVersion: 0 });
      records.push({ kind: 'refresh', at: at + MINUTE });
    }
    records.push({ kind: 'hold', entryId: 'TEST-20', at: T0 + 5 * 60 * MINUTE, by: 'officer', reason: 'papers to see' });
    records.push({ kind: 'reconfigure', lanes: [lane('L1', 6), lane('L2', 2), lane('L3', 10, 10, 0)], operatingHours: null, at: T0 + 6 * 60 * MINUTE, by: 'chief', reason: 'lane 2 slowed by repairs, lane 3 opened' });
    records.push({ kind: 'refresh', at: T0 + 6 * 60 * MINUTE + 1 });

    const live = runLive(records);
    const rebuilt = fresh();
    for (const record of live.log) expect(replayRecord(rebuilt, record)).toBeNull();

    expect(rebuilt.version).toBe(live.state.version);
    const ids = (state: QueueState) => orderedEntries(state, 0, 100).map((entry) => entry.id);
    expect(ids(rebuilt)).toEqual(ids(live.state));
    expect(ids(rebuilt).length).toBeGreaterThan(5);
    const estimates = (state: QueueState) => orderedEntries(state, 0, 100).map((entry) => estimateOf(state.estimates, entry));
    expect(estimates(rebuilt)).toEqual(estimates(live.state));
    expect(rebuilt.accuracy.length).toBeGreaterThan(0);
    expect(summariseAccuracy(rebuilt.accuracy, 'first')).toEqual(summariseAccuracy(live.state.accuracy, 'first'));
    expect(rebuilt.lanes.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
  });

  it('reports a log the code would refuse, instead of building another queue', () => {
    const state = fresh();
    const issue = replayRecord(state, { kind: 'hold', entryId: 'TEST-404', at: T0, by: 'officer', reason: 'x' });
    expect(issue?.code).toBe('REPLAY_REFUSED');
    expect(state.version).toBe(0);
  });
});

describe('reconfigure', () => {
  it('keeps a lane that stays, starts a new one free, and refuses to remove a lane a truck was called to', () => {
    const state = fresh();
    applyCommand(state, checkInCommand(1, T0 + MINUTE));
    const call = applyCommand(state, { kind: 'call_next', lane: 'L2', at: T0 + 2 * MINUTE, by: 'officer', expectedVersion: state.version });
    expect(call.ok).toBe(true);
    const refused = applyCommand(state, { kind: 'reconfigure', lanes: [lane('L1', 6)], operatingHours: null, at: T0 + 3 * MINUTE, by: 'chief', reason: 'repair' });
    expect(refused.ok ? null : refused.error.code).toBe('LANE_AWAITING_TRUCK');
    const bad = applyCommand(state, { kind: 'reconfigure', lanes: [lane('L1', -1)], operatingHours: null, at: T0 + 3 * MINUTE, by: 'chief', reason: 'x' });
    expect(bad.ok ? null : bad.error.path).toBe('lanes[0].capacityPerHour.green');
    const done = applyCommand(state, { kind: 'reconfigure', lanes: [lane('L2', 8), lane('L9', 3)], operatingHours: null, at: T0 + 3 * MINUTE, by: 'chief', reason: 'new lane' });
    expect(done.ok).toBe(true);
    expect(state.lanes.map((l) => [l.id, l.calledEntry, l.config.capacityPerHour.green])).toEqual([['L2', 'TEST-1', 8], ['L9', null, 3]]);
    // The same lanes with their keys in another order (as PostgreSQL's jsonb gives them back) change nothing.
    const reordered = [lane('L2', 8), lane('L9', 3)].map(({ id, capacityPerHour: { green, yellow, red } }) => ({ capacityPerHour: { red, green, yellow }, id }));
    const again = applyCommand(state, { kind: 'reconfigure', lanes: reordered, operatingHours: null, at: T0 + 4 * MINUTE, by: 'chief', reason: 'same' });
    expect(again.ok && again.changed).toBe(false);
  });
});
