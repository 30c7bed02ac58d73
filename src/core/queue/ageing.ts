/**
 * The ordering rule: a head start per class, and ageing at one hour of priority per hour waited.
 *
 * A truck's effective priority at time `now` is `headStart(class) + (now - queuedAt)`: its class's head start plus
 * the time it has waited. Since every waiting truck ages at the same rate, comparing two trucks does not depend on
 * `now`: a is ahead of b exactly when `queuedAt(a) - headStart(a) < queuedAt(b) - headStart(b)`, so the order is
 * the ascending order of that `orderKey` (ties: whoever entered the order first, by sequence number). A perishable
 * truck is thus served as if it had arrived 72 hours (by default) before it did.
 *
 * Why this rule:
 * - it is explainable in one sentence to a driver ("your class counts as a head start of N hours"), and a
 *   truck's place changes only when a truck with an earlier key arrives, never because the clock moved;
 * - no starvation, with a bound: a truck can only be overtaken by trucks that enter the order before
 *   `queuedAt + (largest head start - its own)`, so with a finite arrival rate only finitely many trucks ever go
 *   ahead of it (the property test pins this);
 * - it is first come, first served within a class, since a class shares one head start;
 * - the order is static between events, so it is kept as sorted lists, one per class, stream and channel
 *   (order.ts), and the next truck is the least of their heads: no sort per call.
 *
 * The defaults are modelling choices, set per crossing in the queue configuration: goods that spoil within days
 * must not wait behind a multi-day queue, so perishables get three days; trusted traders a day; e-sealed trucks
 * with complete papers, which need no escort or seal check, half a day. A crossing whose queue is measured in weeks
 * should raise them, since a truck that has waited longer than a class's head start goes ahead of that class.
 */
import type { PriorityClass } from './priority-class.js';

const HOUR = 3_600_000;

export type HeadStarts = Readonly<Record<PriorityClass, number>>;

/** Head start per class, milliseconds. */
export const DEFAULT_HEAD_STARTS: HeadStarts = Object.freeze({
  perishable: 72 * HOUR,
  trusted_trader: 24 * HOUR,
  esealed_complete: 12 * HOUR,
  standard: 0,
});

export function orderKeyOf(queuedAt: number, priorityClass: PriorityClass, headStarts: HeadStarts): number {
  return queuedAt - headStarts[priorityClass];
}

/** Effective priority at `now`, ms: head start plus time waited. Larger is served sooner. */
export function effectivePriority(queuedAt: number, priorityClass: PriorityClass, headStarts: HeadStarts, now: number): number {
  return headStarts[priorityClass] + (now - queuedAt);
}

/** What the order compares: the key, then the sequence number of entering the order. */
export interface Ordered {
  orderKey: number;
  seq: number;
}

export function isBefore(a: Ordered, b: Ordered): boolean {
  return a.orderKey < b.orderKey || (a.orderKey === b.orderKey && a.seq < b.seq);
}
