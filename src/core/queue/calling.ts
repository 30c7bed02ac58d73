/**
 * Calling trucks to lanes: callNext, the truck's arrival at its lane, no-shows, and a lane freed early.
 *
 * A lane calls when it is open, the crossing is open, no called truck is still on its way to it, and it is no longer
 * busy: a truck keeps its lane busy for the lane's nominal time for its channel (3600 / capacity seconds) from the
 * call, and from its arrival if it arrives later. The lane calls the first truck of the order among those it takes
 * (chooseCall in order.ts): its channels, and backlog trucks only while the release bucket has a token; without
 * one, the first booked truck. Whatever callNext decides comes with the reasons.
 *
 * Two staff calling at once never call the same truck: callNext must carry the version its caller read, and a
 * call applies only to that version (compare-and-set, see state.ts). Of two calls from the same version one
 * succeeds and the other is refused as stale; its sender reads again and calls the next truck.
 */
import type { Issue } from '../model/issue.js';
import { accuracyRecordsAtCall } from './accuracy.js';
import { CHANNELS } from './channel.js';
import type { QueueEntry } from './entry.js';
import { clearEstimate } from './estimate-columns.js';
import { countCall, countServed } from './flow.js';
import { noShowOutcome } from './no-show.js';
import { chooseCall, emptyHeadKeys, headKeys, listChannel, NOTHING, removeFromOrder, WAIT_FOR_TOKEN, type HeadKeys, type LaneMask } from './order.js';
import { serviceMs as nominalServiceMs } from './queue-config.js';
import { duration, iso, issue, reason, sentencesOf, type Reason } from './reason.js';
import { first } from './sorted-list.js';
import { laneById, scheduleOf, type CallRecord, type LaneState, type QueueState } from './state.js';
import { consumeToken, hasToken, tokenReadyAt } from './token-bucket.js';
import {
  begin,
  commit,
  precheck,
  rearrange,
  record,
  refuse,
  refuseWith,
  unchanged,
  type CommandBase,
  type QueueResult,
  type Refusal,
} from './transaction.js';

const DAY = 86_400_000;
const RECENT_CALLS_MS = DAY;

export interface CallNextCommand extends CommandBase {
  kind: 'call_next';
  lane: string;
  /** Required: a call applies only to the version its caller saw. */
  expectedVersion: number;
  /** How long the lane will be busy with the truck; the lane's nominal time for its channel when absent. */
  serviceMs?: number;
}

export interface ArriveCommand extends CommandBase {
  kind: 'arrive';
  entryId: string;
}

export interface NoShowCommand extends CommandBase {
  kind: 'no_show';
  entryId: string;
}

export interface LaneFreedCommand extends CommandBase {
  kind: 'lane_freed';
  lane: string;
}

export type CallResult = QueueResult<{ entry: Readonly<QueueEntry>; lane: string }> | (Refusal & { retryAt?: number });

function notYet(state: QueueState, code: string, path: string, message: string, retryAt: number): Refusal & { retryAt: number } {
  return { ...refuse(state, code, path, message), retryAt };
}

/** Why a lane cannot call at `t`, with when it might; null when it can (trucks permitting). */
function laneBlocked(state: QueueState, lane: LaneState, t: number): (Refusal & { retryAt?: number }) | null {
  if (!lane.open) return refuse(state, 'LANE_CLOSED', 'lane', `lane ${lane.id} is closed by staff`);
  const schedule = scheduleOf(state);
  if (!schedule.isOpen(t)) return notYet(state, 'CROSSING_CLOSED', 'at', `the crossing is closed; it opens at ${iso(schedule.nextOpen(t))}`, schedule.nextOpen(t));
  if (lane.calledEntry !== null) {
    const called = state.entries.get(lane.calledEntry);
    const deadline = called?.call?.deadline ?? t;
    return notYet(state, 'LANE_AWAITING_TRUCK', 'lane', `lane ${lane.id} waits for ${lane.calledEntry}, called and not yet there (no-show at ${iso(deadline)})`, deadline);
  }
  if (t < lane.busyUntil) return notYet(state, 'LANE_BUSY', 'lane', `lane ${lane.id} is busy until ${iso(lane.busyUntil)}`, lane.busyUntil);
  return null;
}

