import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { dayNumber } from './day-number.js';

describe('dayNumber', () => {
  it('counts days from 1970-01-01 as Date.UTC does, across leap years and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-02-29')).toBe(11_016);
    const rng = createRng('day-number');
    for (let i = 0; i < 2000; i++) {
      const ms = rng.int(Date.UTC(1, 0, 1), Date.UTC(9999, 11, 31));
      const day = new Date(ms).toISOString().slice(0, 10);
      if (day.startsWith('-') || day.startsWith('+')) continue;
      expect(dayNumber(day), day).toBe(Math.floor(ms / 86_400_000));
    }
  });

  it('refuses what is not a real day written YYYY-MM-DD', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026-1-01', '2026/01/01', '20260101', '', '2026-01-0x']) {
      expect(dayNumber(text), text).toBeNaN();
    }
  });
});
