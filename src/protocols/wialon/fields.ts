/**
 * Parsing the fields Wialon IPS messages share. `NA` (and an empty field) means "no value". Coordinates are
 * degrees and minutes (`DDMM.MMMM` and `DDDMM.MMMM`) with a hemisphere letter; date is `DDMMYY` and time
 * `HHMMSS` (2.1 allows a fraction of a second), both UTC.
 */

export function isAbsent(field: string): boolean {
  return field === 'NA' || field === '';
}

/** Milliseconds since the epoch; `absentAt` when both are NA (the spec lets the server stamp its own time). */
export function parseDateTime(date: string, time: string, absentAt: number): number | undefined {
  if (isAbsent(date) && isAbsent(time)) return absentAt;
  const d = /^(\d\d)(\d\d)(\d\d)$/.exec(date);
  const t = /^(\d\d)(\d\d)(\d\d)(?:\.(\d{1,9}))?$/.exec(time);
  if (!d || !t) return undefined;
  const [day, month, year] = [Number(d[1]), Number(d[2]), 2000 + Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3])];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 February over into March; a date that does not survive the round trip is no date.
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  const fraction = t[4] ? Math.floor(Number(`0.${t[4]}`) * 1000) : 0;
  return ms + fraction;
}

/**
 * Signed decimal degrees from `DDMM.MMMM` and `N`/`S` (or `DDDMM.MMMM` and `E`/`W`). Undefined when both are
 * NA, `null` when malformed or out of range.
 */
export function parseCoordinate(value: string, hemisphere: string, axis: 'lat' | 'lon'): number | null | undefined {
  if (isAbsent(value)) return undefined;
  const m = /^(\d{1,3})(\d\d(?:\.\d+)?)$/.exec(value);
  if (!m) return null;
  const degrees = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes >= 60) return null;
  const [positive, negative, max] = axis === 'lat' ? ['N', 'S', 90] : ['E', 'W', 180];
  if (hemisphere !== positive && hemisphere !== negative) return null;
  const abs = degrees + minutes / 60;
  if (abs > max) return null;
  return hemisphere === negative ? -abs : abs;
}

/** A finite number, `undefined` for NA, `null` for anything else. */
export function parseNumber(field: string): number | null | undefined {
  if (isAbsent(field)) return undefined;
  if (!/^-?\d+(?:\.\d+)?$/.test(field)) return null;
  // Enough digits make Infinity, which no speed or sensor is.
  const value = Number(field);
  return Number.isFinite(value) ? value : null;
}

/** A non-negative integer, `undefined` for NA, `null` for anything else. */
export function parseCount(field: string): number | null | undefined {
  if (isAbsent(field)) return undefined;
  if (!/^\d{1,15}$/.test(field)) return null;
  return Number(field);
}
