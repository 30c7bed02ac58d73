/**
 * The discrete-event simulation of one crossing under one inspection policy, on a simulated clock.
 *
 * The queue is the production queue (src/core/queue): every truck checks in, has its papers updated, is called,
 * arrives at its lane, and every lane finishing early is freed, through the same commands the border's staff and
 * seals send, so the order, the classes, the holding of incomplete papers and the backlog release rate are the
 * production ones. The simulator adds only what the world does: when trucks come, what they carry, how long a
 * lane takes with each, and when papers are completed.
 *
 * Lanes are called on the queue's nominal time for the truck's channel (what an officer knows at the call); the
 * simulated service time then ends early with `laneFreed`, or later, when the lane simply calls again later.
 * The called truck is taken to be at the crossing already, so it reaches its lane at the call.
 *
 * Randomness: one stream per purpose under the seed (trucks' attributes, service times, paper delays, arrivals),
 * every truck taking the same draws whatever the policy, so runs of several policies on one seed see the same
 * trucks at the same times (common random numbers).
 */
import {
  archive,
  arrive,
  callNext,
  checkIn,
  createQueue,
  DEFAULT_HEAD_STARTS,
  DEFAULT_NO_SHOW,
  laneFreed,
  openingSchedule,
  updateDeclaration,
  type Channel,
  type QueueConfig,
  type QueueState,
} from '../queue/index.js';
import { createRng, type Rng } from '../random/index.js';
import type { CompiledRuleSet } from '../risk/index.js';
import { arrivalsOf } from './arrivals.js';
import { meanMinutesOf, samplerOf } from './distributions.js';
import { EventHeap, type ScheduledEvent } from './event-heap.js';
import { channelFor, needsRules } from './policies.js';
import type { InspectionPolicy, Scenario } from './scenario.js';
import { buildTruckPool, type TruckPool } from './truck-pool.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const BY = 'simulator';
/**
 * Finished entries are handed to the archive in batches, so the queue's state stays the size of the queue. The
 * archive reads every entry, so a batch is at least as large as the trucks still at the crossing: it then reads
 * at most two entries for each it takes, however long the queue. Otherwise small batches: a finished entry held long enough
 * outlives the garbage collector's young generation and costs a full collection later (with batches of 256, 60
 * to 80 MB of a 100,000 trucks' objects reached the old generation; with 64, a third of that).
 */
const ARCHIVE_BATCH = 64;
const POOL_SIZE = 400;

const ARRIVAL = 0;
const PAPERS_COMPLETE = 1;
const LANE = 2;
const SAMPLE = 3;

const ILLICIT = 1;
const IN_BACKLOG = 2;

export interface SimulationOptions {
  seed: number | string;
  policy: InspectionPolicy;
  /** The compiled rule set; needed by the risk-targeted policies. */
  ruleSet?: CompiledRuleSet;
  /** Called at every sample of the queue: simulated time since the start and the horizon, both ms. */
  onProgress?: (simulatedMs: number, horizonMs: number) => void;
}

export interface TimeSeries {
  /** Minutes after the start. */
  minutes: number[];
  /** Trucks at the crossing not yet called: in the order or holding for papers. */
  atCrossing: number[];
  /** Trucks in the order (papers complete, waiting for a lane). */
  inOrder: number[];
  /** Mean wait, hours, of the trucks called since the previous sample; null when none was. */
  meanWaitHours: Array<number | null>;
}

export interface SimulationRun {
  scenario: string;
  policy: string;
  seed: string;
  start: number;
  /** The last instant simulated: when the last truck reached its lane, or the horizon. */
  end: number;
  trucks: { arrived: number; backlog: number; served: number; notServed: number };
  /** Arrival to call, ms, of every truck counted (after the warm-up), in the order they were called. */
  waitsMs: Float64Array;
  /** From the start until the last truck of the initial backlog reached its lane; null if it did not. */
  backlogClearedAfterMs: number | null;
  /** Time averages from the warm-up's end to the end of arrivals. */
  meanInOrder: number;
  meanAtCrossing: number;
  series: TimeSeries;
  lanes: Array<{ id: string; busyMs: number; served: number }>;
  /** Trucks called, by the channel the policy gave them: red is a physical inspection, yellow a document check. */
  channels: Record<Channel, number>;
  illicit: { arrived: number; caught: number; missed: number; notServed: number };
}

