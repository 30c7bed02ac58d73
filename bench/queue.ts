/**
 * The border queue with 100,000 trucks at one crossing: check-in, call-next and a full refresh of every estimate,
 * through the core's own commands, beside a naive queue that sorts the whole queue per call (queue-naive.ts) in the
 * same run. Aims (issue 6): check-in and call under 1 ms, full refresh under 50 ms.
 *
 * The queue is the late-2025 picture: a backlog built up over two weeks at Troitsk (Bugristoye) – Kairak, four lanes,
 * trucks of every class and channel, a tenth with incomplete papers (holding), a twentieth booked. Seeded, so every
 * run measures the same queue. `node --import tsx bench/queue.ts` prints one JSON object per result;
 * BENCH_QUEUE_TRUCKS and BENCH_QUEUE_OPS change the sizes.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  applyCommand,
  callNext,
  checkIn,
  createQueue,
  queueConfigFor,
  refreshEstimates,
  type Channel,
  type PriorityFacts,
  type QueueState,
} from '../src/core/queue/index.js';
import { createRng, type Rng } from '../src/core/random/index.js';
import { BORDER_CROSSINGS } from '../src/core/reference/index.js';
import { NaiveQueue, type NaiveTruck } from './queue-naive.js';
import { DEFAULT_HEAD_STARTS, orderKeyOf } from '../src/core/queue/ageing.js';
import { classify } from '../src/core/queue/priority-class.js';
import { toArray } from '../src/core/queue/sorted-list.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 10, 20, 8, 0, 0);

export interface Truck {
  n: number;
  at: number;
  channel: Channel;
  facts: PriorityFacts;
}

export function makeTruck(rng: Rng, n: number, at: number): Truck {
  const channel = rng.weighted<Channel>([['green', 70], ['yellow', 20], ['red', 10]]);
  const facts: PriorityFacts = {
    perishable: rng.chance(0.05),
    trustedTrader: rng.chance(0.1),
    eSealed: rng.chance(0.3),
    declarationComplete: rng.chance(0.93),
    recipientIdentified: rng.chance(0.97),
  };
  return { n, at, channel, facts };
}

function checkInTruck(state: QueueState, truck: Truck) {
  return checkIn(state, {
    at: truck.at,
    by: 'geofence',
    route: 'geofence',
    truck: { plate: `T${truck.n}`, country: 'KZ' },
    declarationId: `D${truck.n}`,
    channel: truck.channel,
    facts: truck.facts,
    lookupCode: `C${truck.n}`,
  });
}

/**
 * A queue of `size` trucks that arrived over the two weeks before NOW, some booked for slots around now. With
 * `daytime`, the crossing keeps 08:00–20:00 and releases the backlog at 20 trucks an hour, which makes the refresh
 * work through opening hours and release tokens for every truck.
 */
function backlogQueue(size: number, rng: Rng, daytime = false): QueueState {
  const crossing = BORDER_CROSSINGS.find((c) => c.code === 'TROITSK-KAIRAK')!;
  const config = queueConfigFor(
    daytime ? { ...crossing, operatingHours: { open: '08:00', close: '20:00', timeZone: 'Asia/Qostanay' } } : crossing,
    daytime ? { backlogRatePerHour: 20 } : {},
  );
  const created = createQueue(config, NOW - 14 * 24 * HOUR);
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const state = created.state;
  for (let n = 0; n < size; n++) {
    const truck = makeTruck(rng, n, NOW - 14 * 24 * HOUR + Math.floor((n / size) * 14 * 24 * HOUR));
    if (rng.chance(0.05)) {
      const slotStart = truck.at + rng.int(0, 6) * HOUR;
      applyCommand(state, {
        kind: 'book', at: truck.at - HOUR, by: 'haulier', truck: { plate: `T${n}`, country: 'KZ' }, declarationId: `D${n}`,
        channel: truck.channel, facts: truck.facts, booking: { code: `B${n}`, slotStart, slotEnd: slotStart + HOUR },
      });
    }
    const result = checkInTruck(state, truck);
    if (!result.ok) throw new Error(result.error.message);
  }
  return state;
}

export interface Timing {
  ops: number;
  medianUs: number;
  p99Us: number;
  maxUs: number;
  /** CPU time of the whole phase per operation: unlike wall time, not lengthened by other processes' time slices. */
  cpuUsPerOp: number;
}

