import { describe, expect, it } from 'vitest';
import { parseIsoDateTime } from './iso-time.js';

describe('ISO 8601 date-time', () => {
  const t = Date.UTC(2026, 2, 14, 9, 30, 15);

  it('reads a zone, an offset with or without its colon, a fraction, a space for the T, and minutes only', () => {
    expect(parseIsoDateTime('2026-03-14T09:30:15Z')).toBe(t);
    expect(parseIsoDateTime('2026-03-14T09:30:15.123Z')).toBe(t + 123);
    expect(parseIsoDateTime('2026-03-14T09:30:15,5z')).toBe(t + 500);
    expect(parseIsoDateTime('2026-03-14T14:30:15+05:00')).toBe(t);
    expect(parseIsoDateTime('2026-03-14T06:30:15-0300')).toBe(t);
    expect(parseIsoDateTime('2026-03-14 09:30:15')).toBe(t);
    expect(parseIsoDateTime('2026-03-14T09:30')).toBe(t - 15_000);
  });

  it('reads a time without a zone as UTC, unless a zone is demanded', () => {
    expect(parseIsoDateTime('2026-03-14T09:30:15')).toBe(t);
    expect(parseIsoDateTime('2026-03-14T09:30:15', true)).toBeUndefined();
    expect(parseIsoDateTime('2026-03-14T09:30:15Z', true)).toBe(t);
  });

  it('keeps years below 100 as they are', () => {
    expect(parseIsoDateTime('0042-01-01T00:00:00Z')).toBe(new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(42));
  });

  it('rejects what names no real instant', () => {
    for (const text of ['', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-03-14T24:00:00Z', '2026-03-14T09:60:00Z',
      '2026-03-14T09:30:60Z', '2026-03-14', '2026-03-14T09:30:15+25:00', '2026-03-14T09:30:15+05:60', '2026-3-14T09:30:15Z']) {
      expect(parseIsoDateTime(text), text).toBeUndefined();
    }
  });
});
