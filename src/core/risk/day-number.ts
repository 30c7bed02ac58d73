/** Days as whole numbers since 1970-01-01, from `YYYY-MM-DD` text, so party ages are a subtraction. */
import { isRealDate } from '../identity/calendar.js';

const DAY_MS = 86_400_000;

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The day's number, or NaN when the text is not a real calendar day written `YYYY-MM-DD`. */
export function dayNumber(text: string): number {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return Number.NaN;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0 || !isRealDate(year, month, day)) return Number.NaN;
  return Date.UTC(year, month - 1, day) / DAY_MS;
}
