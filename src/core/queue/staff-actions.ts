/**
 * Staff decisions, each with a reason that is recorded with who and when: hold and release a truck, set its class,
 * take it out of the queue, set the backlog release rate, open and close lanes.
 *
 * A staff hold takes the truck out of the order into the holding state, where it blocks nobody; release puts it
 * back where its queuedAt puts it, as for papers completed. A class set by staff stands until staff set it back to
 * follow the facts (`priorityClass: null`).
 */
import type { QueueEntry } from './entry.js';
import { clearEstimate } from './estimate-columns.js';
import { removeFromOrder } from './order.js';
import { classify, isPriorityClass, type PriorityClass } from './priority-class.js';
import { duration, iso, reason, sentencesOf } from './reason.js';
import { laneById, type QueueState } from './state.js';
import { withRate } from './token-bucket.js';
import {
  begin,
  commit,
  holdingReasons,
  precheck,
  rearrange,
  record,
  refuse,
  requireReason,
  unchanged,
  type CommandBase,
  type QueueResult,
  type Refusal,
} from './transaction.js';

interface StaffCommand extends CommandBase {
  reason: string;
}

export interface HoldCommand extends StaffCommand {
  kind: 'hold';
  entryId: string;
}

export interface ReleaseCommand extends StaffCommand {
  kind: 'release';
  entryId: string;
}

export interface ReprioritiseCommand extends StaffCommand {
  kind: 'reprioritise';
  entryId: string;
  /** The class to put the truck in; null to let its facts decide again. */
  priorityClass: PriorityClass | null;
}

export interface RemoveCommand extends StaffCommand {
  kind: 'remove';
  entryId: string;
}

export interface SetBacklogRateCommand extends StaffCommand {
  kind: 'set_backlog_rate';
  /** Backlog trucks an hour; null for no limit, 0 to stop the backlog. */
  ratePerHour: number | null;
  burst?: number;
}

export interface SetLaneOpenCommand extends StaffCommand {
  kind: 'set_lane_open';
  lane: string;
  open: boolean;
}

type StaffResult = QueueResult<{ entry: Readonly<QueueEntry> }>;

function entryFor(state: QueueState, command: { entryId: string }, allowed: readonly QueueEntry['status'][]): QueueEntry | Refusal {
  const entry = state.entries.get(command.entryId);
  if (entry === undefined) return refuse(state, 'NOT_FOUND', 'entryId', `no entry ${command.entryId}`);
  if (!allowed.includes(entry.status)) {
    return refuse(state, 'WRONG_STATUS', 'entryId', `entry ${entry.id} is ${entry.status}; this applies only to ${allowed.join(', ')}`);
  }
  return entry;
}

const isRefusal = (value: QueueEntry | Refusal): value is Refusal => 'ok' in value;

export function hold(state: QueueState, command: Omit<HoldCommand, 'kind'>): StaffResult {
  const refusal = precheck(state, command) ?? requireReason(state, command.reason);
  if (refusal !== null) return refusal;
  const entry = entryFor(state, command, ['booked', 'holding', 'waiting']);
  if (isRefusal(entry)) return entry;
  if (entry.staffHold !== null) {
    return unchanged(state, [reason('ALREADY_HELD', `already held by ${entry.staffHold.by} at ${iso(entry.staffHold.at)}: ${entry.staffHold.reason}`)], { entry });
  }
  const tx = begin(state, command);
  record(tx, entry, 'held', command.reason);
  rearrange(tx, entry, () => {
    entry.staffHold = { by: command.by, at: command.at, reason: command.reason };
  });
  return commit(tx, [reason('HELD', `held: out of the order until released, blocking nobody; its place still counts from ${iso(entry.queuedAt)}`)], { entry });
}

export function release(state: QueueState, command: Omit<ReleaseCommand, 'kind'>): StaffResult {
  const refusal = precheck(state, command) ?? requireReason(state, command.reason);
  if (refusal !== null) return refusal;
  const entry = entryFor(state, command, ['booked', 'holding', 'waiting']);
  if (isRefusal(entry)) return entry;
  if (entry.staffHold === null) return unchanged(state, [reason('NOT_HELD', 'staff do not hold this truck')], { entry });
  const tx = begin(state, command);
  record(tx, entry, 'released', command.reason);
  rearrange(tx, entry, () => {
    entry.staffHold = null;
  });
  const placed =
    entry.status === 'waiting'
      ? reason('IN_ORDER', `back in the order where its place, counted from ${iso(entry.queuedAt)}, puts it`)
      : entry.status === 'booked'
        ? reason('BOOKED', 'still booked: it joins the order when it checks in')
        : reason('HOLDING', `still holding: ${sentencesOf(holdingReasons(entry))}`);
  return commit(tx, [reason('RELEASED', 'the staff hold is lifted'), placed], { entry });
}

