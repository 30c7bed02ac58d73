import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { meanMinutesOf, samplerOf, type Distribution } from './distributions.js';

const MINUTE = 60_000;

function moments(distribution: Distribution, n = 200_000): { mean: number; sd: number } {
  const sample = samplerOf(distribution);
  const rng = createRng('distributions');
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = sample(rng) / MINUTE;
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(squares / n - mean * mean) };
}

describe('samplerOf', () => {
  it('draws exponential durations of the given mean', () => {
    const { mean, sd } = moments({ kind: 'exponential', meanMinutes: 8 });
    expect(mean).toBeCloseTo(8, 1);
    expect(sd).toBeCloseTo(8, 0);
  });

  it('draws log-normal durations with the mean and standard deviation of the duration itself', () => {
    const { mean, sd } = moments({ kind: 'lognormal', meanMinutes: 20, sdMinutes: 10 });
    expect(mean).toBeCloseTo(20, 0);
    expect(Math.abs(sd - 10)).toBeLessThan(0.3);
  });

  it('draws a fixed duration', () => {
    expect(samplerOf({ kind: 'fixed', minutes: 3 })(createRng(1))).toBe(3 * MINUTE);
  });

  it('resamples recorded durations uniformly', () => {
    const sample = samplerOf({ kind: 'empirical', minutes: [1, 2, 6] });
    const rng = createRng('empirical');
    const seen = new Map<number, number>();
    for (let i = 0; i < 30_000; i++) {
      const x = sample(rng) / MINUTE;
      seen.set(x, (seen.get(x) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual([1, 2, 6]);
    for (const count of seen.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    expect(meanMinutesOf({ kind: 'empirical', minutes: [1, 2, 6] })).toBe(3);
  });
});
