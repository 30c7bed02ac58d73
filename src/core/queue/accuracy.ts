/**
 * How good the estimates are: at each call, the estimate the truck had against the time it was actually called.
 * Two estimates per truck are kept: the first it was given after joining the order (what it planned its day on)
 * and the latest (what the board showed just before the call). The summary gives the mean absolute error, the
 * bias (positive: trucks were called later than estimated) and the 90th percentile of the absolute error, overall
 * and by how far ahead the estimate was made, since an estimate a day ahead cannot be as close as one ten minutes
 * ahead and one figure would hide that.
 */
import type { QueueEntry } from './entry.js';
import { estimateOf, firstEstimateOf, type EstimateColumns } from './estimate-columns.js';
import { quantileSorted, sortedCopy } from './stats.js';

const HOUR = 3_600_000;

export type EstimateKind = 'first' | 'latest';

export interface AccuracyRecord {
  entryId: string;
  kind: EstimateKind;
  /** When the estimate was made. */
  madeAt: number;
  estimatedAt: number;
  actualAt: number;
}

/** The records a call adds for the truck called at `actualAt`, from its first and its latest estimates. */
export function accuracyRecordsAtCall(columns: EstimateColumns, entry: QueueEntry, actualAt: number): AccuracyRecord[] {
  const records: AccuracyRecord[] = [];
  const first = firstEstimateOf(columns, entry);
  if (first !== null) records.push({ entryId: entry.id, kind: 'first', madeAt: first.madeAt, estimatedAt: first.callAt, actualAt });
  const latest = estimateOf(columns, entry);
  if (latest !== null && latest.callAt !== null) {
    records.push({ entryId: entry.id, kind: 'latest', madeAt: latest.madeAt, estimatedAt: latest.callAt, actualAt });
  }
  return records;
}

export interface ErrorSummary {
  count: number;
  meanAbsoluteErrorMs: number | null;
  /** Mean of actual − estimated: positive when trucks are called later than estimated. */
  biasMs: number | null;
  p90AbsoluteErrorMs: number | null;
}

export interface HorizonSummary extends ErrorSummary {
  /** Estimates made this far ahead of the estimated call: [fromMs, toMs). */
  fromMs: number;
  toMs: number;
}

export interface AccuracySummary {
  kind: EstimateKind;
  overall: ErrorSummary;
  byHorizon: HorizonSummary[];
}

export const HORIZONS: ReadonlyArray<readonly [number, number]> = [
  [0, HOUR],
  [HOUR, 6 * HOUR],
  [6 * HOUR, 24 * HOUR],
  [24 * HOUR, Infinity],
];

export function summariseErrors(records: readonly AccuracyRecord[]): ErrorSummary {
  if (records.length === 0) return { count: 0, meanAbsoluteErrorMs: null, biasMs: null, p90AbsoluteErrorMs: null };
  let absolute = 0;
  let signed = 0;
  const errors = new Float64Array(records.length);
  records.forEach((record, i) => {
    const error = record.actualAt - record.estimatedAt;
    signed += error;
    absolute += Math.abs(error);
    errors[i] = Math.abs(error);
  });
  return {
    count: records.length,
    meanAbsoluteErrorMs: absolute / records.length,
    biasMs: signed / records.length,
    p90AbsoluteErrorMs: quantileSorted(sortedCopy(errors), 0.9),
  };
}

/** The accuracy of one kind of estimate over the kept records, optionally only calls from `since` on. */
export function summariseAccuracy(records: readonly AccuracyRecord[], kind: EstimateKind, since = -Infinity): AccuracySummary {
  const chosen = records.filter((record) => record.kind === kind && record.actualAt >= since);
  return {
    kind,
    overall: summariseErrors(chosen),
    byHorizon: HORIZONS.map(([fromMs, toMs]) => ({
      fromMs,
      toMs,
      ...summariseErrors(chosen.filter((r) => r.estimatedAt - r.madeAt >= fromMs && r.estimatedAt - r.madeAt < toMs)),
    })),
  };
}