export function reprioritise(state: QueueState, command: Omit<ReprioritiseCommand, 'kind'>): StaffResult {
  const refusal = precheck(state, command) ?? requireReason(state, command.reason);
  if (refusal !== null) return refusal;
  if (command.priorityClass !== null && !isPriorityClass(command.priorityClass)) {
    return refuse(state, 'BAD_CLASS', 'priorityClass', 'not a priority class');
  }
  const entry = entryFor(state, command, ['booked', 'holding', 'waiting']);
  if (isRefusal(entry)) return entry;
  const current = entry.classOverride?.priorityClass ?? null;
  if (current === command.priorityClass) return unchanged(state, [reason('NO_CHANGE', 'the class is already set so')], { entry });
  const before = entry.priorityClass;
  const after = command.priorityClass ?? classify(entry.facts).priorityClass;
  const tx = begin(state, command);
  record(tx, entry, 'reprioritised', command.reason, { from: before, to: after, byStaff: command.priorityClass !== null });
  rearrange(tx, entry, () => {
    entry.classOverride =
      command.priorityClass === null ? null : { by: command.by, at: command.at, reason: command.reason, priorityClass: command.priorityClass };
  });
  const head = state.config.headStarts[entry.priorityClass];
  return commit(tx, [reason('REPRIORITISED', `class ${before} → ${entry.priorityClass} (head start ${duration(head)})`)], { entry });
}

export function removeEntry(state: QueueState, command: Omit<RemoveCommand, 'kind'>): StaffResult {
  const refusal = precheck(state, command) ?? requireReason(state, command.reason);
  if (refusal !== null) return refusal;
  const entry = entryFor(state, command, ['booked', 'holding', 'waiting', 'called']);
  if (isRefusal(entry)) return entry;
  const tx = begin(state, command);
  if (entry.status === 'waiting') removeFromOrder(state.order, entry);
  clearEstimate(state.estimates, entry);
  if (entry.status === 'called' && entry.call !== null) {
    const lane = laneById(state, entry.call.lane);
    if (lane !== undefined && lane.calledEntry === entry.id) {
      lane.calledEntry = null;
      lane.busyUntil = Math.min(lane.busyUntil, tx.t);
    }
    entry.call = null;
  }
  entry.status = 'dropped';
  entry.doneAt = tx.t;
  record(tx, entry, 'dropped', command.reason);
  return commit(tx, [reason('REMOVED', 'taken out of the queue; a new check-in brings the truck back, at the end')], { entry });
}

export function setBacklogRate(state: QueueState, command: Omit<SetBacklogRateCommand, 'kind'>): QueueResult {
  const refusal = precheck(state, command) ?? requireReason(state, command.reason);
  if (refusal !== null) return refusal;
  const rate = command.ratePerHour;
  if (rate !== null && !(Number.isFinite(rate) && rate >= 0)) return refuse(state, 'BAD_RATE', 'ratePerHour', 'the rate is null (no limit) or 0 or more trucks an hour');
  const burst = command.burst ?? state.bucket.burst;
  if (!(Number.isFinite(burst) && burst >= 1)) return refuse(state, 'BAD_BURST', 'burst', 'the burst is at least 1');
  const tx = begin(state, command);
  const before = state.bucket.ratePerHour;
  state.bucket = withRate(state.bucket, tx.t, rate, burst);
  const text = rate === null ? 'no limit' : `${rate} an hour`;
  record(tx, null, 'configured', command.reason, { setting: 'backlogRatePerHour', from: before, to: rate, burst });
  return commit(tx, [reason('BACKLOG_RATE', `backlog release: ${text} (burst ${burst}), from ${iso(tx.t)}`)], {});
}

export function setLaneOpen(state: QueueState, command: Omit<SetLaneOpenCommand, 'kind'>): QueueResult {
  const refusal = precheck(state, command) ?? requireReason(state, command.reason);
  if (refusal !== null) return refusal;
  const lane = laneById(state, command.lane);
  if (lane === undefined) return refuse(state, 'NOT_FOUND', 'lane', `no lane ${command.lane}`);
  if (lane.open === command.open) return unchanged(state, [reason('NO_CHANGE', `lane ${lane.id} is already ${lane.open ? 'open' : 'closed'}`)], {});
  const tx = begin(state, command);
  lane.open = command.open;
  record(tx, null, 'configured', command.reason, { setting: 'laneOpen', lane: lane.id, open: command.open });
  return commit(tx, [reason(command.open ? 'LANE_OPENED' : 'LANE_CLOSED', `lane ${lane.id} ${command.open ? 'opened' : 'closed'}`)], {});
}
