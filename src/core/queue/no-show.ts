/**
 * The no-show rule: where a called truck that did not reach its lane in time goes. The lane is freed at once in
 * every case (callNext may call the next truck straight away).
 *
 * - 1st no-show: back behind the next `moveBackBy` trucks of the order (5 by default), or to the end of the order if
 *   fewer wait. A driver who stepped away loses a few places and is called again soon; the trucks behind lose
 *   nothing but the lane time of the timeout.
 * - 2nd no-show: to the end of its class: its place counts from the no-show (or after the last of its class, if
 *   that is later), as if it had just arrived.
 * - the `dropAfter`-th (3rd by default): it leaves the queue (`dropped`); a new check-in brings it back, at the end.
 *
 * Its class and its stream stay as they were; moving back is a new queuedAt and a new sequence number, so the truck
 * lands after every truck with the same key.
 */
import type { Ordered } from './ageing.js';
import type { QueueEntry } from './entry.js';
import { LIST_COUNT, listClass } from './order.js';
import { takeNext } from './order-listing.js';
import { duration, iso, reason, type Reason } from './reason.js';
import { cursorFrom, last, type Cursor } from './sorted-list.js';
import type { QueueState } from './state.js';

export type NoShowOutcome =
  | { kind: 'moved_back'; queuedAt: number; behind: number; reasons: Reason[] }
  | { kind: 'end_of_class'; queuedAt: number; reasons: Reason[] }
  | { kind: 'dropped'; reasons: Reason[] };

/** The key of the n-th truck (1-based) in the whole order after position `from`, or of the last if fewer wait. */
function keyBehind(state: QueueState, from: Ordered, n: number): { key: number; behind: number } {
  const cursors: Cursor[] = state.order.map((list) => cursorFrom(list, from));
  let key = from.orderKey;
  let behind = 0;
  while (behind < n) {
    const entry = takeNext(state, cursors);
    if (entry === undefined) break;
    key = entry.orderKey;
    behind++;
  }
  return { key, behind };
}

/** What the rule does with `entry`, called and now declared a no-show at `t` (its noShows not yet counted). */
export function noShowOutcome(state: QueueState, entry: QueueEntry, t: number): NoShowOutcome {
  const rule = state.config.noShow;
  const count = entry.noShows + 1;
  const headStart = state.config.headStarts[entry.priorityClass];
  if (count >= rule.dropAfter) {
    return { kind: 'dropped', reasons: [reason('NO_SHOW_DROPPED', `no-show number ${count}: the truck leaves the queue; a new check-in brings it back at the end`)] };
  }
  if (count === 1) {
    const { key, behind } = keyBehind(state, entry, rule.moveBackBy);
    const queuedAt = Math.max(entry.queuedAt, key + headStart);
    const where = behind < rule.moveBackBy ? `behind all ${behind} waiting trucks` : `behind the next ${behind} trucks`;
    return {
      kind: 'moved_back',
      queuedAt,
      behind,
      reasons: [reason('NO_SHOW_MOVED_BACK', `first no-show: moved ${where}; its place now counts from ${iso(queuedAt)}, ${duration(queuedAt - entry.queuedAt)} later`)],
    };
  }
  let lastOfClass = -Infinity;
  for (let list = 0; list < LIST_COUNT; list++) {
    if (listClass(list) !== entry.priorityClass) continue;
    const tail = last(state.order[list]!);
    if (tail !== undefined) lastOfClass = Math.max(lastOfClass, tail.queuedAt);
  }
  const queuedAt = Math.max(t, lastOfClass, entry.queuedAt);
  return {
    kind: 'end_of_class',
    queuedAt,
    reasons: [reason('NO_SHOW_END_OF_CLASS', `no-show number ${count}: to the end of the ${entry.priorityClass} class, its place counting from ${iso(queuedAt)}`)],
  };
}