/**
 * Each lane's refusal when the order has no truck it takes, made once and shared: a lane with nobody to call asks
 * again whenever a truck might have come (in a simulation, more than every other truck), and the sentence names
 * nothing but the lane. Frozen, since every such refusal of the lane hands out the same issue.
 */
const nothingToCallIssues = new WeakMap<LaneState, Issue>();

function nothingToCall(state: QueueState, lane: LaneState): Refusal {
  let error = nothingToCallIssues.get(lane);
  if (error === undefined) {
    error = Object.freeze(issue('NOTHING_TO_CALL', 'lane', `no truck in the order that lane ${lane.id} takes`));
    nothingToCallIssues.set(lane, error);
  }
  return refuseWith(state, error);
}

/** A mask taking every channel: the order's first truck overall. */
const EVERY_CHANNEL: LaneMask = [true, true, true];

function callReasons(state: QueueState, heads: HeadKeys, lane: LaneState, passedOver: boolean, entry: QueueEntry, t: number): Reason[] {
  const reasons: Reason[] = [
    reason(
      'FIRST_IN_ORDER',
      `first in the order among the trucks lane ${lane.id} takes: ${entry.priorityClass}, ${entry.channel}, its place counting from ${iso(entry.queuedAt)} ` +
        `with a head start of ${duration(state.config.headStarts[entry.priorityClass])}`,
    ),
  ];
  if (passedOver) {
    reasons.push(
      reason(
        'BACKLOG_RATE_REACHED',
        `the backlog's first truck waits for the release rate (${state.bucket.ratePerHour} an hour, next at ${iso(tokenReadyAt(state.bucket, t))}): the first booked truck is called`,
      ),
    );
  }
  const overall = chooseCall(heads, EVERY_CHANNEL, true);
  if (overall >= 0 && !lane.mask[CHANNELS.indexOf(listChannel(overall))]) {
    reasons.push(reason('CHANNEL_NOT_TAKEN', `the order's first truck is ${listChannel(overall)}, which lane ${lane.id} does not take`));
  }
  if (entry.stream === 'backlog' && state.bucket.ratePerHour !== null) {
    reasons.push(reason('RELEASE_TOKEN', `a backlog truck: one release token used (${state.bucket.ratePerHour} an hour)`));
  }
  return reasons;
}

/**
 * Drops the calls before `from`, in place. Calls are recorded as the state's time advances, so they are in time
 * order and the old ones are at the front: a day's calls are not copied every hour, as a filter would, nor moved
 * along as splice(0, n) moves them; V8 shifts the first element off a long array by moving the array's start.
 */
function dropCallsBefore(calls: CallRecord[], from: number): void {
  while (calls.length > 0 && calls[0]!.at < from) calls.shift();
}

/** Scratch heads for the length of one call (calls do not nest, so one set serves them all). */
const CALL_HEADS = emptyHeadKeys();

