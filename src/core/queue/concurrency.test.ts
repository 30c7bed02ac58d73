/**
 * Two staff calling at the same time never call the same truck. Each staff terminal (or API process) reads the
 * state's version, decides, and sends its call with that version; the state, standing for the store, applies it only
 * if the version is unchanged. Interleavings of reads and writes are generated, including replicas that each
 * predict the call on their own copy, as separate API processes would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCommand } from './commands.js';
import { callNext } from './calling.js';
import { cloneQueue, type QueueState } from './state.js';
import { apply, checkInCommand, lane, MINUTE, T0, testQueue } from './test-support.js';

function queueWith(trucks: number, lanes = 2): QueueState {
  const state = testQueue({ lanes: Array.from({ length: lanes }, (_, i) => lane(`L${i + 1}`, 60)) });
  for (let n = 1; n <= trucks; n++) apply(state, checkInCommand(n, T0 + n));
  return state;
}

const calledId = (result: unknown) => (result as { entry: { id: string } }).entry.id;

describe('simultaneous calls', () => {
  it('lets one of two calls from the same version through; the other re-reads and calls the next truck', () => {
    for (const firstLane of ['L1', 'L2']) {
      const state = queueWith(3);
      const seen = state.version;
      const secondLane = firstLane === 'L1' ? 'L2' : 'L1';
      const a = callNext(state, { lane: firstLane, at: T0 + MINUTE, by: 'officer.a', expectedVersion: seen });
      const b = callNext(state, { lane: secondLane, at: T0 + MINUTE, by: 'officer.b', expectedVersion: seen });
      expect(a.ok).toBe(true);
      expect(b.ok ? null : b.error.code).toBe('STALE_VERSION');
      const retry = callNext(state, { lane: secondLane, at: T0 + MINUTE, by: 'officer.b', expectedVersion: state.version });
      expect([calledId(a), calledId(retry)]).toEqual(['TEST-1', 'TEST-2']);
    }
  });

  it('shows why: replicas deciding on their own copies would call the same truck, and compare-and-set stops the second', () => {
    const store = queueWith(3);
    const seen = store.version;
    const replicaA = cloneQueue(store);
    const replicaB = cloneQueue(store);
    const a = callNext(replicaA, { lane: 'L1', at: T0 + MINUTE, by: 'officer.a', expectedVersion: replicaA.version });
    const b = callNext(replicaB, { lane: 'L2', at: T0 + MINUTE, by: 'officer.b', expectedVersion: replicaB.version });
    // Each replica alone picks TEST-1: without the version check both calls would stand.
    expect([calledId(a), calledId(b)]).toEqual(['TEST-1', 'TEST-1']);
    // The store applies each with the version the replica read.
    const first = callNext(store, { lane: 'L1', at: T0 + MINUTE, by: 'officer.a', expectedVersion: seen });
    const second = callNext(store, { lane: 'L2', at: T0 + MINUTE, by: 'officer.b', expectedVersion: seen });
    expect(first.ok).toBe(true);
    expect(second.ok ? null : second.error.code).toBe('STALE_VERSION');
  });

  it('never calls a truck twice under any interleaving of reads, calls and arrivals by several staff', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ staff: fc.nat(5), arrive: fc.boolean() }), { minLength: 1, maxLength: 200 }),
        (laneCount, steps) => {
          const state = queueWith(40, laneCount);
          // Six terminals, spread over the lanes; each alternates reading the version and calling with it.
          const read: Array<number | null> = Array.from({ length: 6 }, () => null);
          const called: string[] = [];
          let t = T0 + MINUTE;
          for (const step of steps) {
            t += 20_000;
            if (step.arrive) {
              // A lane camera reports the called trucks' arrivals; that moves the version under the staff's feet.
              for (const l of state.lanes) {
                if (l.calledEntry !== null) apply(state, { kind: 'arrive', at: t, by: 'camera', entryId: l.calledEntry });
              }
              continue;
            }
            const staff = step.staff;
            const version = read[staff];
            if (version === null || version === undefined) {
              read[staff] = state.version;
              continue;
            }
            read[staff] = null;
            const before = state.version;
            const result = applyCommand(state, { kind: 'call_next', lane: `L${(staff % laneCount) + 1}`, at: t, by: `officer.${staff}`, expectedVersion: version });
            if (result.ok) {
              expect(version).toBe(before);
              called.push(calledId(result));
            } else if (version !== before) {
              expect(result.error.code).toBe('STALE_VERSION');
            }
            if (!result.ok) expect(state.version).toBe(before);
          }
          expect(new Set(called).size).toBe(called.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
