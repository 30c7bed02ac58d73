/**
 * Property-based tests of the queue as a whole: random crossings driven by random sequences of arrivals, bookings,
 * paper completions, staff decisions, calls, arrivals at lanes and no-shows, checked at every step against plain
 * statements of the rules, computed naively from all the entries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBefore, type HeadStarts } from './ageing.js';
import { nextCallOpportunity } from './calling.js';
import { CHANNELS, type Channel } from './channel.js';
import { applyCommand, type QueueCommand } from './commands.js';
import { isActive, type QueueEntry } from './entry.js';
import { estimateOf } from './estimate-columns.js';
import { refreshEstimates } from './estimates.js';
import { toArray } from './sorted-list.js';
import { orderSize } from './order.js';
import { PRIORITY_CLASSES, readiness, type PriorityClass, type PriorityFacts } from './priority-class.js';
import type { LaneConfig, QueueConfig } from './queue-config.js';
import { createQueue, scheduleOf, type QueueState } from './state.js';
import { hasToken } from './token-bucket.js';
import { apply, call, HOUR, MINUTE, READY, T0, testConfig } from './test-support.js';

const arbCapacity = fc.constantFrom(0, 2, 6, 12, 30);
const arbLanes = fc
  .array(
    fc.record({ green: arbCapacity, yellow: arbCapacity, red: arbCapacity }).filter((c) => c.green + c.yellow + c.red > 0),
    { minLength: 1, maxLength: 3 },
  )
  .map((capacities): LaneConfig[] => capacities.map((capacityPerHour, i) => ({ id: `L${i + 1}`, capacityPerHour })));
const arbMinutes = (max: number) => fc.integer({ min: 0, max }).map((m) => m * MINUTE);
const arbHeadStarts: fc.Arbitrary<HeadStarts> = fc.record({
  perishable: arbMinutes(240),
  trusted_trader: arbMinutes(240),
  esealed_complete: arbMinutes(240),
  standard: fc.constant(0),
});
const arbConfig: fc.Arbitrary<QueueConfig> = fc
  .record({
    lanes: arbLanes,
    headStarts: arbHeadStarts,
    rate: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
    burst: fc.integer({ min: 1, max: 3 }),
    hours: fc.boolean(),
  })
  .map((c) =>
    testConfig({
      lanes: c.lanes,
      headStarts: c.headStarts,
      backlog: { ratePerHour: c.rate, burst: c.burst },
      operatingHours: c.hours ? { open: '06:00', close: '20:00', timeZone: 'UTC' } : null,
    }),
  );

const likelyTrue = fc.constantFrom(true, true, true, true, false);
const arbFacts: fc.Arbitrary<PriorityFacts> = fc.record({
  perishable: fc.boolean(),
  trustedTrader: fc.boolean(),
  eSealed: fc.boolean(),
  declarationComplete: likelyTrue,
  recipientIdentified: likelyTrue,
});
const arbChannel = fc.constantFrom<Channel>(...CHANNELS);

type Step =
  | { kind: 'truck'; truck: number; otherDeclaration: boolean; facts: PriorityFacts; channel: Channel; route: 'geofence' | 'staff' }
  | { kind: 'book'; truck: number; slotIn: number; facts: PriorityFacts; channel: Channel }
  | { kind: 'docs' | 'hold' | 'release'; pick: number }
  | { kind: 'reprioritise'; pick: number; to: PriorityClass | null }
  | { kind: 'call' | 'arrive' | 'noshow'; lane: number };

const arbStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('truck' as const), truck: fc.nat(24), otherDeclaration: fc.boolean(), facts: arbFacts, channel: arbChannel, route: fc.constantFrom('geofence' as const, 'staff' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('book' as const), truck: fc.nat(24), slotIn: arbMinutes(180), facts: arbFacts, channel: arbChannel }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('docs' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('hold' as const, 'release' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reprioritise' as const), pick: fc.nat(), to: fc.option(fc.constantFrom(...PRIORITY_CLASSES), { nil: null }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('call' as const), lane: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('arrive' as const), lane: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('noshow' as const), lane: fc.nat(2) }) },
);
const arbRun = fc.array(fc.tuple(arbMinutes(12), arbStep), { minLength: 1, maxLength: 150 });

interface CallSeen {
  at: number;
  lane: string;
  entry: string;
  stream: QueueEntry['stream'];
}

function fresh(config: QueueConfig): QueueState {
  const created = createQueue(config, T0);
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  return created.state;
}

const entriesWhere = (state: QueueState, test: (e: QueueEntry) => boolean) => [...state.entries.values()].filter(test).sort((a, b) => a.seq - b.seq);

/** The truck the rules say a lane calls at t: the least (key, seq) among waiting trucks it takes, backlog only with a token. */
function naiveChoice(state: QueueState, laneIndex: number, t: number): QueueEntry | undefined {
  const lane = state.lanes[laneIndex]!;
  const token = hasToken(state.bucket, t);
  let best: QueueEntry | undefined;
  for (const entry of state.entries.values()) {
    if (entry.status !== 'waiting' || !lane.mask[CHANNELS.indexOf(entry.channel)]) continue;
    if (entry.stream === 'backlog' && !token) continue;
    if (best === undefined || isBefore(entry, best)) best = entry;
  }
  return best;
}

