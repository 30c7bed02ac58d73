/**
 * Durations drawn from a distribution (service times, document completion delays), in milliseconds. Scenarios
 * give them in minutes, as people measure them at a crossing.
 */
import type { Rng } from '../random/index.js';

const MINUTE = 60_000;

export type Distribution =
  | { kind: 'exponential'; meanMinutes: number }
  /** Log-normal with the given mean and standard deviation of the duration itself (not of its logarithm). */
  | { kind: 'lognormal'; meanMinutes: number; sdMinutes: number }
  | { kind: 'fixed'; minutes: number }
  /** Recorded durations, resampled uniformly. */
  | { kind: 'empirical'; minutes: readonly number[] };

export type Sampler = (rng: Rng) => number;

export function meanMinutesOf(distribution: Distribution): number {
  switch (distribution.kind) {
    case 'exponential':
    case 'lognormal':
      return distribution.meanMinutes;
    case 'fixed':
      return distribution.minutes;
    case 'empirical':
      return distribution.minutes.reduce((sum, m) => sum + m, 0) / distribution.minutes.length;
  }
}

/** A function drawing durations in ms; the parameters are worked out once, not per draw. */
export function samplerOf(distribution: Distribution): Sampler {
  switch (distribution.kind) {
    case 'exponential': {
      const rate = 1 / (distribution.meanMinutes * MINUTE);
      return (rng) => rng.exponential(rate);
    }
    case 'lognormal': {
      // For a log-normal of mean m and standard deviation s: σ² = ln(1 + s²/m²), μ = ln m − σ²/2.
      const m = distribution.meanMinutes * MINUTE;
      const s = distribution.sdMinutes * MINUTE;
      const sigma = Math.sqrt(Math.log(1 + (s * s) / (m * m)));
      const mu = Math.log(m) - (sigma * sigma) / 2;
      return (rng) => rng.lognormal(mu, sigma);
    }
    case 'fixed': {
      const ms = distribution.minutes * MINUTE;
      return () => ms;
    }
    case 'empirical': {
      const values = distribution.minutes.map((m) => m * MINUTE);
      return (rng) => values[rng.int(0, values.length - 1)]!;
    }
  }
}
