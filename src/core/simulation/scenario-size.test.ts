import { describe, expect, it } from 'vitest';
import { expectedTrucks } from './scenario-size.js';

describe('expectedTrucks', () => {
  const backlog = { trucks: 1_000, builtOverHours: 24 };

  it('adds the arrivals expected at one rate, or at a rate for each hour of the day, to the backlog', () => {
    expect(expectedTrucks({ backlog, arrivalHours: 48, arrivals: { kind: 'poisson', ratePerHour: [20] } })).toBe(1_960);
    const daily = Array.from({ length: 24 }, (_, hour) => (hour < 12 ? 10 : 30));
    expect(expectedTrucks({ backlog, arrivalHours: 36, arrivals: { kind: 'poisson', ratePerHour: daily } })).toBe(1_000 + 12 * 10 + 12 * 30 + 12 * 10);
    expect(expectedTrucks({ backlog, arrivalHours: 1.5, arrivals: { kind: 'poisson', ratePerHour: [10] } })).toBe(1_015);
  });

  it('counts recorded arrivals as they are', () => {
    expect(expectedTrucks({ backlog, arrivalHours: 10, arrivals: { kind: 'replay', minutes: [1, 2, 3] } })).toBe(1_003);
  });
});
