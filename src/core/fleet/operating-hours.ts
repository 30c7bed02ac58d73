/**
 * Whether a crossing with daily opening hours (Kegen–Karkyra works by day only) is open at a moment, and when it
 * opens next. Local clock time comes from the IANA zone through Intl, a pure function of the instant and the zone.
 */
import type { OperatingHours } from '../model/places.js';

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function minuteOfDay(time: number, timeZone: string): number {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(time)) {
    if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

function clockMinutes(clock: string): number {
  const [h, m] = clock.split(':');
  return Number(h) * 60 + Number(m);
}

export function isOpen(hours: OperatingHours | undefined, time: number): boolean {
  if (hours === undefined) return true;
  const now = minuteOfDay(time, hours.timeZone);
  const open = clockMinutes(hours.open);
  const close = clockMinutes(hours.close);
  return open <= close ? now >= open && now < close : now >= open || now < close;
}

/** `time` when open then, otherwise the first whole minute after it when the crossing is open. */
export function nextOpening(hours: OperatingHours | undefined, time: number): number {
  if (isOpen(hours, time)) return time;
  let t = Math.ceil(time / MINUTE) * MINUTE;
  // Stepping by minutes is at most a day's 1440 steps, and only for the one crossing that closes at night.
  for (let i = 0; i < 2 * 1440; i++, t += MINUTE) if (isOpen(hours, t)) return t;
  return time;
}