function queueConfigOf(scenario: Scenario): QueueConfig {
  const perHour = (channel: Channel) => 60 / meanMinutesOf(scenario.service[channel]);
  return {
    crossing: scenario.crossing,
    lanes: scenario.lanes.map((lane) => ({
      id: lane.id,
      capacityPerHour: {
        green: lane.channels.includes('green') ? perHour('green') : 0,
        yellow: lane.channels.includes('yellow') ? perHour('yellow') : 0,
        red: lane.channels.includes('red') ? perHour('red') : 0,
      },
    })),
    operatingHours: scenario.operatingHours,
    headStarts: DEFAULT_HEAD_STARTS,
    noShow: DEFAULT_NO_SHOW,
    bookingGraceMs: 30 * MINUTE,
    backlog: { ratePerHour: scenario.releasePerHour, burst: scenario.lanes.length },
    accuracyWindow: 1000,
    flowTimeConstantMs: HOUR,
  };
}

function dayOf(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Grows like an array, stores like a Float64Array. */
class Column {
  values = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
  get(i: number): number {
    return this.values[i]!;
  }
}

export function simulate(scenario: Scenario, options: SimulationOptions): SimulationRun {
  const { policy } = options;
  if (needsRules(policy) && options.ruleSet === undefined) throw new Error(`policy ${policy.name} needs a rule set`);
  const root = createRng(options.seed);
  const pool: TruckPool | null =
    needsRules(policy) && options.ruleSet !== undefined
      ? buildTruckPool(root.fork('declarations'), options.ruleSet, { size: POOL_SIZE, today: dayOf(scenario.start), tactics: scenario.illicit.tactics })
      : null;
  const random = options.ruleSet?.definition.random ?? null;

  const start = scenario.start;
  const horizonEnd = start + scenario.horizonHours * HOUR;
  const arrivalsEnd = start + scenario.arrivalHours * HOUR;
  const warmupEnd = start + scenario.warmupHours * HOUR;
  const countFrom = scenario.warmupHours > 0 ? warmupEnd : -Infinity;
  const sampleMs = scenario.sampleMinutes * MINUTE;

  const created = createQueue(queueConfigOf(scenario), start - scenario.backlog.builtOverHours * HOUR, { keepsHistory: false });
  if (!created.ok) throw new Error(`the scenario makes no valid queue: ${created.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  const state: QueueState = created.state;
  const laneIds = state.lanes.map((lane) => lane.id);
  const alwaysOpen = openingSchedule(state.config.operatingHours).alwaysOpen;

  const trucksRng: Rng = root.fork('trucks');
  const serviceRng = root.fork('service');
  const papersRng = root.fork('papers');
  const nextArrival = arrivalsOf(scenario.arrivals, start, root.fork('arrivals'));
  const service = { green: samplerOf(scenario.service.green), yellow: samplerOf(scenario.service.yellow), red: samplerOf(scenario.service.red) };
  const completion = samplerOf(scenario.papers.completion);

  // Per truck, by its number (which is its queue entry's slot less one).
  const arrivedAt = new Column();
  const serviceOf = new Column();
  const flags: number[] = [];

  const heap = new EventHeap();
  const laneIdle = laneIds.map(() => false);
  const lanes = laneIds.map((id) => ({ id, busyMs: 0, served: 0 }));
  const channels: Record<Channel, number> = { green: 0, yellow: 0, red: 0 };
  const illicit = { arrived: 0, caught: 0, missed: 0, notServed: 0 };
  const waits = new Column();
  const series: TimeSeries = { minutes: [], atCrossing: [], inOrder: [], meanWaitHours: [] };

  let trucks = 0;
  let served = 0;
  let archivedAt = 0;
  let atCrossing = 0;
  let inOrder = 0;
  let backlogLeft = 0;
  let backlogClearedAt: number | null = null;
  let lastEvent = start;
  let areaFrom = warmupEnd;
  let inOrderArea = 0;
  let atCrossingArea = 0;
  let sampleWaitSum = 0;
  let sampleWaitCount = 0;
  let arrivalsPending = false;

  function integrateTo(t: number): void {
    const to = Math.min(t, arrivalsEnd);
    if (to > areaFrom) {
      inOrderArea += inOrder * (to - areaFrom);
      atCrossingArea += atCrossing * (to - areaFrom);
      areaFrom = to;
    }
  }

  function arriveTruck(t: number, inBacklog: boolean): void {
    const n = trucks++;
    // The same draws for every truck whatever the policy: common random numbers across policies.
    const isIllicit = trucksRng.chance(scenario.illicit.share);
    const pick = trucksRng.next();
    const eSealed = trucksRng.chance(scenario.trucks.eSealedShare);
    const perishable = trucksRng.chance(scenario.trucks.perishableShare);
    const trustedTrader = trucksRng.chance(scenario.trucks.trustedTraderShare);
    const incomplete = trucksRng.chance(scenario.papers.incompleteShare);
    const draw = trucksRng.next();
    const times = { green: service.green(serviceRng), yellow: service.yellow(serviceRng), red: service.red(serviceRng) };
    const papersAfter = completion(papersRng);

    const declarations = pool === null ? null : isIllicit ? pool.illicit : pool.licit;
    const declaration = declarations === null ? null : declarations[Math.floor(pick * declarations.length)]!;
    const channel = channelFor(policy, { eSealed, declaration, draw }, random);
    arrivedAt.push(t);
    serviceOf.push(times[channel]);
    flags.push((isIllicit ? ILLICIT : 0) | (inBacklog ? IN_BACKLOG : 0));
    if (isIllicit) illicit.arrived++;
    if (inBacklog) backlogLeft++;

    const result = checkIn(state, {
      at: t,
      by: BY,
      route: 'geofence',
      truck: { plate: `SIM${n}`, country: 'KZ' },
      declarationId: `SIM-D${n}`,
      channel,
      facts: { perishable, trustedTrader, eSealed, declarationComplete: !incomplete, recipientIdentified: true },
    });
    if (!result.ok) throw new Error(`the queue refused truck ${n}: ${result.error.code} ${result.error.message}`);
    if (result.entry.slot !== n + 1) throw new Error(`truck ${n} became entry ${result.entry.slot}: trucks and entries out of step`);
    atCrossing++;
    if (result.entry.status === 'waiting') inOrder++;
    if (incomplete) heap.push(Math.max(start, t + papersAfter), PAPERS_COMPLETE, n);
  }

  /** Calls the next truck to the lane at `t`, or schedules the lane's next try; whether a truck was called. */
  function tryCall(lane: number, t: number): boolean {
    if (nobodyToCall()) {
      laneIdle[lane] = true;
      return false;
    }
    const result = callNext(state, { lane: laneIds[lane]!, at: t, by: BY, expectedVersion: state.version });
    if (!result.ok) {
      const retryAt = 'retryAt' in result ? result.retryAt : undefined;
      if (retryAt !== undefined && Number.isFinite(retryAt) && retryAt <= horizonEnd) heap.push(Math.max(retryAt, t), LANE, lane);
      else laneIdle[lane] = true;
      return false;
    }
    const entry = result.entry;
    const n = entry.slot - 1;
    const arrived = arrive(state, { at: t, by: BY, entryId: entry.id });
    if (!arrived.ok) throw new Error(`the called truck ${entry.id} could not reach its lane: ${arrived.error.message}`);
    atCrossing--;
    inOrder--;
    served++;
    channels[entry.channel]++;
    const wait = t - arrivedAt.get(n);
    if (arrivedAt.get(n) >= countFrom && arrivedAt.get(n) <= arrivalsEnd) waits.push(wait);
    sampleWaitSum += wait;
    sampleWaitCount++;
    const f = flags[n]!;
    if (f & ILLICIT) {
      if (entry.channel === 'red') illicit.caught++;
      else illicit.missed++;
    }
    if (f & IN_BACKLOG && --backlogLeft === 0) backlogClearedAt = t;
    const took = serviceOf.get(n);
    lanes[lane]!.busyMs += took;
    lanes[lane]!.served++;
    heap.push(t + took, LANE, lane);
    if (served - archivedAt >= Math.max(ARCHIVE_BATCH, atCrossing)) {
      archive(state, { at: t, by: BY, before: t });
      archivedAt = served;
    }
    return true;
  }

  /**
   * Whether the queue could only answer NOTHING_TO_CALL, so a lane goes idle without asking: the order is empty and
   * the crossing never closes (a closed one would answer with its opening time instead). The lanes asking are never
   * closed, busy or awaiting a truck here. A lane finishing while nobody waits, as most do at a crossing that keeps
   * up, and the idle lanes woken by a truck that is holding for its papers, would otherwise ask for nothing.
   */
  function nobodyToCall(): boolean {
    return inOrder === 0 && alwaysOpen;
  }

  /** A lane whose simulated service ended: freed early if the queue still counts it busy, then it calls. */
  function laneDone(lane: number, t: number): void {
    if (state.lanes[lane]!.busyUntil > t) laneFreed(state, { at: t, by: BY, lane: laneIds[lane]! });
    tryCall(lane, t);
  }

  /**
   * One truck joined the order: idle lanes had nothing to call before it, so at most one of them can call now. They
   * are tried in turn until one does; the rest stay idle without asking the queue again.
   */
  function wakeIdleLanes(t: number): void {
    for (let lane = 0; lane < laneIdle.length; lane++) {
      if (laneIdle[lane]) {
        laneIdle[lane] = false;
        if (tryCall(lane, t)) return;
      }
    }
  }

  function sample(t: number): void {
    series.minutes.push((t - start) / MINUTE);
    series.atCrossing.push(atCrossing);
    series.inOrder.push(inOrder);
    series.meanWaitHours.push(sampleWaitCount === 0 ? null : sampleWaitSum / sampleWaitCount / HOUR);
    sampleWaitSum = 0;
    sampleWaitCount = 0;
    options.onProgress?.(t - start, horizonEnd - start);
    if (t + sampleMs <= horizonEnd && (arrivalsPending || atCrossing > 0)) heap.push(t + sampleMs, SAMPLE, 0);
  }

  // The backlog was there before the start: its trucks checked in over the hours before it.
  const backlogSpan = scenario.backlog.builtOverHours * HOUR;
  for (let i = 0; i < scenario.backlog.trucks; i++) {
    arriveTruck(start - backlogSpan + Math.floor((i / scenario.backlog.trucks) * backlogSpan), true);
  }
  const firstArrival = nextArrival(start);
  if (firstArrival < arrivalsEnd) {
    heap.push(firstArrival, ARRIVAL, 0);
    arrivalsPending = true;
  }
  // The first sample before the first calls: the queue as the clock starts.
  heap.push(start, SAMPLE, 0);
  for (let lane = 0; lane < laneIds.length; lane++) heap.push(start, LANE, lane);

  const event: ScheduledEvent = { time: 0, kind: 0, subject: 0 };
  while (heap.pop(event)) {
    const t = event.time;
    if (t > horizonEnd) break;
    integrateTo(t);
    if (event.kind !== SAMPLE) lastEvent = t;
    switch (event.kind) {
      case ARRIVAL: {
        arriveTruck(t, false);
        const next = nextArrival(t);
        if (next < arrivalsEnd) heap.push(next, ARRIVAL, 0);
        else arrivalsPending = false;
        wakeIdleLanes(t);
        break;
      }
      case PAPERS_COMPLETE: {
        const result = updateDeclaration(state, { at: t, by: BY, entryId: `${scenario.crossing}-${event.subject + 1}`, facts: { declarationComplete: true } });
        if (result.ok && result.entry.status === 'waiting') {
          inOrder++;
          wakeIdleLanes(t);
        }
        break;
      }
      case LANE:
        laneDone(event.subject, t);
        break;
      case SAMPLE:
        sample(t);
        break;
    }
  }
  integrateTo(horizonEnd);
  const end = atCrossing > 0 || arrivalsPending ? horizonEnd : lastEvent;
  for (let n = 0; n < trucks; n++) if (flags[n]! & ILLICIT) illicit.notServed++;
  illicit.notServed -= illicit.caught + illicit.missed;
  const span = Math.min(arrivalsEnd, horizonEnd) - warmupEnd;
  return {
    scenario: scenario.name,
    policy: policy.name,
    seed: root.seed,
    start,
    end,
    trucks: { arrived: trucks, backlog: scenario.backlog.trucks, served, notServed: trucks - served },
    waitsMs: waits.values.slice(0, waits.length),
    backlogClearedAfterMs: scenario.backlog.trucks === 0 ? null : backlogClearedAt === null ? null : backlogClearedAt - start,
    meanInOrder: span > 0 ? inOrderArea / span : 0,
    meanAtCrossing: span > 0 ? atCrossingArea / span : 0,
    series,
    lanes,
    channels,
    illicit,
  };
}
