/**
 * Where the estimates live: columns of numbers by entry slot (slot-column.ts), written by the refresh, read by the
 * accuracy records, the public lookup and the explanations. An entry out of the order has its position and
 * estimate cleared as it leaves, so nothing shows a stale place.
 */
import type { QueueEntry } from './entry.js';
import { columnGet, columnSet, createColumn, type SlotColumn } from './slot-column.js';

export interface EstimateColumns {
  /** The estimated call, NaN for none. */
  callAt: SlotColumn;
  /** 1-based position in the order at the refresh. */
  position: SlotColumn;
  /** When the refresh that made them ran. */
  madeAt: SlotColumn;
  /** The first estimate after joining the order, kept to measure accuracy at long range. */
  firstCallAt: SlotColumn;
  firstMadeAt: SlotColumn;
}

export function createEstimateColumns(): EstimateColumns {
  return { callAt: createColumn(), position: createColumn(), madeAt: createColumn(), firstCallAt: createColumn(), firstMadeAt: createColumn() };
}

export interface EntryEstimate {
  /** Null when no lane takes the truck's channel or the backlog is stopped. */
  callAt: number | null;
  position: number;
  madeAt: number;
}

const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** The last refresh's estimate for an entry in the order; null for one out of it, or not refreshed since it joined. */
export function estimateOf(columns: EstimateColumns, entry: QueueEntry): EntryEstimate | null {
  if (entry.status !== 'waiting') return null;
  const position = columnGet(columns.position, entry.slot);
  if (Number.isNaN(position)) return null;
  return { callAt: orNull(columnGet(columns.callAt, entry.slot)), position, madeAt: columnGet(columns.madeAt, entry.slot) };
}

/** The first estimate an entry was given, if any: when it was made and for when. */
export function firstEstimateOf(columns: EstimateColumns, entry: QueueEntry): { callAt: number; madeAt: number } | null {
  const callAt = columnGet(columns.firstCallAt, entry.slot);
  return Number.isNaN(callAt) ? null : { callAt, madeAt: columnGet(columns.firstMadeAt, entry.slot) };
}

/** Forgets an entry's position and estimate as it leaves the order (the first estimate stays). */
export function clearEstimate(columns: EstimateColumns, entry: QueueEntry): void {
  columnSet(columns.position, entry.slot, NaN);
  columnSet(columns.callAt, entry.slot, NaN);
  columnSet(columns.madeAt, entry.slot, NaN);
}
