/**
 * A crossing's queue state: the entries, the order, the lanes, the release bucket, the flow meter and the records
 * the board and the accuracy summary read.
 *
 * A deterministic state machine. The state changes only through the commands (commands.ts and the files it
 * dispatches to), each given its time as input; the same commands in the same order give the same state, so the
 * store can keep the accepted commands and replay them, and the what-if simulator can drive the very same code on a
 * simulated clock. The state is one mutable value owned by its caller, because copying a hundred thousand trucks per
 * call would not meet the latency the border needs; a refused command leaves it exactly as it was, and
 * `cloneQueue` gives an independent copy (plain data throughout, so structuredClone copies it).
 *
 * `version` counts accepted changes: each command that changes anything adds exactly one. A command may carry the
 * version its sender saw (`expectedVersion`); if the state has moved on, it is refused with STALE_VERSION and
 * changes nothing. That is compare-and-set: a store that keeps the version beside the state commits a change only
 * where the version is still the one read, so two staff calling from the same version cannot both succeed.
 */
import type { Issue } from '../model/issue.js';
import type { AccuracyRecord } from './accuracy.js';
import type { HistoryItem, QueueEntry } from './entry.js';
import { createEstimateColumns, type EstimateColumns } from './estimate-columns.js';
import { advanceMeter, createFlowMeter, type FlowMeter } from './flow.js';
import { openingSchedule, type OpeningSchedule } from './opening-schedule.js';
import { createOrder, orderSize, type LaneMask, type QueueOrder } from './order.js';
import { validateQueueConfig, type LaneConfig, type QueueConfig } from './queue-config.js';
import { createBucket, type TokenBucket } from './token-bucket.js';

export interface LaneState {
  id: string;
  config: LaneConfig;
  mask: LaneMask;
  /** Staff may close a lane (repairs, no officer); a closed lane is called to by nobody. */
  open: boolean;
  /** The lane takes its next truck from this instant on. */
  busyUntil: number;
  /** The truck called to the lane and not yet there. */
  calledEntry: string | null;
}

/** One call, kept a day for the board's waiting times and throughput. */
export interface CallRecord {
  at: number;
  entryId: string;
  lane: string;
  /** From arrival at the crossing to the call. */
  waitedMs: number;
  stream: QueueEntry['stream'];
}

export interface QueueState {
  config: QueueConfig;
  version: number;
  /** The latest time any accepted command carried. */
  now: number;
  nextEntryNumber: number;
  nextSeq: number;
  entries: Map<string, QueueEntry>;
  byDeclaration: Map<string, string>;
  /** A truck's latest entry. */
  byTruck: Map<string, string>;
  /** Booking codes and the lookup codes given at check-in, one namespace. */
  byCode: Map<string, string>;
  order: QueueOrder;
  lanes: LaneState[];
  bucket: TokenBucket;
  flow: FlowMeter;
  recentCalls: CallRecord[];
  /** The last refresh's positions and estimates, by entry slot. */
  estimates: EstimateColumns;
  accuracy: AccuracyRecord[];
  /** Crossing-wide operator decisions: release rate, lanes opened and closed. */
  operatorLog: HistoryItem[];
  /** Whether entries and the operator log keep their history items; the events are made either way. */
  keepsHistory: boolean;
}

export interface CreateQueueOptions {
  /**
   * False where nobody reads an entry's history: the simulator's trucks have no operator to explain them to, and
   * holding every simulated truck's sentences until it is archived was two-fifths of a simulation's time.
   */
  keepsHistory?: boolean;
}

export type CreateQueueResult = { ok: true; state: QueueState } | { ok: false; issues: Issue[] };

export function createQueue(config: QueueConfig, at: number, options: CreateQueueOptions = {}): CreateQueueResult {
  const issues = validateQueueConfig(config);
  if (!Number.isFinite(at)) issues.push({ code: 'BAD_TIME', path: 'at', message: 'the start time is not a finite number' });
  if (issues.length > 0) return { ok: false, issues };
  const state: QueueState = {
    config,
    version: 0,
    now: at,
    nextEntryNumber: 1,
    nextSeq: 1,
    entries: new Map(),
    byDeclaration: new Map(),
    byTruck: new Map(),
    byCode: new Map(),
    order: createOrder(),
    lanes: config.lanes.map((lane) => ({
      id: lane.id,
      config: lane,
      mask: [lane.capacityPerHour.green > 0, lane.capacityPerHour.yellow > 0, lane.capacityPerHour.red > 0] as const,
      open: true,
      busyUntil: at,
      calledEntry: null,
    })),
    bucket: createBucket(config.backlog.ratePerHour, config.backlog.burst, at),
    flow: createFlowMeter(at),
    recentCalls: [],
    estimates: createEstimateColumns(),
    accuracy: [],
    operatorLog: [],
    keepsHistory: options.keepsHistory ?? true,
  };
  return { ok: true, state };
}

/** An independent deep copy, for a what-if run from the live state or a replica that may be refused. */
export function cloneQueue(state: QueueState): QueueState {
  return structuredClone(state);
}

export function scheduleOf(state: QueueState): OpeningSchedule {
  return openingSchedule(state.config.operatingHours);
}

export function openLaneCount(state: QueueState): number {
  let open = 0;
  for (const lane of state.lanes) if (lane.open) open++;
  return open;
}

/** The entry of a declaration, as the document checks and the tracker know it. */
export function entryForDeclaration(state: QueueState, declarationId: string): QueueEntry | undefined {
  const id = state.byDeclaration.get(declarationId);
  return id === undefined ? undefined : state.entries.get(id);
}

export function laneById(state: QueueState, id: string): LaneState | undefined {
  // A loop rather than find: every call and every lane freed looks a lane up, and find's callback was a closure each.
  for (const lane of state.lanes) if (lane.id === id) return lane;
  return undefined;
}

/**
 * Brings the time-driven parts up to `t` before a change: the flow meter integrates the demand of the time since
 * the last change, with the waiting state as it was. Called once a command is known to be accepted.
 */
export function advanceTo(state: QueueState, t: number): void {
  advanceMeter(
    state.flow,
    t,
    state.config.flowTimeConstantMs,
    orderSize(state.order) > 0,
    openLaneCount(state),
    scheduleOf(state),
  );
  if (t > state.now) state.now = t;
}