function checkInvariants(state: QueueState): void {
  const waiting = entriesWhere(state, (e) => e.status === 'waiting');
  expect(orderSize(state.order)).toBe(waiting.length);
  for (const entry of waiting) {
    // Only trucks with complete papers, identified recipients and no staff hold are in the order.
    expect(entry.arrivedAt).not.toBeNull();
    expect(entry.staffHold).toBeNull();
    expect(readiness(entry.facts).ready).toBe(true);
  }
  // One entry per truck and per declaration.
  const trucks = new Set<string>();
  const declarations = new Set<string>();
  for (const entry of state.entries.values()) {
    expect(declarations.has(entry.declarationId)).toBe(false);
    declarations.add(entry.declarationId);
    if (!isActive(entry.status)) continue;
    expect(trucks.has(entry.truckKey)).toBe(false);
    trucks.add(entry.truckKey);
  }
  const called = entriesWhere(state, (e) => e.status === 'called');
  expect(called.map((e) => e.id).sort()).toEqual(state.lanes.flatMap((l) => (l.calledEntry === null ? [] : [l.calledEntry])).sort());
}

/** Runs the steps; returns the commands given and the calls made, having checked every call against the rules. */
function drive(state: QueueState, run: Array<[number, Step]>): { commands: QueueCommand[]; calls: CallSeen[] } {
  const commands: QueueCommand[] = [];
  const calls: CallSeen[] = [];
  const laneFreeAt = new Map(state.lanes.map((l) => [l.id, T0]));
  const give = (command: QueueCommand) => {
    commands.push(command);
    return applyCommand(state, command);
  };
  let t = T0;
  for (const [dt, step] of run) {
    t += dt;
    const pick = (status: QueueEntry['status'][], n: number) => {
      const candidates = entriesWhere(state, (e) => status.includes(e.status));
      return candidates.length === 0 ? undefined : candidates[n % candidates.length];
    };
    switch (step.kind) {
      case 'truck':
        give({
          kind: 'check_in', at: t, by: step.route, route: step.route, truck: { plate: `P${step.truck}`, country: 'KZ' },
          declarationId: `D${step.truck}${step.otherDeclaration ? 'b' : ''}`, channel: step.channel, facts: step.facts,
        });
        break;
      case 'book':
        give({
          kind: 'book', at: t, by: 'haulier', truck: { plate: `P${step.truck}`, country: 'KZ' }, declarationId: `D${step.truck}`,
          channel: step.channel, facts: step.facts, booking: { code: `BK${step.truck}-${t}`, slotStart: t + step.slotIn, slotEnd: t + step.slotIn + HOUR },
        });
        break;
      case 'docs': {
        const entry = pick(['holding', 'booked'], step.pick);
        if (entry) give({ kind: 'update_declaration', at: t, by: 'declarant', entryId: entry.id, facts: { declarationComplete: true, recipientIdentified: true } });
        break;
      }
      case 'hold':
      case 'release': {
        const entry = pick(['waiting', 'holding', 'booked'], step.pick);
        if (entry) give({ kind: step.kind, at: t, by: 'inspector', entryId: entry.id, reason: 'property test' });
        break;
      }
      case 'reprioritise': {
        const entry = pick(['waiting', 'holding', 'booked'], step.pick);
        if (entry) give({ kind: 'reprioritise', at: t, by: 'lead', entryId: entry.id, priorityClass: step.to, reason: 'property test' });
        break;
      }
      case 'call': {
        const laneIndex = step.lane % state.lanes.length;
        const lane = state.lanes[laneIndex]!;
        const blocked = !lane.open || !scheduleOf(state).isOpen(t) || lane.calledEntry !== null || t < lane.busyUntil;
        const expected = blocked ? undefined : naiveChoice(state, laneIndex, t);
        const result = give({ kind: 'call_next', at: t, by: 'officer', lane: lane.id, expectedVersion: state.version });
        if (!blocked && expected !== undefined) {
          // Holding trucks never block: when a truck the lane may take is in the order, it is called, and it is the first.
          expect(result.ok).toBe(true);
        }
        if (result.ok) {
          const entry = state.entries.get(lane.calledEntry!)!;
          expect(entry).toBe(expected);
          // The lane was free: never more calls than its capacity allows.
          expect(t).toBeGreaterThanOrEqual(laneFreeAt.get(lane.id)!);
          laneFreeAt.set(lane.id, Infinity);
          calls.push({ at: t, lane: lane.id, entry: entry.id, stream: entry.stream });
        } else if (!blocked) {
          expect(['NOTHING_TO_CALL', 'WAITING_FOR_RELEASE']).toContain(result.error.code);
        }
        break;
      }
      case 'arrive': {
        const lane = state.lanes[step.lane % state.lanes.length]!;
        if (lane.calledEntry === null) break;
        const service = state.entries.get(lane.calledEntry)!.call!.serviceMs;
        give({ kind: 'arrive', at: t, by: 'camera', entryId: lane.calledEntry });
        laneFreeAt.set(lane.id, t + service);
        break;
      }
      case 'noshow': {
        const lane = state.lanes[step.lane % state.lanes.length]!;
        if (lane.calledEntry === null) break;
        t = Math.max(t, state.entries.get(lane.calledEntry)!.call!.deadline);
        const result = give({ kind: 'no_show', at: t, by: 'timer', entryId: lane.calledEntry });
        expect(result.ok).toBe(true);
        laneFreeAt.set(lane.id, t);
        break;
      }
    }
    checkInvariants(state);
  }
  return { commands, calls };
}

