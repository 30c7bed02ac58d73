/**
 * How values cross between the domain and the columns, in one place for both dialects: JSON documents,
 * instants, and counts. Repositories never call JSON.parse, Date or Number on a row themselves.
 */
import type { Flag, Json, Timestamp } from './schema.js';

export function encodeJson(value: unknown): Json {
  return JSON.stringify(value);
}

/** The store reads back only what it wrote with `encodeJson`, so the shape is trusted, not validated again. */
export function decodeJson<T>(text: Json): T {
  return JSON.parse(text) as T;
}

export function encodeOptionalJson(value: unknown): Json | null {
  return value === undefined ? null : encodeJson(value);
}

export function decodeOptionalJson<T>(text: Json | null): T | undefined {
  return text === null ? undefined : decodeJson<T>(text);
}

/**
 * Brings any ISO 8601 instant to one canonical UTC form with milliseconds. On SQLite the column is text, and
 * only a single form makes text order equal to time order (`+05:00` offsets and missing milliseconds would
 * not); on PostgreSQL the timestamptz column comes back in that same form, so both dialects agree exactly.
 */
export function encodeTime(iso: string): Timestamp {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) throw new RangeError(`not an ISO 8601 timestamp: ${JSON.stringify(iso)}`);
  return time.toISOString();
}

/**
 * Counts come back as numbers from SQLite and as bigint text from PostgreSQL (`count(*)` is int8); the
 * PostgreSQL type parsers already convert, this covers whatever Kysely types a count as.
 */
export function decodeCount(value: string | number | bigint | undefined): number {
  return value === undefined ? 0 : Number(value);
}

/** Sets `key` only when the column holds a value, so an absent optional field stays absent, not undefined. */
export function optional<K extends string, V>(key: K, value: V | null): { [P in K]?: V } {
  return (value === null ? {} : { [key]: value }) as { [P in K]?: V };
}

/** 0 or 1: the one form both SQLite's integer column and PostgreSQL's boolean column accept. */
export function encodeFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}

export function decodeFlag(value: Flag): boolean {
  return value === true || value === 1;
}
