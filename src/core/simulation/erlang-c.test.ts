import { describe, expect, it } from 'vitest';
import { erlangC } from './erlang-c.js';

describe('erlangC', () => {
  it('gives the M/M/1 queue its closed form: Wq = ρ / (μ − λ)', () => {
    const q = erlangC(0.8, 1, 1);
    expect(q.probabilityOfWaiting).toBeCloseTo(0.8, 12);
    expect(q.meanWait).toBeCloseTo(0.8 / 0.2, 12);
    expect(q.meanQueueLength).toBeCloseTo(0.64 / 0.2, 12);
  });

  it('matches a published M/M/c value: c = 2, λ = 1, μ = 1 gives C = 1/3 and Wq = 1/3', () => {
    const q = erlangC(1, 1, 2);
    expect(q.probabilityOfWaiting).toBeCloseTo(1 / 3, 12);
    expect(q.meanWait).toBeCloseTo(1 / 3, 12);
  });

  it('keeps large server counts finite', () => {
    const q = erlangC(190, 1, 200);
    expect(Number.isFinite(q.meanWait)).toBe(true);
    expect(q.probabilityOfWaiting).toBeGreaterThan(0);
    expect(q.probabilityOfWaiting).toBeLessThan(1);
  });

  it('refuses an unstable queue', () => {
    expect(() => erlangC(3, 1, 3)).toThrow(/unstable/);
  });
});
