/** Order statistics for the board and the accuracy summary. */

/** The q-quantile (0..1) of ascending `sorted` by the nearest-rank rule; null for no values. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  copy.sort();
  return copy;
}

export interface Spread {
  count: number;
  medianMs: number | null;
  p95Ms: number | null;
}

export function spreadOf(values: ArrayLike<number>): Spread {
  const sorted = sortedCopy(values);
  return { count: sorted.length, medianMs: quantileSorted(sorted, 0.5), p95Ms: quantileSorted(sorted, 0.95) };
}
