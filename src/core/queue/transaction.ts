/**
 * The frame every command runs in: refuse early (stale version, bad time, no actor) without touching the state;
 * once accepted, advance the time-driven parts, make the change while recording each step in the entry's history
 * (and as an event for the store and the bus), and count the version once.
 */
import type { Issue } from '../model/issue.js';
import { orderKeyOf } from './ageing.js';
import type { HistoryAction, HistoryItem, QueueEntry } from './entry.js';
import { clearEstimate } from './estimate-columns.js';
import { addToOrder, removeFromOrder } from './order.js';
import { classify, isReady, readiness } from './priority-class.js';
import { issue, iso, type Reason } from './reason.js';
import { advanceTo, type QueueState } from './state.js';

export interface CommandBase {
  /** When the command was given, epoch ms, from the caller's clock (or the simulator's). */
  at: number;
  /** Username of the staff member, or the system part acting, such as `geofence`. */
  by: string;
  /** The state version the sender saw; when given, the command applies only to that version. */
  expectedVersion?: number;
}

/** A history item as the store and the bus receive it. */
export interface QueueEvent extends HistoryItem {
  crossing: string;
  /** null for crossing-wide decisions (release rate, lanes). */
  entryId: string | null;
  /** The version the change produced. */
  version: number;
}

export type Refusal = { ok: false; version: number; error: Issue };

export type Accepted<T extends object = object> = {
  ok: true;
  /** False when the command changed nothing (a repeated check-in, a hold on a held truck): the version stays. */
  changed: boolean;
  version: number;
  reasons: Reason[];
  events: QueueEvent[];
} & T;

export type QueueResult<T extends object = object> = Accepted<T> | Refusal;

export function refuse(state: QueueState, code: string, path: string, message: string): Refusal {
  return refuseWith(state, issue(code, path, message));
}

/** A refusal with an issue made beforehand, such as a frozen one shared by every refusal it describes. */
export function refuseWith(state: QueueState, error: Issue): Refusal {
  return { ok: false, version: state.version, error };
}

/** The refusal every command checks first, or null. */
export function precheck(state: QueueState, command: CommandBase): Refusal | null {
  if (command.expectedVersion !== undefined && command.expectedVersion !== state.version) {
    return refuse(
      state,
      'STALE_VERSION',
      'expectedVersion',
      `the queue is at version ${state.version}, not ${command.expectedVersion}: read it again and decide anew`,
    );
  }
  if (!Number.isFinite(command.at)) return refuse(state, 'BAD_TIME', 'at', 'the time is not a finite number');
  if (typeof command.by !== 'string' || command.by.trim().length === 0) return refuse(state, 'REQUIRED', 'by', 'who acts is not given');
  return null;
}

export function requireReason(state: QueueState, text: unknown): Refusal | null {
  if (typeof text !== 'string' || text.trim().length === 0) {
    return refuse(state, 'REASON_REQUIRED', 'reason', 'a staff decision needs a reason, which is recorded');
  }
  return null;
}

export interface Transaction {
  state: QueueState;
  /**
   * The time the change takes effect: the command's time, or the state's latest if that is later, since two staff
   * terminals' clocks differ by seconds and the state's time never runs backwards. History keeps the command's own.
   */
  t: number;
  at: number;
  by: string;
  events: QueueEvent[];
}

/** Starts an accepted change. */
export function begin(state: QueueState, command: CommandBase): Transaction {
  const t = Math.max(command.at, state.now);
  advanceTo(state, t);
  return { state, t, at: command.at, by: command.by, events: [] };
}

export function record(
  tx: Transaction,
  entry: QueueEntry | null,
  action: HistoryAction,
  reasonText: string,
  detail?: HistoryItem['detail'],
  /** False for routine crossing-wide steps that go to the store as events but need no place in the operator log. */
  keep = true,
): void {
  // Literals written out, not spread: with a spread of the item here the simulator measured twice as slow.
  const { at, by } = tx;
  if (tx.state.keepsHistory && (entry !== null || keep)) {
    const item: HistoryItem = detail === undefined ? { at, by, action, reason: reasonText } : { at, by, action, reason: reasonText, detail };
    (entry === null ? tx.state.operatorLog : entry.history).push(item);
  }
  const crossing = tx.state.config.crossing;
  const entryId = entry?.id ?? null;
  tx.events.push(
    detail === undefined
      ? { at, by, action, reason: reasonText, crossing, entryId, version: 0 }
      : { at, by, action, reason: reasonText, detail, crossing, entryId, version: 0 },
  );
}

export function commit<T extends object>(tx: Transaction, reasons: Reason[], extra: T): Accepted<T> {
  tx.state.version++;
  for (const event of tx.events) event.version = tx.state.version;
  return { ok: true, changed: true, version: tx.state.version, reasons, events: tx.events, ...extra };
}

/** An accepted command that changes nothing: the version stays and nothing is recorded. */
export function unchanged<T extends object>(state: QueueState, reasons: Reason[], extra: T): Accepted<T> {
  return { ok: true, changed: false, version: state.version, reasons, events: [], ...extra };
}

/** Whether an arrived truck may be in the order: papers ready and no staff hold. */
export function isEligible(entry: QueueEntry): boolean {
  return entry.arrivedAt !== null && entry.staffHold === null && isReady(entry.facts);
}

/**
 * Changes an entry's ordering facts safely: it leaves the order (if in it), `change` runs, its class and key are
 * worked out again, and it goes back to waiting or holding as it now qualifies.
 * Only for entries that are holding or waiting (or booked, which stay booked).
 */
export function rearrange(tx: Transaction, entry: QueueEntry, change: () => void): void {
  const wasWaiting = entry.status === 'waiting';
  if (wasWaiting) removeFromOrder(tx.state.order, entry);
  change();
  entry.priorityClass = entry.classOverride?.priorityClass ?? classify(entry.facts).priorityClass;
  entry.orderKey = orderKeyOf(entry.queuedAt, entry.priorityClass, tx.state.config.headStarts);
  if (entry.status === 'booked') return;
  if (isEligible(entry)) {
    entry.status = 'waiting';
    addToOrder(tx.state.order, entry);
    if (!wasWaiting) {
      record(tx, entry, 'joined_order', `joined the order as ${entry.priorityClass}, counted from ${iso(entry.queuedAt)}`, {
        priorityClass: entry.priorityClass,
        queuedAt: entry.queuedAt,
      });
    }
  } else {
    entry.status = 'holding';
    // A holding truck has no place in the order, so no position or estimate either.
    clearEstimate(tx.state.estimates, entry);
  }
}

/** Why an arrived truck is holding, as sentences. */
export function holdingReasons(entry: QueueEntry): Reason[] {
  const reasons = [...readiness(entry.facts).reasons];
  if (entry.staffHold !== null) {
    reasons.push({ code: 'STAFF_HOLD', message: `held by ${entry.staffHold.by} at ${iso(entry.staffHold.at)}: ${entry.staffHold.reason}` });
  }
  return reasons;
}
