import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { iso } from './reason.js';

describe('iso', () => {
  it('writes every instant as Date.prototype.toISOString does', () => {
    const rng = createRng('queue/reason/iso');
    const instants = [
      0, -1, 1, 1.5, -1.5, 86_399_999, 86_400_000, -86_400_001, Date.UTC(2025, 10, 20, 23, 59, 59, 999),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(10_000, 0, 1), Date.UTC(0, 0, 1) - 1, 8.64e15, -8.64e15,
    ];
    for (let i = 0; i < 20_000; i++) instants.push((rng.next() - 0.5) * 8e14, Date.UTC(2025, 0, 1) + rng.next() * 1e10);
    for (const t of instants) expect(iso(t), String(t)).toBe(new Date(t).toISOString());
  });

  it('writes what is no instant as its number', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY].map(iso)).toEqual(['NaN', 'Infinity']);
  });
});
