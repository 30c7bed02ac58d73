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

export function issue(code: string, path: string, message: string): Issue {
  return { code, path, message };
}

/** An instant for a sentence; times are epoch milliseconds everywhere else. */
export function iso(t: number): string {
  return Number.isFinite(t) ? new Date(t).toISOString() : String(t);
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
