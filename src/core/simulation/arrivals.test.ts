import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { arrivalsOf } from './arrivals.js';

const HOUR = 3_600_000;

function countByHour(rates: number[], days: number): number[] {
  const next = arrivalsOf({ kind: 'poisson', ratePerHour: rates }, 0, createRng('arrivals'));
  const counts = new Array<number>(24).fill(0);
  for (let t = next(0); t < days * 24 * HOUR; t = next(t)) counts[Math.floor(t / HOUR) % 24]!++;
  return counts;
}

describe('arrivalsOf', () => {
  it('keeps a constant rate', () => {
    const counts = countByHour([30], 100);
    const total = counts.reduce((a, b) => a + b, 0);
    // 72,000 expected; the standard deviation is about 268.
    expect(Math.abs(total - 72_000)).toBeLessThan(1200);
  });

  it('follows a rate that changes by the hour, with none in hours of rate 0', () => {
    const rates = Array.from({ length: 24 }, (_, h) => (h < 6 ? 0 : h < 18 ? 40 : 10));
    const counts = countByHour(rates, 100);
    expect(counts.slice(0, 6).every((c) => c === 0)).toBe(true);
    for (let h = 6; h < 24; h++) {
      const expected = rates[h]! * 100;
      expect(Math.abs(counts[h]! - expected)).toBeLessThan(5 * Math.sqrt(expected));
    }
  });

  it('replays recorded arrivals and then stops', () => {
    const next = arrivalsOf({ kind: 'replay', minutes: [1, 2.5, 10] }, 1000, createRng('unused'));
    expect([next(1000), next(0), next(0), next(0)]).toEqual([1000 + 60_000, 1000 + 150_000, 1000 + 600_000, Infinity]);
  });

  it('never arrives when every rate is 0', () => {
    expect(arrivalsOf({ kind: 'poisson', ratePerHour: [0] }, 0, createRng('x'))(0)).toBe(Infinity);
  });
});
