/**
 * Validates one condition tree of the rule language (conditions.ts), reporting every mistake with its path, and
 * returns it typed with the names of the inputs it fills, against which the rule's explanation is checked.
 */
import * as CHECK_CODES from '../checks/issue-codes.js';
import { isCountryCode } from '../checks/country.js';
import { DOCUMENT_TYPES, type DocumentType } from '../model/declaration.js';
import {
  CONDITION_KINDS,
  COUNTRY_HOLDERS,
  TIN_HOLDERS,
  type Comparison,
  type Condition,
  type ConditionKind,
} from './conditions.js';
import { inputKeysOf } from './condition-inputs.js';
import { FINDING_RESULTS, type FindingResult } from './inspection-result.js';
import { HISTORY_ROLES, TRIP_ALERT_TYPES, type TripAlertType } from './risk-context.js';
import {
  RISK_COMPARISON,
  RISK_CONDITION_DEPTH,
  RISK_CONDITION_KIND,
  RISK_FIELD_TYPE,
  RISK_HS_CODE,
  RISK_VALUATION_MISSING,
  RISK_VALUE_UNKNOWN,
} from './rule-set-issues.js';
import { isFields, type Path, type Report } from './validation-report.js';

/** Deep enough for any rule a person writes, shallow enough that compiling cannot exhaust the stack. */
export const MAX_CONDITION_DEPTH = 16;
const MAX_CHILDREN = 1000;
const MAX_PREFIXES = 10_000;
const MAX_DAYS = 36_600;
const MAX_COUNT = 1_000_000_000;

const ISSUE_CODES: readonly string[] = [...new Set<string>(Object.values(CHECK_CODES))].sort();

export interface ConditionOptions {
  /** The set has reference values, so valuation conditions can be compiled. */
  hasValuation: boolean;
}

export interface ValidCondition {
  condition: Condition;
  /** The inputs this condition fills when it decides, for checking explanation placeholders. */
  keys: ReadonlySet<string>;
}

const isDigits = (text: string): boolean => /^[0-9]+$/.test(text);

/** A goods code of one of the `lengths`, written as text. */
export function readHsCode(
  report: Report,
  value: unknown,
  path: Path,
  lengths: readonly number[],
  what: string,
  at: 'key' | 'value' = 'value',
): string | undefined {
  const allowed = lengths.length === 2 ? `${lengths[0]} or ${lengths[1]}` : `${lengths[0]} to ${lengths[lengths.length - 1]}`;
  if (typeof value === 'number') {
    report.add(RISK_HS_CODE, path, `${what} is written as text in quotes ("0406", not 0406): unquoted, YAML reads it as the number ${value} and loses any leading zero.`, at);
    return undefined;
  }
  if (typeof value !== 'string' || !isDigits(value) || !lengths.includes(value.length)) {
    // A YAML key or value written without quotes loses its leading zero: say so when that is the likely cause.
    const hint = typeof value === 'string' && isDigits(value) && lengths.includes(value.length + 1) ? ' If it began with 0, write it in quotes.' : '';
    report.add(RISK_HS_CODE, path, `${what} is ${allowed} digits of an HS code; found ${JSON.stringify(value)}.${hint}`, at);
    return undefined;
  }
  return value;
}

const HS_PREFIX_LENGTHS = [2, 3, 4, 5, 6, 7, 8, 9, 10];

/** A non-empty list of goods code prefixes (2 to 10 digits, in quotes). */
export function readPrefixes(report: Report, value: unknown, path: Path): string[] | undefined {
  const list = report.list(value, path, 'A list of goods code prefixes', { min: 1, max: MAX_PREFIXES });
  if (list === undefined) return undefined;
  const out: string[] = [];
  list.forEach((entry, i) => {
    const code = readHsCode(report, entry, [...path, i], HS_PREFIX_LENGTHS, 'A goods code prefix');
    if (code !== undefined) out.push(code);
  });
  return out.length === list.length ? out : undefined;
}

