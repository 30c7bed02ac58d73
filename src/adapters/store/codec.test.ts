import { describe, expect, it } from 'vitest';
import { decodeCount, decodeFlag, decodeJson, encodeFlag, encodeJson, encodeTime, optional } from './codec.js';

describe('column codec', () => {
  it('brings every instant to canonical UTC with milliseconds', () => {
    expect(encodeTime('2025-03-01T10:00:00+05:00')).toBe('2025-03-01T05:00:00.000Z');
    expect(encodeTime('2025-03-01T05:00:00.123456Z')).toBe('2025-03-01T05:00:00.123Z');
    expect(() => encodeTime('yesterday')).toThrow(RangeError);
  });

  it('round-trips JSON and reads counts of any driver as numbers', () => {
    const value = { name: 'Ақ Жол', n: 0.1 + 0.2, list: [1, null, 'x'] };
    expect(decodeJson(encodeJson(value))).toStrictEqual(value);
    expect(decodeCount('42')).toBe(42);
    expect(decodeCount(7n)).toBe(7);
    expect(decodeCount(undefined)).toBe(0);
  });

  it('leaves an absent optional field absent', () => {
    expect(optional('tin', null)).toStrictEqual({});
    expect(optional('tin', '')).toStrictEqual({ tin: '' });
  });

  it('writes flags as 0 or 1 and reads both drivers\' forms', () => {
    expect([encodeFlag(true), encodeFlag(false)]).toStrictEqual([1, 0]);
    expect([decodeFlag(1), decodeFlag(0), decodeFlag(true), decodeFlag(false)]).toStrictEqual([true, false, true, false]);
  });
});