export function callNext(state: QueueState, command: Omit<CallNextCommand, 'kind'>): CallResult {
  if (typeof command.expectedVersion !== 'number') {
    return refuse(state, 'REQUIRED', 'expectedVersion', 'a call must say which version of the queue it was decided on');
  }
  const refusal = precheck(state, command);
  if (refusal !== null) return refusal;
  const lane = laneById(state, command.lane);
  if (lane === undefined) return refuse(state, 'NOT_FOUND', 'lane', `no lane ${command.lane}`);
  if (command.serviceMs !== undefined && !(Number.isFinite(command.serviceMs) && command.serviceMs >= 0)) {
    return refuse(state, 'BAD_SERVICE_TIME', 'serviceMs', 'a service time is a finite number of milliseconds, 0 or more');
  }
  const t = Math.max(command.at, state.now);
  const blocked = laneBlocked(state, lane, t);
  if (blocked !== null) return blocked;
  const heads = headKeys(state.order, CALL_HEADS);
  const token = hasToken(state.bucket, t);
  const choice = chooseCall(heads, lane.mask, token);
  if (choice < 0) {
    if (choice === WAIT_FOR_TOKEN) {
      const ready = tokenReadyAt(state.bucket, t);
      const when = Number.isFinite(ready) ? `the next at ${iso(ready)}` : 'the backlog is stopped (rate 0)';
      return notYet(state, 'WAITING_FOR_RELEASE', 'lane', `only backlog trucks wait for lane ${lane.id} and the release rate is reached: ${when}`, ready);
    }
    return nothingToCall(state, lane);
  }
  const entry = first(state.order[choice]!)!;
  const service = command.serviceMs ?? nominalServiceMs(lane.config, entry.channel);
  const passedOver = !token && chooseCall(heads, lane.mask, true) !== choice;
  const reasons = callReasons(state, heads, lane, passedOver, entry, t);

  const tx = begin(state, command);
  removeFromOrder(state.order, entry);
  for (const accuracy of accuracyRecordsAtCall(state.estimates, entry, t)) state.accuracy.push(accuracy);
  if (state.accuracy.length > 2 * state.config.accuracyWindow) state.accuracy.splice(0, state.accuracy.length - state.config.accuracyWindow);
  entry.status = 'called';
  clearEstimate(state.estimates, entry);
  entry.calledAt = t;
  entry.call = { lane: lane.id, at: t, deadline: t + state.config.noShow.timeoutMs, serviceMs: service };
  lane.calledEntry = entry.id;
  lane.busyUntil = t + service;
  if (entry.stream === 'backlog') consumeToken(state.bucket, t);
  countCall(state.flow);
  state.recentCalls.push({ at: t, entryId: entry.id, lane: lane.id, waitedMs: t - (entry.arrivedAt ?? t), stream: entry.stream });
  if (state.recentCalls[0]!.at < t - RECENT_CALLS_MS - DAY / 24) dropCallsBefore(state.recentCalls, t - RECENT_CALLS_MS);
  record(tx, entry, 'called', sentencesOf(reasons), { lane: lane.id, deadline: entry.call.deadline });
  return commit(tx, reasons, { entry, lane: lane.id });
}

export function arrive(state: QueueState, command: Omit<ArriveCommand, 'kind'>): QueueResult<{ entry: Readonly<QueueEntry> }> {
  const refusal = precheck(state, command);
  if (refusal !== null) return refusal;
  const entry = state.entries.get(command.entryId);
  if (entry === undefined) return refuse(state, 'NOT_FOUND', 'entryId', `no entry ${command.entryId}`);
  if (entry.status === 'served') return unchanged(state, [reason('ALREADY_SERVED', `reached lane at ${iso(entry.doneAt ?? NaN)}`)], { entry });
  if (entry.status !== 'called' || entry.call === null) return refuse(state, 'NOT_CALLED', 'entryId', `entry ${entry.id} is ${entry.status}, not called`);
  const call = entry.call;
  const tx = begin(state, command);
  const lane = laneById(state, call.lane);
  if (lane !== undefined) {
    if (lane.calledEntry === entry.id) lane.calledEntry = null;
    // The lane works on the truck from its arrival: a slow drive up costs lane time.
    lane.busyUntil = Math.max(lane.busyUntil, tx.t + call.serviceMs);
    countServed(state.flow, nominalServiceMs(lane.config, entry.channel), state.config.flowTimeConstantMs);
  }
  entry.status = 'served';
  entry.doneAt = tx.t;
  entry.call = null;
  record(tx, entry, 'arrived', `reached lane ${call.lane} ${duration(tx.t - call.at)} after the call`, { lane: call.lane });
  return commit(tx, [reason('ARRIVED', `at lane ${call.lane}: the call is complete`)], { entry });
}

