/**
 * Defensive readers for input that may come from untrusted JSON: each reads one field, reports what is wrong with
 * it, and returns the value only when it has the expected type. Paths and messages are built only for an issue.
 */
import type { Issue } from '../model/issue.js';
import { FIELD_REQUIRED, FIELD_TYPE } from './issue-codes.js';

export type Fields = Readonly<Record<string, unknown>>;

/** Whose fields are being read: the path prefix (`''` at the top) and words for a person (`goods item 3`). */
export interface Owner {
  path: string;
  label: string;
}

export const DECLARATION: Owner = { path: '', label: '' };

const CACHED_ITEMS = 64;

/**
 * The owners of a list's items (`goods[2]`, "goods item 3"), made once for the first 64 indexes so checking a
 * declaration does not rebuild the same strings every time.
 */
export function itemOwners(list: string, noun: string): (index: number) => Owner {
  const make = (i: number): Owner => ({ path: `${list}[${i}]`, label: `${noun} ${i + 1}` });
  const cached = Array.from({ length: CACHED_ITEMS }, (_, i) => Object.freeze(make(i)));
  return (i) => cached[i] ?? make(i);
}

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function pathOf(owner: Owner, key: string): string {
  return owner.path === '' ? key : `${owner.path}.${key}`;
}

/** "the name of the consignee", or "the reference" for the declaration's own fields. */
export function fieldName(owner: Owner, field: string): string {
  return owner.label === '' ? `the ${field}` : `the ${field} of ${owner.label}`;
}

export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function issue(code: string, path: string, message: string): Issue {
  return { code, path, message };
}

/** "a number", "an array", "null", for saying what was found instead. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`;
}

/** A value for a message: text quoted, anything else by its kind; never throws, whatever the value. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : kindOf(value);
}

export function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  // Nearly every value starts with a visible ASCII character; only the rest need the full Unicode whitespace test.
  if (first > 32 && first < 127) return false;
  return text.trim().length === 0;
}

/** `subject` is what a person calls the field, such as "the name of the consignor" or "seal 2". */
export function missing(path: string, subject: string, issues: Issue[]): void {
  issues.push(issue(FIELD_REQUIRED, path, `${sentence(subject)} is required.`));
}

export function mistyped(path: string, subject: string, expected: string, value: unknown, issues: Issue[]): void {
  issues.push(issue(FIELD_TYPE, path, `${sentence(subject)} must be ${expected}; ${kindOf(value)} was given.`));
}

function required(owner: Owner, key: string, field: string, issues: Issue[]): void {
  missing(pathOf(owner, key), fieldName(owner, field), issues);
}

function wrongType(owner: Owner, key: string, field: string, expected: string, value: unknown, issues: Issue[]): void {
  mistyped(pathOf(owner, key), fieldName(owner, field), expected, value, issues);
}

/** A required, non-blank text field; returned as written (not trimmed) when present. */
export function requiredText(fields: Fields, owner: Owner, key: string, field: string, issues: Issue[]): string | undefined {
  const value = fields[key];
  if (typeof value === 'string') {
    if (!isBlank(value)) return value;
    required(owner, key, field, issues);
  } else if (value === undefined || value === null) {
    required(owner, key, field, issues);
  } else {
    wrongType(owner, key, field, 'text', value, issues);
  }
  return undefined;
}

/** An optional text field: absence and null are fine, another type is reported. */
export function optionalText(fields: Fields, owner: Owner, key: string, field: string, issues: Issue[]): string | undefined {
  const value = fields[key];
  if (typeof value === 'string') return value;
  if (value !== undefined && value !== null) wrongType(owner, key, field, 'text', value, issues);
  return undefined;
}

/** A required number; any number is returned, NaN included, for the caller to judge its range. */
export function requiredNumber(fields: Fields, owner: Owner, key: string, field: string, issues: Issue[]): number | undefined {
  const value = fields[key];
  if (typeof value === 'number') return value;
  if (value === undefined || value === null) required(owner, key, field, issues);
  else wrongType(owner, key, field, 'a number', value, issues);
  return undefined;
}

/** An optional number: absence and null are fine, another type is reported; NaN is returned for the caller to judge. */
export function optionalNumber(fields: Fields, owner: Owner, key: string, field: string, issues: Issue[]): number | undefined {
  const value = fields[key];
  if (typeof value === 'number') return value;
  if (value !== undefined && value !== null) wrongType(owner, key, field, 'a number', value, issues);
  return undefined;
}

/** A required object field. */
export function requiredFields(fields: Fields, owner: Owner, key: string, field: string, issues: Issue[]): Fields | undefined {
  const value = fields[key];
  if (isFields(value)) return value;
  if (value === undefined || value === null) required(owner, key, field, issues);
  else wrongType(owner, key, field, 'an object', value, issues);
  return undefined;
}

/**
 * A list field that may be absent (read as empty, for the caller to say what is missing) but not of another type;
 * undefined when it has another type.
 */
export function listOrEmpty(fields: Fields, owner: Owner, key: string, field: string, issues: Issue[]): readonly unknown[] | undefined {
  const value = fields[key];
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return [];
  wrongType(owner, key, field, 'a list', value, issues);
  return undefined;
}

/** Re-homes issues of a nested check (reported with an empty path) under `path`. */
export function pushAt(path: string, found: readonly Issue[], issues: Issue[]): void {
  for (const each of found) issues.push(issue(each.code, each.path === '' ? path : `${path}.${each.path}`, each.message));
}
