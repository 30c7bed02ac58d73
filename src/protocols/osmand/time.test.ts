import { describe, expect, it } from 'vitest';
import { parseOsmandTime } from './time.js';

describe('OsmAnd timestamp', () => {
  const t = Date.UTC(2026, 2, 14, 9, 30, 15);

  it('reads Unix seconds, with or without a fraction, and Unix milliseconds', () => {
    expect(parseOsmandTime(String(t / 1000))).toBe(t);
    expect(parseOsmandTime(`${t / 1000}.25`)).toBe(t + 250);
    expect(parseOsmandTime(String(t))).toBe(t);
  });

  it('reads ISO 8601 with a zone, and without one as UTC', () => {
    expect(parseOsmandTime('2026-03-14T09:30:15Z')).toBe(t);
    expect(parseOsmandTime('2026-03-14T09:30:15.123Z')).toBe(t + 123);
    expect(parseOsmandTime('2026-03-14T14:30:15+05:00')).toBe(t);
    expect(parseOsmandTime('2026-03-14T06:30:15-0300')).toBe(t);
    expect(parseOsmandTime('2026-03-14 09:30:15')).toBe(t);
    expect(parseOsmandTime('2026-03-14T09:30')).toBe(t - 15_000);
  });

  it('rejects digits past the last instant a Date holds (found by fuzzing)', () => {
    expect(parseOsmandTime('8640000000000000')).toBe(8.64e15);
    expect(parseOsmandTime('8640000000000001')).toBeUndefined();
    expect(parseOsmandTime('99999999999999999999')).toBeUndefined();
    expect(parseOsmandTime('9'.repeat(400))).toBeUndefined();
  });

  it('rejects what is not a time', () => {
    for (const text of ['', 'yesterday', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-14T24:00:00Z',
      '2026-03-14', '12:00:00', '0x10', '-5', '1e10', '2026-03-14T09:30:15+25:00']) {
      expect(parseOsmandTime(text), text).toBeUndefined();
    }
  });
});
