/** Calendar arithmetic on `YYYY-MM-DD` days, in UTC so that no time zone or clock enters. */

const DAY_MS = 86_400_000;

function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) throw new RangeError(`a day is written YYYY-MM-DD, got ${JSON.stringify(day)}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (new Date(ms).toISOString().slice(0, 10) !== day) throw new RangeError(`${day} is not a calendar day`);
  return ms;
}

/** `day` moved by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  return new Date(parseDay(day) + days * DAY_MS).toISOString().slice(0, 10);
}