export function noShow(state: QueueState, command: Omit<NoShowCommand, 'kind'>): QueueResult<{ entry: Readonly<QueueEntry> }> | (Refusal & { retryAt?: number }) {
  const refusal = precheck(state, command);
  if (refusal !== null) return refusal;
  const entry = state.entries.get(command.entryId);
  if (entry === undefined) return refuse(state, 'NOT_FOUND', 'entryId', `no entry ${command.entryId}`);
  if (entry.status !== 'called' || entry.call === null) return refuse(state, 'NOT_CALLED', 'entryId', `entry ${entry.id} is ${entry.status}, not called`);
  const t = Math.max(command.at, state.now);
  const call = entry.call;
  if (t < call.deadline) return notYet(state, 'NOT_DUE', 'at', `the truck has until ${iso(call.deadline)} to reach lane ${call.lane}`, call.deadline);

  const outcome = noShowOutcome(state, entry, t);
  const tx = begin(state, command);
  const lane = laneById(state, call.lane);
  if (lane !== undefined && lane.calledEntry === entry.id) {
    lane.calledEntry = null;
    lane.busyUntil = tx.t;
  }
  entry.noShows++;
  entry.call = null;
  record(tx, entry, 'no_show', sentencesOf(outcome.reasons), {
    lane: call.lane,
    noShows: entry.noShows,
    outcome: outcome.kind,
  });
  if (outcome.kind === 'dropped') {
    entry.status = 'dropped';
    entry.doneAt = tx.t;
  } else {
    // Out of the order while called, so its place may change before it goes back.
    entry.status = 'holding';
    rearrange(tx, entry, () => {
      entry.queuedAt = outcome.queuedAt;
      entry.seq = state.nextSeq++;
    });
  }
  return commit(tx, [reason('LANE_FREED', `lane ${call.lane} is free again`), ...outcome.reasons], { entry });
}

export function laneFreed(state: QueueState, command: Omit<LaneFreedCommand, 'kind'>): QueueResult | Refusal {
  const refusal = precheck(state, command);
  if (refusal !== null) return refusal;
  const lane = laneById(state, command.lane);
  if (lane === undefined) return refuse(state, 'NOT_FOUND', 'lane', `no lane ${command.lane}`);
  if (lane.calledEntry !== null) {
    return refuse(state, 'LANE_AWAITING_TRUCK', 'lane', `lane ${lane.id} waits for ${lane.calledEntry}: record its arrival or its no-show`);
  }
  const t = Math.max(command.at, state.now);
  if (t >= lane.busyUntil) return unchanged(state, [reason('ALREADY_FREE', `lane ${lane.id} is free since ${iso(lane.busyUntil)}`)], {});
  const tx = begin(state, command);
  const was = lane.busyUntil;
  lane.busyUntil = tx.t;
  // One a truck: an event for the store, not a line in the operator log, which would grow with every truck.
  record(tx, null, 'configured', `lane ${lane.id} finished early`, { setting: 'laneFreed', lane: lane.id, expectedFree: was }, false);
  return commit(tx, [reason('LANE_FREED', `lane ${lane.id} free ${duration(was - tx.t)} before its nominal time`)], {});
}

/** Called trucks whose time to reach their lane is up at `now`: what the caller's timer declares no-shows. */
export function dueNoShows(state: QueueState, now: number): string[] {
  const due: string[] = [];
  for (const lane of state.lanes) {
    if (lane.calledEntry === null) continue;
    const entry = state.entries.get(lane.calledEntry);
    if (entry?.call !== null && entry?.call !== undefined && entry.call.deadline <= now) due.push(entry.id);
  }
  return due;
}

export interface CallOpportunity {
  /** The earliest instant not before `now` at which callNext on the lane would call, as things stand. */
  at: number;
  reasons: Reason[];
}

/**
 * When a lane can next call, as things stand (no new arrivals): what a timer or the simulator waits for. Null when
 * the lane is closed, waits for a called truck, or no truck it takes is in the order.
 */
export function nextCallOpportunity(state: QueueState, laneId: string, now: number): CallOpportunity | null {
  const lane = laneById(state, laneId);
  if (lane === undefined || !lane.open || lane.calledEntry !== null) return null;
  const schedule = scheduleOf(state);
  let t = schedule.nextOpen(Math.max(now, lane.busyUntil));
  const heads = headKeys(state.order, CALL_HEADS);
  for (let guard = 0; guard < 1000 && Number.isFinite(t); guard++) {
    const choice = chooseCall(heads, lane.mask, hasToken(state.bucket, t));
    if (choice >= 0) {
      return { at: t, reasons: [reason('CAN_CALL', `lane ${lane.id} can call at ${iso(t)}`)] };
    }
    if (choice === NOTHING) return null;
    const ready = schedule.nextOpen(tokenReadyAt(state.bucket, t));
    if (ready === t) break;
    t = ready;
  }
  return null;
}
