/**
 * Why the queue decided what it did. Every decision returns its reasons (a stable code and a sentence), and every
 * refusal is an Issue value with a code, the input field concerned and a sentence: nothing in the queue throws on
 * bad input.
 */
import type { Issue } from '../model/issue.js';

export interface Reason {
  code: string;
  message: string;
}

export function reason(code: string, message: string): Reason {
  return { code, message };
}

/**
 * The reasons' sentences as one text, joined by semicolons. A single reason's sentence is the text as it is: a
 * call usually has one, and joining an array of one copies the sentence into a new string.
 */
export function sentencesOf(reasons: readonly Reason[]): string {
  return reasons.length === 1 ? reasons[0]!.message : reasons.map((r) => r.message).join('; ');
}

export function issue(code: string, path: string, message: string): Issue {
  return { code, path, message };
}

const DAY = 86_400_000;
/** The last day formatted, as `YYYY-MM-DDT`: a queue's decisions fall on few days, and Date's formatting is slow. */
let cachedDay = Number.NaN;
let cachedDayPrefix = '';
/** The last instant written and its text: a check-in's sentences name the truck's place's instant twice. */
let lastInstant = Number.NaN;
let lastText = '';
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/**
 * An instant for a sentence, as `Date.prototype.toISOString` writes it; times are epoch milliseconds everywhere
 * else. The simulator builds millions of sentences, so the time of day is written here and only the date is
 * left to Date, once per day.
 */
export function iso(instant: number): string {
  if (instant === lastInstant) return lastText;
  if (!Number.isFinite(instant)) return String(instant);
  // Date keeps whole milliseconds, dropping any fraction toward zero.
  const t = Math.trunc(instant);
  const day = Math.floor(t / DAY);
  if (day !== cachedDay) {
    const text = new Date(t).toISOString();
    // Years before 0 or after 9999 are written with a sign and six digits: left to Date entirely.
    if (text.length !== 24) return text;
    cachedDay = day;
    cachedDayPrefix = text.slice(0, 11);
  }
  const ms = t - day * DAY;
  const seconds = Math.floor(ms / 1000);
  const milliseconds = ms - seconds * 1000;
  lastInstant = instant;
  lastText = `${cachedDayPrefix}${TWO_DIGITS[Math.floor(seconds / 3600)]!}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]!}:${TWO_DIGITS[seconds % 60]!}.${milliseconds < 100 ? (milliseconds < 10 ? '00' : '0') : ''}${milliseconds}Z`;
  return lastText;
}

/** A duration for a sentence, such as `2 h 05 min`. */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  const sign = ms < 0 ? '-' : '';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${sign}${rest} min`;
  return `${sign}${hours} h ${String(rest).padStart(2, '0')} min`;
}