function snapshot(state: QueueState) {
  return {
    version: state.version,
    now: state.now,
    entries: [...state.entries.values()],
    order: state.order.map((list) => toArray(list).map((e) => e.id)),
    lanes: state.lanes,
    bucket: state.bucket,
    flow: state.flow,
    accuracy: state.accuracy,
  };
}

describe('queue properties', () => {
  it('calls the first eligible truck, never lets holds block, keeps one entry per truck, and respects lane capacity and the release rate', () => {
    fc.assert(
      fc.property(arbConfig, arbRun, (config, run) => {
        const state = fresh(config);
        const { calls } = drive(state, run);
        const rate = config.backlog.ratePerHour;
        if (rate !== null) {
          const backlog = calls.filter((c) => c.stream === 'backlog');
          for (let i = 0; i < backlog.length; i++) {
            for (let j = i; j < backlog.length; j++) {
              // Any run of backlog calls fits in the burst plus what the rate lets in over its span.
              expect(j - i + 1).toBeLessThanOrEqual(config.backlog.burst + (rate * (backlog[j]!.at - backlog[i]!.at)) / HOUR + 1e-9);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: replaying the commands gives the same state', () => {
    fc.assert(
      fc.property(arbConfig, arbRun, (config, run) => {
        const state = fresh(config);
        const { commands } = drive(state, run);
        const replayed = fresh(config);
        for (const command of commands) applyCommand(replayed, command);
        expect(snapshot(replayed)).toEqual(snapshot(state));
      }),
      { numRuns: 100 },
    );
  });

  it('decides and reports alike without keeping history, as the simulator runs it', () => {
    fc.assert(
      fc.property(arbConfig, arbRun, (config, run) => {
        const state = fresh(config);
        const { commands } = drive(state, run);
        const created = createQueue(config, T0, { keepsHistory: false });
        if (!created.ok) throw new Error(JSON.stringify(created.issues));
        const bare = created.state;
        const withHistory = fresh(config);
        // Results carry entries, whose history is all that may differ.
        const withoutHistory = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'history' ? undefined : v)));
        for (const command of commands) {
          const kept = applyCommand(withHistory, command);
          const notKept = applyCommand(bare, command);
          expect(withoutHistory(notKept)).toEqual(withoutHistory(kept));
        }
        const { entries, ...rest } = snapshot(bare);
        const { entries: keptEntries, ...keptRest } = snapshot(withHistory);
        expect(rest).toEqual(keptRest);
        expect(entries.map((e) => e.history)).toEqual(entries.map(() => []));
        expect(entries).toEqual(keptEntries.map((e) => ({ ...e, history: [] })));
        expect(bare.operatorLog).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('estimates exactly the calls the lanes then make, when nothing else happens', () => {
    fc.assert(
      fc.property(
        arbConfig,
        fc.array(fc.record({ facts: arbFacts, channel: arbChannel, booked: fc.boolean() }), { minLength: 1, maxLength: 60 }),
        (config, trucks) => {
          const state = fresh(config);
          trucks.forEach((truck, n) => {
            const base = { at: T0, by: 'staff', truck: { plate: `P${n}`, country: 'KZ' }, declarationId: `D${n}`, channel: truck.channel, facts: { ...truck.facts, declarationComplete: true, recipientIdentified: true } };
            if (truck.booked) apply(state, { kind: 'book', ...base, booking: { code: `B${n}`, slotStart: T0, slotEnd: T0 + HOUR } });
            apply(state, { kind: 'check_in', ...base, route: 'staff' });
          });
          refreshEstimates(state, T0);
          const estimates = new Map(entriesWhere(state, (e) => e.status === 'waiting').map((e) => [e.id, estimateOf(state.estimates, e)!.callAt]));
          // Lanes call as soon as they can, the earliest first; trucks reach their lane at once.
          let now = T0;
          for (;;) {
            let best: { lane: string; at: number } | undefined;
            for (const lane of state.lanes) {
              const chance = nextCallOpportunity(state, lane.id, now);
              if (chance !== null && (best === undefined || chance.at < best.at)) best = { lane: lane.id, at: chance.at };
            }
            if (best === undefined) break;
            const id = call(state, best.lane, best.at);
            expect(estimates.get(id)).toBe(best.at);
            estimates.delete(id);
            apply(state, { kind: 'arrive', at: best.at, by: 'camera', entryId: id });
            now = best.at;
          }
          // What was never called had no estimate: no lane takes its channel, or the backlog waits for the rate.
          for (const never of estimates.values()) expect(never).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fairness', () => {
  /** One lane taking everything; trucks arrive at the given times and are called whenever the lane is free. */
  function serveArrivals(arrivals: Array<{ at: number; priorityClass: PriorityClass }>, headStarts: HeadStarts, perHour: number, until = Infinity) {
    const state = fresh(testConfig({ lanes: [{ id: 'L1', capacityPerHour: { green: perHour, yellow: perHour, red: perHour } }], headStarts }));
    const factsOf: Record<PriorityClass, PriorityFacts> = {
      perishable: { ...READY, perishable: true },
      trusted_trader: { ...READY, trustedTrader: true },
      esealed_complete: { ...READY, eSealed: true },
      standard: READY,
    };
    const sorted = [...arrivals].sort((a, b) => a.at - b.at);
    let next = 0;
    let laneFree = T0;
    for (;;) {
      const arrival = sorted[next];
      const waiting = orderSize(state.order) > 0;
      if (arrival !== undefined && (!waiting || arrival.at <= laneFree)) {
        apply(state, { kind: 'check_in', at: arrival.at, by: 'geofence', route: 'geofence', truck: { plate: `P${next}`, country: 'KZ' }, declarationId: `D${next}`, channel: 'green', facts: factsOf[arrival.priorityClass] });
        next++;
        continue;
      }
      if (!waiting) break;
      const at = Math.max(laneFree, state.now);
      if (at > until) break;
      const id = call(state, 'L1', at);
      apply(state, { kind: 'arrive', at, by: 'camera', entryId: id });
      laneFree = state.lanes[0]!.busyUntil;
    }
    return [...state.entries.values()];
  }

  const arbArrivals = fc.array(
    fc.record({ at: arbMinutes(24 * 60).map((m) => T0 + m), priorityClass: fc.constantFrom(...PRIORITY_CLASSES) }),
    { minLength: 2, maxLength: 120 },
  );

  it('is first come, first served within a class', () => {
    fc.assert(
      fc.property(arbArrivals, arbHeadStarts, fc.constantFrom(2, 6, 30), (arrivals, headStarts, perHour) => {
        const entries = serveArrivals(arrivals, headStarts, perHour);
        for (const x of entries) {
          for (const y of entries) {
            if (x.priorityClass === y.priorityClass && x.arrivedAt! < y.arrivedAt!) expect(x.calledAt!).toBeLessThanOrEqual(y.calledAt!);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('has no starvation: a truck is overtaken only by trucks arriving less than the difference of head starts after it', () => {
    fc.assert(
      fc.property(arbArrivals, arbHeadStarts, fc.constantFrom(2, 6, 30), (arrivals, headStarts, perHour) => {
        const entries = serveArrivals(arrivals, headStarts, perHour);
        for (const x of entries) {
          for (const y of entries) {
            if (y.calledAt! < x.calledAt! && y.arrivedAt! > x.arrivedAt!) {
              // y went first though it came later: only by its head start, and never by more.
              expect(y.arrivedAt! - x.arrivedAt!).toBeLessThanOrEqual(headStarts[y.priorityClass] - headStarts[x.priorityClass]);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('serves standard trucks during an endless flood of perishables, which strict priority would not', () => {
    // Perishables arrive at twice what the lane clears, for two days; a standard truck comes every two hours.
    const arrivals: Array<{ at: number; priorityClass: PriorityClass }> = [];
    for (let m = 0; m < 48 * 60; m += 5) arrivals.push({ at: T0 + m * MINUTE, priorityClass: 'perishable' });
    for (let m = 0; m < 48 * 60; m += 120) arrivals.push({ at: T0 + m * MINUTE + 1, priorityClass: 'standard' });
    const flood = T0 + 48 * HOUR;
    const withAgeing = serveArrivals(arrivals, { perishable: 2 * HOUR, trusted_trader: HOUR, esealed_complete: HOUR / 2, standard: 0 }, 6, flood);
    const strict = serveArrivals(arrivals, { perishable: 1e12, trusted_trader: 1e11, esealed_complete: 1e10, standard: 0 }, 6, flood);
    const standardsCalled = (entries: QueueEntry[]) => entries.filter((e) => e.priorityClass === 'standard' && e.calledAt !== null).length;
    expect(standardsCalled(strict)).toBe(0);
    expect(standardsCalled(withAgeing)).toBeGreaterThan(5);
  });
});
