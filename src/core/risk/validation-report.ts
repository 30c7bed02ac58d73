/**
 * The small toolkit the rule-set validator reads values with: each reader reports what is wrong with a value at its
 * path and carries on, so one pass finds every mistake in the set, not only the first.
 */
import {
  RISK_FIELD_REQUIRED,
  RISK_FIELD_TYPE,
  RISK_FIELD_UNKNOWN,
  RISK_VALUE_RANGE,
  type RuleSetIssue,
} from './rule-set-issues.js';

export type Segment = string | number;
export type Path = readonly Segment[];

/** Where a path is in the text: its key (for a misspelt field) or its value. */
export type Locate = (path: Path, at: 'key' | 'value') => { line: number; column: number } | undefined;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `rules[3].when.all[1]`, as the checks write paths; odd keys are quoted: `valuation.referenceValuePerKg["62.03"]`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export type Fields = Record<string, unknown>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

export class Report {
  readonly issues: RuleSetIssue[] = [];

  constructor(
    private readonly root: unknown,
    private readonly locate: Locate | undefined,
  ) {}

  add(code: string, path: Path, message: string, at: 'key' | 'value' = 'value'): void {
    const issue: RuleSetIssue = { code, path: formatPath(path), message };
    if (path[0] === 'rules' && typeof path[1] === 'number') {
      const rules = isFields(this.root) ? this.root.rules : undefined;
      const rule: unknown = Array.isArray(rules) ? rules[path[1]] : undefined;
      const id = isFields(rule) && typeof rule.id === 'string' ? rule.id : undefined;
      issue.rule = id === undefined ? { index: path[1] } : { index: path[1], id };
    }
    const place = this.locate?.(path, at);
    if (place !== undefined) {
      issue.line = place.line;
      issue.column = place.column;
    }
    this.issues.push(issue);
  }

  /** An object with only the known fields and all the required ones; undefined when it is not an object at all. */
  fields(value: unknown, path: Path, known: readonly string[], required: readonly string[], what: string): Fields | undefined {
    if (!isFields(value)) {
      this.add(RISK_FIELD_TYPE, path, `${what} is an object of named fields; found ${describe(value)}.`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        this.add(RISK_FIELD_UNKNOWN, [...path, key], `${what} has no field "${key}"; its fields are ${known.join(', ')}.`, 'key');
      }
    }
    for (const key of required) {
      if (value[key] === undefined) this.add(RISK_FIELD_REQUIRED, path, `${what} needs the field "${key}".`);
    }
    return value;
  }

  number(
    value: unknown,
    path: Path,
    what: string,
    range: { min: number; max: number; integer?: boolean; exclusiveMin?: boolean },
  ): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(RISK_FIELD_TYPE, path, `${what} is a number; found ${describe(value)}.`);
      return undefined;
    }
    const low = range.exclusiveMin === true ? value <= range.min : value < range.min;
    if (low || value > range.max || (range.integer === true && !Number.isInteger(value))) {
      const kind = range.integer === true ? 'a whole number' : 'a number';
      const bounds = range.exclusiveMin === true ? `above ${range.min} and at most ${range.max}` : `from ${range.min} to ${range.max}`;
      this.add(RISK_VALUE_RANGE, path, `${what} is ${kind} ${bounds}; found ${value}.`);
      return undefined;
    }
    return value;
  }

  text(value: unknown, path: Path, what: string, maxLength: number): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.add(RISK_FIELD_TYPE, path, `${what} is text; found ${describe(value)}.`);
      return undefined;
    }
    if (value.trim().length === 0 || value.length > maxLength) {
      this.add(RISK_VALUE_RANGE, path, `${what} is text of 1 to ${maxLength} characters; found ${value.length === 0 ? 'none' : `${value.length}`}.`);
      return undefined;
    }
    return value;
  }

  boolean(value: unknown, path: Path, what: string): boolean | undefined {
    if (value === undefined || typeof value === 'boolean') return value;
    this.add(RISK_FIELD_TYPE, path, `${what} is true or false; found ${describe(value)}.`);
    return undefined;
  }

  list(value: unknown, path: Path, what: string, length: { min: number; max: number }): unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.add(RISK_FIELD_TYPE, path, `${what} is a list; found ${describe(value)}.`);
      return undefined;
    }
    if (value.length < length.min || value.length > length.max) {
      this.add(RISK_VALUE_RANGE, path, `${what} holds ${length.min} to ${length.max} entries; found ${value.length}.`);
      return undefined;
    }
    return value;
  }

  /** A text from a closed list; `code` says which kind of list it is. */
  oneOf<T extends string>(value: unknown, path: Path, what: string, allowed: readonly T[], code: string): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.add(RISK_FIELD_TYPE, path, `${what} is text, one of ${allowed.join(', ')}; found ${describe(value)}.`);
      return undefined;
    }
    if (!(allowed as readonly string[]).includes(value)) {
      this.add(code, path, `${what} is one of ${allowed.join(', ')}; found ${JSON.stringify(value)}.`);
      return undefined;
    }
    return value as T;
  }
}
