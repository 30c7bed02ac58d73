/**
 * Validates tracking-obligation rules given as a plain value (parsed from YAML or JSON), reporting every mistake with
 * the codes, paths and places the risk rule sets use, since both are rule files an operator edits in rules/.
 */
import { isCountryCode } from '../checks/country.js';
import {
  RISK_FIELD_REQUIRED,
  RISK_RULE_DUPLICATE,
  RISK_VALUE_UNKNOWN,
  type RuleSetIssue,
} from '../risk/rule-set-issues.js';
import { readChoices, readPrefixes } from '../risk/validate-condition.js';
import { readId } from '../risk/validate-rule-set.js';
import { Report, type Locate, type Path } from '../risk/validation-report.js';
import { CUSTOMS_PROCEDURES } from '../model/index.js';
import type { ObligationCriteria, ObligationRule, ObligationRuleSet } from './obligation-rules.js';

export type ObligationRulesResult = { ok: true; rules: ObligationRuleSet } | { ok: false; issues: RuleSetIssue[] };

const MAX_RULES = 1000;
const MAX_LISTED = 10_000;
const CRITERIA = ['hsPrefix', 'procedure', 'minMemberStates', 'consignorTin', 'carrierTin'] as const;

function readTins(report: Report, value: unknown, path: Path): string[] | undefined {
  const list = report.list(value, path, 'A list of taxpayer numbers', { min: 1, max: MAX_LISTED });
  if (list === undefined) return undefined;
  const tins = list.map((entry, i) => report.text(typeof entry === 'number' ? String(entry) : entry, [...path, i], 'A taxpayer number', 32));
  return tins.every((tin) => tin !== undefined) ? tins : undefined;
}

function readCountries(report: Report, value: unknown, path: Path): string[] | undefined {
  const list = report.list(value, path, 'The member states', { min: 1, max: 300 });
  if (list === undefined) return undefined;
  const out: string[] = [];
  list.forEach((entry, i) => {
    if (typeof entry === 'string' && isCountryCode(entry)) out.push(entry);
    else report.add(RISK_VALUE_UNKNOWN, [...path, i], `A member state is an ISO 3166-1 alpha-2 code in capitals, such as KZ; found ${JSON.stringify(entry)}.`);
  });
  return out.length === list.length ? out : undefined;
}

function readRule(report: Report, value: unknown, path: Path, what: string): ObligationRule | undefined {
  const fields = report.fields(value, path, ['id', 'explanation', ...CRITERIA], ['id', 'explanation'], what);
  if (fields === undefined) return undefined;
  const id = readId(report, fields.id, [...path, 'id'], `The id of ${what}`);
  const explanation = report.text(fields.explanation, [...path, 'explanation'], 'An explanation', 1000);
  const criteria: ObligationCriteria = {};
  let valid = id !== undefined && explanation !== undefined;
  const keep = <K extends keyof ObligationCriteria>(key: K, read: (v: unknown, p: Path) => ObligationCriteria[K] | undefined) => {
    if (fields[key] === undefined) return;
    const criterion = read(fields[key], [...path, key]);
    if (criterion === undefined) valid = false;
    else criteria[key] = criterion;
  };
  keep('hsPrefix', (v, p) => readPrefixes(report, v, p));
  keep('procedure', (v, p) => readChoices(report, v, p, 'customs procedure', CUSTOMS_PROCEDURES));
  keep('minMemberStates', (v, p) => report.number(v, p, 'The least number of member states', { min: 1, max: 300, integer: true }));
  keep('consignorTin', (v, p) => readTins(report, v, p));
  keep('carrierTin', (v, p) => readTins(report, v, p));
  if (CRITERIA.every((key) => fields[key] === undefined)) {
    report.add(RISK_FIELD_REQUIRED, path, `${what} needs at least one criterion: ${CRITERIA.join(', ')}; without one it would hold for every declaration.`);
    valid = false;
  }
  return valid ? { id: id!, explanation: explanation!, ...criteria } : undefined;
}

function readRules(report: Report, value: unknown, key: 'rules' | 'exemptions', what: string): ObligationRule[] | undefined {
  if (value === undefined) return [];
  const list = report.list(value, [key], `"${key}"`, { min: 0, max: MAX_RULES });
  if (list === undefined) return undefined;
  const seen = new Set<string>();
  const rules: ObligationRule[] = [];
  list.forEach((entry, i) => {
    const rule = readRule(report, entry, [key, i], what);
    if (rule === undefined) return;
    if (seen.has(rule.id)) report.add(RISK_RULE_DUPLICATE, [key, i, 'id'], `The id ${rule.id} is used by an earlier entry of "${key}".`);
    seen.add(rule.id);
    rules.push(rule);
  });
  return rules.length === list.length ? rules : undefined;
}

export function validateObligationRules(value: unknown, locate?: Locate): ObligationRulesResult {
  const report = new Report(value, locate);
  const top = report.fields(value, [], ['id', 'version', 'description', 'memberStates', 'exemptions', 'rules'], ['id', 'version', 'memberStates', 'rules'], 'The obligation rules');
  if (top === undefined) return { ok: false, issues: report.issues };
  const id = readId(report, top.id, ['id'], 'The rules id');
  const version = report.number(top.version, ['version'], 'The version', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
  const description = report.text(top.description, ['description'], 'The description', 2000);
  const memberStates = readCountries(report, top.memberStates, ['memberStates']);
  const exemptions = readRules(report, top.exemptions, 'exemptions', 'An exemption');
  const rules = readRules(report, top.rules, 'rules', 'A rule');
  if (report.issues.length > 0 || id === undefined || version === undefined || memberStates === undefined || exemptions === undefined || rules === undefined) {
    return { ok: false, issues: report.issues };
  }
  return { ok: true, rules: { id, version, ...(description === undefined ? {} : { description }), memberStates, exemptions, rules } };
}