/** A non-empty list of values from a closed list. */
export function readChoices<T extends string>(report: Report, value: unknown, path: Path, what: string, allowed: readonly T[]): T[] | undefined {
  const list = report.list(value, path, `A list of ${what}s`, { min: 1, max: Math.max(allowed.length, 1) * 4 });
  if (list === undefined) return undefined;
  const out: T[] = [];
  list.forEach((entry, i) => {
    const choice = report.oneOf(entry, [...path, i], `A ${what}`, allowed, RISK_VALUE_UNKNOWN);
    if (choice !== undefined) out.push(choice);
  });
  return out.length === list.length ? out : undefined;
}

function readComparison(report: Report, value: unknown, path: Path, what: string, max: number, integer: boolean): Comparison | undefined {
  const fields = report.fields(value, path, ['atLeast', 'atMost'], [], what);
  if (fields === undefined) return undefined;
  return comparisonFrom(report, fields, path, what, max, integer);
}

/** `atLeast` and `atMost` read from `fields`, which may hold other fields as well. */
function comparisonFrom(
  report: Report,
  fields: Record<string, unknown>,
  path: Path,
  what: string,
  max: number,
  integer: boolean,
): Comparison | undefined {
  const atLeast = report.number(fields.atLeast, [...path, 'atLeast'], 'atLeast', { min: 0, max, integer });
  const atMost = report.number(fields.atMost, [...path, 'atMost'], 'atMost', { min: 0, max, integer });
  if (fields.atLeast === undefined && fields.atMost === undefined) {
    report.add(RISK_COMPARISON, path, `${what} needs atLeast, atMost or both.`);
    return undefined;
  }
  if ((fields.atLeast !== undefined && atLeast === undefined) || (fields.atMost !== undefined && atMost === undefined)) return undefined;
  if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
    report.add(RISK_COMPARISON, path, `${what} has atLeast ${atLeast} above atMost ${atMost}, so it could never hold.`);
    return undefined;
  }
  const out: Comparison = {};
  if (atLeast !== undefined) out.atLeast = atLeast;
  if (atMost !== undefined) out.atMost = atMost;
  return out;
}

/** Undefined for anything invalid, after reporting every reason. */
type Reader = (report: Report, value: unknown, path: Path, options: ConditionOptions, depth: number) => Condition | undefined;

function children(report: Report, value: unknown, path: Path, options: ConditionOptions, depth: number, kind: string): Condition[] | undefined {
  const list = report.list(value, path, `"${kind}"`, { min: 1, max: MAX_CHILDREN });
  if (list === undefined) return undefined;
  const out: Condition[] = [];
  list.forEach((entry, i) => {
    const child = readCondition(report, entry, [...path, i], options, depth + 1);
    if (child !== undefined) out.push(child);
  });
  return out.length === list.length ? out : undefined;
}

