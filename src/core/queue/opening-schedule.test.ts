import { describe, expect, it } from 'vitest';
import { openingSchedule, zoneOffset } from './opening-schedule.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('openingSchedule', () => {
  // Kegen – Karkyra keeps 08:00–18:00 in Asia/Almaty, UTC+5 since 2024-03-01 (border-crossings.ts).
  const kegen = openingSchedule({ open: '08:00', close: '18:00', timeZone: 'Asia/Almaty' });

  it('turns local hours into UTC windows with the zone of the day', () => {
    expect(zoneOffset('Asia/Almaty', at('2026-05-04T12:00:00Z'))).toBe(5 * HOUR);
    expect(kegen.isOpen(at('2026-05-04T02:59:59Z'))).toBe(false);
    expect(kegen.isOpen(at('2026-05-04T03:00:00Z'))).toBe(true);
    expect(kegen.isOpen(at('2026-05-04T12:59:59Z'))).toBe(true);
    expect(kegen.isOpen(at('2026-05-04T13:00:00Z'))).toBe(false);
    expect(kegen.nextOpen(at('2026-05-04T13:00:00Z'))).toBe(at('2026-05-05T03:00:00Z'));
    expect(kegen.nextOpen(at('2026-05-04T05:00:00Z'))).toBe(at('2026-05-04T05:00:00Z'));
  });

  it('keeps the offset the zone had on the day (Almaty was UTC+6 before March 2024)', () => {
    expect(kegen.isOpen(at('2024-01-10T02:30:00Z'))).toBe(true);
    expect(kegen.isOpen(at('2024-01-10T12:30:00Z'))).toBe(false);
  });

  it('adds open time across nights and counts open time between instants', () => {
    // 12:00Z is 17:00 local: one hour left today, the other three from 08:00 tomorrow.
    expect(kegen.addOpenTime(at('2026-05-04T12:00:00Z'), 4 * HOUR)).toBe(at('2026-05-05T06:00:00Z'));
    expect(kegen.addOpenTime(at('2026-05-04T20:00:00Z'), 0)).toBe(at('2026-05-05T03:00:00Z'));
    expect(kegen.openMsBetween(at('2026-05-04T00:00:00Z'), at('2026-05-06T00:00:00Z'))).toBe(20 * HOUR);
    expect(kegen.openIntervals(at('2026-05-04T12:00:00Z'), at('2026-05-05T04:00:00Z'))).toEqual([
      [at('2026-05-04T12:00:00Z'), at('2026-05-04T13:00:00Z')],
      [at('2026-05-05T03:00:00Z'), at('2026-05-05T04:00:00Z')],
    ]);
  });

  it('runs overnight hours from one day into the next, and through a daylight-saving change', () => {
    const night = openingSchedule({ open: '20:00', close: '08:00', timeZone: 'UTC' });
    expect(night.isOpen(at('2026-05-04T23:00:00Z'))).toBe(true);
    expect(night.isOpen(at('2026-05-05T07:59:00Z'))).toBe(true);
    expect(night.isOpen(at('2026-05-05T12:00:00Z'))).toBe(false);
    expect(night.nextOpen(at('2026-05-05T12:00:00Z'))).toBe(at('2026-05-05T20:00:00Z'));
    // Berlin moves from +1 to +2 on 2026-03-29: 08:00 local is 07:00Z before and 06:00Z after.
    const berlin = openingSchedule({ open: '08:00', close: '18:00', timeZone: 'Europe/Berlin' });
    expect(berlin.nextOpen(at('2026-03-28T00:00:00Z'))).toBe(at('2026-03-28T07:00:00Z'));
    expect(berlin.nextOpen(at('2026-03-30T00:00:00Z'))).toBe(at('2026-03-30T06:00:00Z'));
  });

  it('is always open without hours, or with open equal to close', () => {
    for (const schedule of [openingSchedule(null), openingSchedule({ open: '00:00', close: '00:00', timeZone: 'Asia/Almaty' })]) {
      expect(schedule.alwaysOpen).toBe(true);
      expect(schedule.nextOpen(123)).toBe(123);
      expect(schedule.addOpenTime(0, HOUR)).toBe(HOUR);
    }
  });
});
