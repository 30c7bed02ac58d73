/**
 * When trucks arrive at the crossing: a Poisson process whose rate may change by the hour of the day, or the
 * arrival times of a recorded day replayed. Each is a generator of successive times, so a million arrivals need
 * no list of a million times.
 */
import type { Rng } from '../random/index.js';

const HOUR = 3_600_000;

export type ArrivalProcess =
  /**
   * Trucks an hour: one rate for every hour, or 24, the first for the hour after the scenario's start (start a
   * scenario at local midnight to read them as hours of the day).
   */
  | { kind: 'poisson'; ratePerHour: readonly number[] }
  /** Recorded arrivals, as minutes after the start, ascending. */
  | { kind: 'replay'; minutes: readonly number[] };

/** Returns the next arrival's time after the previous one (the start first), or Infinity when there are no more. */
export type NextArrival = (previous: number) => number;

export function arrivalsOf(process: ArrivalProcess, start: number, rng: Rng): NextArrival {
  if (process.kind === 'replay') {
    let i = 0;
    const times = process.minutes.map((m) => start + m * 60_000);
    return () => (i < times.length ? times[i++]! : Infinity);
  }
  const rates = process.ratePerHour;
  if (rates.every((r) => !(r > 0))) return () => Infinity;
  return (previous) => {
    // A piecewise-constant rate by inversion: an exponential amount of "hazard" (mean 1) is spent hour by hour at
    // each hour's rate, so an hour of rate 0 lets no truck arrive and the next busy hour picks up the rest.
    let hazard = rng.exponential(1);
    let t = previous;
    for (;;) {
      const hourIndex = Math.floor((t - start) / HOUR);
      const rate = rates[((hourIndex % rates.length) + rates.length) % rates.length]!;
      const hourEnd = start + (hourIndex + 1) * HOUR;
      const available = (rate * (hourEnd - t)) / HOUR;
      if (rate > 0 && hazard <= available) return t + (hazard / rate) * HOUR;
      hazard -= rate > 0 ? available : 0;
      t = hourEnd;
    }
  };
}