const READERS: Record<ConditionKind, Reader> = {
  all: (report, value, path, options, depth) => {
    const all = children(report, value, path, options, depth, 'all');
    return all === undefined ? undefined : { all };
  },
  any: (report, value, path, options, depth) => {
    const any = children(report, value, path, options, depth, 'any');
    return any === undefined ? undefined : { any };
  },
  not: (report, value, path, options, depth) => {
    const not = readCondition(report, value, path, options, depth + 1);
    return not === undefined ? undefined : { not };
  },
  hsPrefix: (report, value, path) => {
    const hsPrefix = readPrefixes(report, value, path);
    return hsPrefix === undefined ? undefined : { hsPrefix };
  },
  valueBelowReference: (report, value, path, options) => {
    const fields = report.fields(value, path, ['fraction', 'hsPrefix'], ['fraction'], '"valueBelowReference"');
    if (fields === undefined) return undefined;
    if (!options.hasValuation) {
      report.add(RISK_VALUATION_MISSING, path, 'A valuation condition needs the rule set\'s "valuation" with reference values per kilogram.');
    }
    const fraction = report.number(fields.fraction, [...path, 'fraction'], 'The fraction of the reference value', { min: 0, max: 1, exclusiveMin: true });
    const hsPrefix = fields.hsPrefix === undefined ? undefined : readPrefixes(report, fields.hsPrefix, [...path, 'hsPrefix']);
    if (fraction === undefined || (fields.hsPrefix !== undefined && hsPrefix === undefined) || !options.hasValuation) return undefined;
    return { valueBelowReference: hsPrefix === undefined ? { fraction } : { fraction, hsPrefix } };
  },
  documentMissing: (report, value, path) => {
    const types = readChoices<DocumentType>(report, value, path, 'document type', DOCUMENT_TYPES);
    return types === undefined ? undefined : { documentMissing: types };
  },
  documentPresent: (report, value, path) => {
    const types = readChoices<DocumentType>(report, value, path, 'document type', DOCUMENT_TYPES);
    return types === undefined ? undefined : { documentPresent: types };
  },
  goodsItems: (report, value, path) => {
    const comparison = readComparison(report, value, path, '"goodsItems"', 999, true);
    return comparison === undefined ? undefined : { goodsItems: comparison };
  },
  country: (report, value, path) => {
    const fields = report.fields(value, path, ['of', 'in'], ['of', 'in'], '"country"');
    if (fields === undefined) return undefined;
    const of = report.oneOf(fields.of, [...path, 'of'], 'Whose country', COUNTRY_HOLDERS, RISK_VALUE_UNKNOWN);
    const list = report.list(fields.in, [...path, 'in'], 'The list of countries', { min: 1, max: 300 });
    let codes: string[] | undefined;
    if (list !== undefined) {
      codes = [];
      list.forEach((entry, i) => {
        if (typeof entry === 'string' && isCountryCode(entry)) codes!.push(entry);
        else report.add(RISK_VALUE_UNKNOWN, [...path, 'in', i], `A country is an ISO 3166-1 alpha-2 code in capitals, such as CN; found ${JSON.stringify(entry)}.`);
      });
      if (codes.length !== list.length) codes = undefined;
    }
    return of === undefined || codes === undefined ? undefined : { country: { of, in: codes } };
  },
  checkIssue: (report, value, path) => {
    const fields = report.fields(value, path, ['codes', 'path'], ['codes'], '"checkIssue"');
    if (fields === undefined) return undefined;
    const codes = readChoices(report, fields.codes, [...path, 'codes'], 'document check issue code', ISSUE_CODES);
    const at = report.text(fields.path, [...path, 'path'], 'The path of the field', 200);
    if (codes === undefined || (fields.path !== undefined && at === undefined)) return undefined;
    return { checkIssue: at === undefined ? { codes } : { codes, path: at } };
  },
  firstSeen: (report, value, path) => {
    const fields = report.fields(value, path, ['of', 'withinDays'], ['of', 'withinDays'], '"firstSeen"');
    if (fields === undefined) return undefined;
    const of = report.oneOf(fields.of, [...path, 'of'], 'Whose first appearance', HISTORY_ROLES, RISK_VALUE_UNKNOWN);
    const withinDays = report.number(fields.withinDays, [...path, 'withinDays'], 'withinDays', { min: 1, max: MAX_DAYS, integer: true });
    return of === undefined || withinDays === undefined ? undefined : { firstSeen: { of, withinDays } };
  },
  tin: (report, value, path) => {
    const fields = report.fields(value, path, ['of', 'invalid', 'missing'], ['of'], '"tin"');
    if (fields === undefined) return undefined;
    const of = report.oneOf(fields.of, [...path, 'of'], 'Whose taxpayer number', TIN_HOLDERS, RISK_VALUE_UNKNOWN);
    const invalid = report.boolean(fields.invalid, [...path, 'invalid'], 'invalid');
    const missing = report.boolean(fields.missing, [...path, 'missing'], 'missing');
    if ((fields.invalid !== undefined && invalid === undefined) || (fields.missing !== undefined && missing === undefined)) return undefined;
    if (invalid !== true && missing !== true) {
      report.add(RISK_COMPARISON, path, '"tin" needs invalid: true, missing: true or both; otherwise it never holds.');
      return undefined;
    }
    if (of === undefined) return undefined;
    const tin: { of: typeof of; invalid?: boolean; missing?: boolean } = { of };
    if (invalid === true) tin.invalid = true;
    if (missing === true) tin.missing = true;
    return { tin };
  },
  history: (report, value, path) => {
    const known = ['of', 'windowDays', 'results', 'findings', 'findingRate', 'minInspections'];
    const fields = report.fields(value, path, known, ['of', 'windowDays'], '"history"');
    if (fields === undefined) return undefined;
    const of = report.oneOf(fields.of, [...path, 'of'], 'Whose history', HISTORY_ROLES, RISK_VALUE_UNKNOWN);
    const windowDays = report.number(fields.windowDays, [...path, 'windowDays'], 'windowDays', { min: 1, max: MAX_DAYS, integer: true });
    const results = fields.results === undefined ? undefined : readChoices<FindingResult>(report, fields.results, [...path, 'results'], 'finding', FINDING_RESULTS);
    const findings = fields.findings === undefined ? undefined : readComparison(report, fields.findings, [...path, 'findings'], '"findings"', MAX_COUNT, true);
    const findingRate = fields.findingRate === undefined ? undefined : readComparison(report, fields.findingRate, [...path, 'findingRate'], '"findingRate"', 1, false);
    const minInspections = report.number(fields.minInspections, [...path, 'minInspections'], 'minInspections', { min: 1, max: MAX_COUNT, integer: true });
    if (fields.findings === undefined && fields.findingRate === undefined) {
      report.add(RISK_COMPARISON, path, '"history" compares findings, findingRate or both.');
      return undefined;
    }
    const bad = (key: string, read: unknown) => fields[key] !== undefined && read === undefined;
    if (of === undefined || windowDays === undefined || bad('results', results) || bad('findings', findings) || bad('findingRate', findingRate) || bad('minInspections', minInspections)) {
      return undefined;
    }
    const history: Extract<Condition, { history: unknown }>['history'] = { of, windowDays };
    if (results !== undefined) history.results = results;
    if (findings !== undefined) history.findings = findings;
    if (findingRate !== undefined) history.findingRate = findingRate;
    if (minInspections !== undefined) history.minInspections = minInspections;
    return { history };
  },
  tripAlerts: (report, value, path) => {
    const fields = report.fields(value, path, ['types', 'atLeast', 'atMost'], ['types'], '"tripAlerts"');
    if (fields === undefined) return undefined;
    const types = readChoices<TripAlertType>(report, fields.types, [...path, 'types'], 'trip alert type', TRIP_ALERT_TYPES);
    const comparison = comparisonFrom(report, fields, path, '"tripAlerts"', MAX_COUNT, true);
    return types === undefined || comparison === undefined ? undefined : { tripAlerts: { types, ...comparison } };
  },
};