/** Wall times of single operations, and the CPU time of the phase that made them (from `cpuFrom`). */
export function timing(samples: number[], cpuFrom: NodeJS.CpuUsage): Timing {
  const cpu = process.cpuUsage(cpuFrom);
  const sorted = [...samples].sort((a, b) => a - b);
  const us = (ms: number) => Math.round(ms * 1000);
  const at = (q: number) => us(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return {
    ops: samples.length,
    medianUs: at(0.5),
    p99Us: at(0.99),
    maxUs: us(sorted[sorted.length - 1]!),
    cpuUsPerOp: Math.round((cpu.user + cpu.system) / samples.length),
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

function coreCheckIns(state: QueueState, rng: Rng, ops: number, first: number): Timing {
  const cpu = process.cpuUsage();
  const samples: number[] = [];
  for (let i = 0; i < ops; i++) {
    const truck = makeTruck(rng, first + i, NOW + i * 1000);
    const started = performance.now();
    const result = checkInTruck(state, truck);
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
  }
  return timing(samples, cpu);
}

/** Holding trucks whose papers are completed: they rejoin mid-queue at their arrival time, the costly insertion. */
function coreRejoins(state: QueueState, ops: number): Timing {
  const holding = [...state.entries.values()].filter((e) => e.status === 'holding' && e.staffHold === null).slice(0, ops);
  const cpu = process.cpuUsage();
  const samples: number[] = [];
  for (const entry of holding) {
    const started = performance.now();
    const result = applyCommand(state, {
      kind: 'update_declaration', at: NOW, by: 'declarant', entryId: entry.id, facts: { declarationComplete: true, recipientIdentified: true },
    });
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(result.error.message);
  }
  return timing(samples, cpu);
}

function coreCalls(state: QueueState, ops: number): Timing {
  const samples: number[] = [];
  let cpuSpentElsewhere = 0;
  const cpu = process.cpuUsage();
  let t = NOW;
  for (let i = 0; i < ops; i++) {
    const lane = state.lanes[i % state.lanes.length]!;
    t += 1000;
    const started = performance.now();
    const result = callNext(state, { lane: lane.id, at: t, by: 'officer', expectedVersion: state.version });
    samples.push(performance.now() - started);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    // The truck arrives and the lane is done with it at once, so the next call finds the lane free; not timed.
    const otherStarted = process.cpuUsage();
    applyCommand(state, { kind: 'arrive', at: t, by: 'camera', entryId: result.entry.id });
    applyCommand(state, { kind: 'lane_freed', at: t, by: 'officer', lane: lane.id });
    const other = process.cpuUsage(otherStarted);
    cpuSpentElsewhere += other.user + other.system;
  }
  const result = timing(samples, cpu);
  return { ...result, cpuUsPerOp: Math.max(0, result.cpuUsPerOp - Math.round(cpuSpentElsewhere / ops)) };
}

/**
 * Trucks through the queue per second of one core, in steady state: each checks in, is called, reaches its lane
 * and frees it, all through the commands with their histories and reasons. What the what-if simulator (issue 7)
 * starts from.
 */
function coreCycle(state: QueueState, rng: Rng, cycles: number, first: number): { cycles: number; trucksPerSecond: number; cpuUsPerTruck: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  let t = NOW + 10 * 24 * HOUR;
  for (let i = 0; i < cycles; i++) {
    t += 1000;
    const truck = makeTruck(rng, first + i, t);
    checkInTruck(state, { ...truck, facts: { ...truck.facts, declarationComplete: true, recipientIdentified: true } });
    const lane = state.lanes[i % state.lanes.length]!;
    const called = callNext(state, { lane: lane.id, at: t, by: 'officer', expectedVersion: state.version });
    if (!called.ok) throw new Error(`${called.error.code}: ${called.error.message}`);
    applyCommand(state, { kind: 'arrive', at: t, by: 'camera', entryId: called.entry.id });
    applyCommand(state, { kind: 'lane_freed', at: t, by: 'officer', lane: lane.id });
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { cycles, trucksPerSecond: Math.round(cycles / seconds), cpuUsPerTruck: Math.round((used.user + used.system) / cycles) };
}

function coreRefresh(state: QueueState, runs: number): { refresh: Timing; waiting: number; estimated: number } {
  let last = refreshEstimates(state, NOW + HOUR);
  const cpu = process.cpuUsage();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    last = refreshEstimates(state, NOW + HOUR + r);
    samples.push(performance.now() - started);
  }
  return { refresh: timing(samples, cpu), waiting: last.waiting, estimated: last.estimated };
}

function naiveQueue(state: QueueState): NaiveQueue {
  const naive = new NaiveQueue(state.lanes.map((lane) => lane.config.capacityPerHour));
  for (const list of state.order) {
    for (const e of toArray(list)) naive.checkIn({ id: e.id, orderKey: e.orderKey, seq: e.seq, channel: e.channel, stream: e.stream, estimatedCallAt: null });
  }
  return naive;
}

function naiveRuns(naive: NaiveQueue, rng: Rng, ops: number): { checkIn: Timing; call: Timing; refresh: Timing } {
  let cpu = process.cpuUsage();
  const checkIns: number[] = [];
  for (let i = 0; i < ops; i++) {
    const truck = makeTruck(rng, 10_000_000 + i, NOW + i * 1000);
    const priorityClass = classify(truck.facts).priorityClass;
    const item: NaiveTruck = { id: `N${i}`, orderKey: orderKeyOf(truck.at, priorityClass, DEFAULT_HEAD_STARTS), seq: 10_000_000 + i, channel: truck.channel, stream: 'backlog', estimatedCallAt: null };
    const started = performance.now();
    naive.checkIn(item);
    checkIns.push(performance.now() - started);
  }
  const checkInTiming = timing(checkIns, cpu);
  cpu = process.cpuUsage();
  const calls: number[] = [];
  for (let i = 0; i < ops; i++) {
    const started = performance.now();
    const called = naive.callNext(i % 4, true);
    calls.push(performance.now() - started);
    if (called === undefined) throw new Error('the naive queue ran dry');
  }
  const callTiming = timing(calls, cpu);
  cpu = process.cpuUsage();
  const refreshes: number[] = [];
  for (let r = 0; r < 10; r++) {
    const started = performance.now();
    naive.refresh(NOW);
    refreshes.push(performance.now() - started);
  }
  return { checkIn: checkInTiming, call: callTiming, refresh: timing(refreshes, cpu) };
}

/**
 * A full collection between phases, so that the garbage of building the queue is not collected in the middle of the
 * next phase's timings; collections caused by the measured operations themselves still fall where they fall.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function queueBenchmarks(): Promise<object[]> {
  const trucks = Number(process.env.BENCH_QUEUE_TRUCKS ?? 100_000);
  const ops = Number(process.env.BENCH_QUEUE_OPS ?? 5000);
  const rng = createRng('bench/queue');
  const buildStarted = performance.now();
  const state = backlogQueue(trucks, rng.fork('backlog'));
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  const inOrder = state.order.reduce((n, list) => n + list.size, 0);
  const base = {
    trucks,
    inOrder,
    holding: [...state.entries.values()].filter((e) => e.status === 'holding').length,
    crossing: state.config.crossing,
    // The machine's load when measured: on a shared machine, other processes' time slices show in the tail figures.
    loadAverage: round(loadavg()[0]!),
  };
  const results: object[] = [];
  const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

  // Warm the JIT on a copy-sized run of every operation first, then measure on the full queue.
  coreRefresh(state, 3);
  results.push({ benchmark: 'queue-build', implementation: 'corridor', ...base, seconds: round(buildSeconds), trucksPerSecond: Math.round(trucks / buildSeconds) });
  collectGarbage();
  results.push({ benchmark: 'queue-refresh', implementation: 'corridor', ...base, ...coreRefresh(state, 20) });
  await yieldToLoop();
  collectGarbage();
  results.push({ benchmark: 'queue-check-in', implementation: 'corridor', ...base, ...coreCheckIns(state, rng.fork('arrivals'), ops, trucks) });
  collectGarbage();
  results.push({ benchmark: 'queue-rejoin', implementation: 'corridor', ...base, ...coreRejoins(state, ops) });
  collectGarbage();
  results.push({ benchmark: 'queue-call-next', implementation: 'corridor', ...base, ...coreCalls(state, ops) });
  await yieldToLoop();
  collectGarbage();
  results.push({ benchmark: 'queue-cycle', implementation: 'corridor', ...base, ...coreCycle(state, rng.fork('cycle'), 4 * ops, 2 * trucks) });
  await yieldToLoop();
  collectGarbage();

  const daytime = backlogQueue(trucks, createRng('bench/queue').fork('backlog'), true);
  collectGarbage();
  coreRefresh(daytime, 3);
  results.push({
    benchmark: 'queue-refresh',
    implementation: 'corridor',
    variant: 'open 08:00-20:00, backlog released at 20 an hour',
    ...base,
    ...coreRefresh(daytime, 20),
  });
  await yieldToLoop();
  collectGarbage();

  const naive = naiveQueue(state);
  // Fewer naive operations: each sorts a hundred thousand trucks.
  const naiveOps = Math.min(ops, 100);
  const naiveResults = naiveRuns(naive, rng.fork('naive'), naiveOps);
  const naiveBase = { ...base, inOrder: naive.size };
  results.push({ benchmark: 'queue-check-in', implementation: 'naive-sort', ...naiveBase, ...naiveResults.checkIn });
  results.push({ benchmark: 'queue-call-next', implementation: 'naive-sort', ...naiveBase, ...naiveResults.call });
  results.push({ benchmark: 'queue-refresh', implementation: 'naive-sort', ...naiveBase, refresh: naiveResults.refresh });
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await queueBenchmarks()) console.log(JSON.stringify(result));
}
