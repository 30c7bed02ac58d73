/** Confidence intervals of a mean from independent estimates of it (replications or batches). */

export interface MeanInterval {
  mean: number;
  /** Half the width of the 95 % interval: the true mean is within mean ± halfWidth with 95 % confidence. */
  halfWidth: number;
  samples: number;
}

// Student's t, two-sided 95 %, for 1..30 degrees of freedom; beyond 30 the normal's 1.96 is close enough.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function meanInterval(values: readonly number[]): MeanInterval {
  const n = values.length;
  if (n < 2) throw new RangeError('an interval needs at least two independent estimates');
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const t = n - 1 <= T95.length ? T95[n - 2]! : 1.96;
  return { mean, halfWidth: t * Math.sqrt(variance / n), samples: n };
}

export function contains(interval: MeanInterval, value: number): boolean {
  return Math.abs(value - interval.mean) <= interval.halfWidth;
}