function readCondition(report: Report, value: unknown, path: Path, options: ConditionOptions, depth: number): Condition | undefined {
  if (depth > MAX_CONDITION_DEPTH) {
    report.add(RISK_CONDITION_DEPTH, path, `Conditions nest at most ${MAX_CONDITION_DEPTH} deep.`);
    return undefined;
  }
  if (!isFields(value)) {
    report.add(RISK_FIELD_TYPE, path, `A condition is an object of one kind (${CONDITION_KINDS.join(', ')}); found ${Array.isArray(value) ? 'a list' : JSON.stringify(value) ?? String(value)}.`);
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length !== 1) {
    const found = keys.length === 0 ? 'none' : keys.join(', ');
    report.add(RISK_CONDITION_KIND, path, `A condition has exactly one kind; found ${found}. Combine several with all or any.`);
    for (const key of keys) if (!(CONDITION_KINDS as readonly string[]).includes(key)) unknownKind(report, [...path, key], key);
    return undefined;
  }
  const kind = keys[0]!;
  if (!(CONDITION_KINDS as readonly string[]).includes(kind)) {
    unknownKind(report, [...path, kind], kind);
    return undefined;
  }
  return READERS[kind as ConditionKind](report, value[kind], [...path, kind], options, depth);
}

function unknownKind(report: Report, path: Path, kind: string): void {
  report.add(RISK_CONDITION_KIND, path, `"${kind}" is not a condition; the kinds are ${CONDITION_KINDS.join(', ')}.`, 'key');
}

/** The condition at `path`, or undefined after reporting every reason it is not valid. */
export function validateCondition(report: Report, value: unknown, path: Path, options: ConditionOptions): ValidCondition | undefined {
  const condition = readCondition(report, value, path, options, 1);
  return condition === undefined ? undefined : { condition, keys: inputKeysOf(condition) };
}
