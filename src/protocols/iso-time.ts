/**
 * ISO 8601 date and time as devices and their gateways send it (`2026-05-01T12:00:00Z`, with a space for the
 * `T`, minutes-only, a fraction, an offset with or without its colon), to milliseconds since the epoch. Shared
 * by the text protocols; a time without a zone is UTC unless the caller demands a zone.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Milliseconds since the epoch of an ISO 8601 date-time, or undefined when it is not one or names no real instant. */
export function parseIsoDateTime(text: string, requireZone = false): number | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  if (zone === undefined && requireZone) return undefined;
  const year = Number(y), month = Number(mo), day = Number(d), hour = Number(h), minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let time = Date.UTC(year, month - 1, day, hour, minute, second);
  if (year < 100) time = new Date(time).setUTCFullYear(year);
  if (fraction !== undefined) time += Math.floor(Number(`0.${fraction}`) * 1000);
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 23 || offsetMinutes > 59) return undefined;
    time -= sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  }
  return time;
}
