/**
 * Validates a rule set given as a plain value (parsed from YAML or JSON) and reports every mistake, each with a
 * stable code, its path, its rule and, through `locate`, its place in the text.
 */
import { isCurrencyCode } from '../goods/currency.js';
import { parseTemplate, placeholders } from './explanation.js';
import type { RuleDefinition, RuleSetDefinition } from './rule-set.js';
import {
  RISK_EXPLANATION_PLACEHOLDER,
  RISK_EXPLANATION_SYNTAX,
  RISK_FIELD_REQUIRED,
  RISK_FIELD_TYPE,
  RISK_ID_FORMAT,
  RISK_RULE_DUPLICATE,
  RISK_THRESHOLDS,
  RISK_VALUE_RANGE,
  RISK_VALUE_UNKNOWN,
  type RuleSetIssue,
} from './rule-set-issues.js';
import { readHsCode, validateCondition } from './validate-condition.js';
import { isFields, Report, type Locate, type Path } from './validation-report.js';

export type RuleSetResult = { ok: true; ruleSet: RuleSetDefinition } | { ok: false; issues: RuleSetIssue[] };

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const MAX_RULES = 10_000;
const MAX_WEIGHT = 1_000_000;
const MAX_REFERENCE_VALUES = 100_000;

/** A rule set's or rule's identifier: lower-case letters, digits, `.`, `_` and `-`. */
export function readId(report: Report, value: unknown, path: Path, what: string): string | undefined {
  const id = report.text(value, path, what, 64);
  if (id === undefined) return undefined;
  if (!ID.test(id)) {
    report.add(RISK_ID_FORMAT, path, `${what} is 1 to 64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit; found ${JSON.stringify(id)}.`);
    return undefined;
  }
  return id;
}

function readChannels(report: Report, value: unknown): RuleSetDefinition['channels'] | undefined {
  const fields = report.fields(value, ['channels'], ['yellow', 'red'], ['yellow', 'red'], '"channels"');
  if (fields === undefined) return undefined;
  const range = { min: 0, max: MAX_WEIGHT, exclusiveMin: true };
  const yellow = report.number(fields.yellow, ['channels', 'yellow'], 'The yellow threshold', range);
  const red = report.number(fields.red, ['channels', 'red'], 'The red threshold', range);
  if (yellow === undefined || red === undefined) return undefined;
  if (yellow > red) {
    report.add(RISK_THRESHOLDS, ['channels'], `The yellow threshold (${yellow}) is above the red one (${red}), so no score would be yellow.`);
    return undefined;
  }
  return { yellow, red };
}

function readRandom(report: Report, value: unknown): RuleSetDefinition['random'] | undefined {
  const fields = report.fields(value, ['random'], ['green', 'yellow'], ['green', 'yellow'], '"random"');
  if (fields === undefined) return undefined;
  const rate = { min: 0, max: 1 };
  const green = report.fields(fields.green, ['random', 'green'], ['yellow', 'red'], ['yellow', 'red'], '"random.green"');
  const yellow = report.fields(fields.yellow, ['random', 'yellow'], ['red'], ['red'], '"random.yellow"');
  const greenYellow = report.number(green?.yellow, ['random', 'green', 'yellow'], 'A random selection rate', rate);
  const greenRed = report.number(green?.red, ['random', 'green', 'red'], 'A random selection rate', rate);
  const yellowRed = report.number(yellow?.red, ['random', 'yellow', 'red'], 'A random selection rate', rate);
  if (greenYellow !== undefined && greenRed !== undefined && greenYellow + greenRed > 1) {
    report.add(RISK_THRESHOLDS, ['random', 'green'], `The rates from green add up to ${greenYellow + greenRed}, more than 1.`);
    return undefined;
  }
  if (greenYellow === undefined || greenRed === undefined || yellowRed === undefined) return undefined;
  return { green: { yellow: greenYellow, red: greenRed }, yellow: { red: yellowRed } };
}

function readValuation(report: Report, value: unknown): RuleSetDefinition['valuation'] | undefined {
  const fields = report.fields(value, ['valuation'], ['currency', 'referenceValuePerKg'], ['currency', 'referenceValuePerKg'], '"valuation"');
  if (fields === undefined) return undefined;
  let currency: string | undefined;
  if (fields.currency !== undefined) {
    currency = report.text(fields.currency, ['valuation', 'currency'], 'The valuation currency', 3);
    if (currency !== undefined && !isCurrencyCode(currency)) {
      report.add(RISK_VALUE_UNKNOWN, ['valuation', 'currency'], `The valuation currency is an ISO 4217 code in capitals, such as USD; found ${JSON.stringify(currency)}.`);
      currency = undefined;
    }
  }
  const path = ['valuation', 'referenceValuePerKg'];
  const table = fields.referenceValuePerKg;
  if (table === undefined) return undefined;
  if (!isFields(table)) {
    report.add(RISK_FIELD_TYPE, path, 'The reference values are an object of HS headings or subheadings to values per kilogram.');
    return undefined;
  }
  const entries = Object.entries(table);
  if (entries.length > MAX_REFERENCE_VALUES) {
    report.add(RISK_VALUE_RANGE, path, `At most ${MAX_REFERENCE_VALUES} reference values; found ${entries.length}.`);
    return undefined;
  }
  const values: Record<string, number> = {};
  let complete = true;
  for (const [code, perKg] of entries) {
    const heading = readHsCode(report, code, [...path, code], [4, 6], "A reference value's key (an HS heading or subheading)", 'key');
    const number = report.number(perKg, [...path, code], `The reference value of ${code}`, { min: 0, max: 1e9, exclusiveMin: true });
    if (heading === undefined || number === undefined) complete = false;
    else values[heading] = number;
  }
  if (currency === undefined || !complete) return undefined;
  return { currency, referenceValuePerKg: values };
}

function readRule(report: Report, value: unknown, index: number, hasValuation: boolean): RuleDefinition | undefined {
  const path = ['rules', index];
  const before = report.issues.length;
  const fields = report.fields(value, path, ['id', 'weight', 'explanation', 'when', 'description'], ['id', 'weight', 'explanation', 'when'], 'A rule');
  if (fields === undefined) return undefined;
  const id = readId(report, fields.id, [...path, 'id'], 'A rule id');
  const weight = report.number(fields.weight, [...path, 'weight'], 'A rule weight', { min: -MAX_WEIGHT, max: MAX_WEIGHT });
  const explanation = report.text(fields.explanation, [...path, 'explanation'], 'An explanation', 1000);
  const description = report.text(fields.description, [...path, 'description'], 'A description', 4000);
  const when = fields.when === undefined ? undefined : validateCondition(report, fields.when, [...path, 'when'], { hasValuation });
  if (explanation !== undefined) {
    const template = parseTemplate(explanation);
    if (!template.ok) {
      report.add(RISK_EXPLANATION_SYNTAX, [...path, 'explanation'], `The explanation cannot be read: ${template.message}.`);
    } else if (when !== undefined) {
      for (const key of placeholders(template.template)) {
        if (!when.keys.has(key)) {
          const known = [...when.keys].sort().join(', ');
          report.add(RISK_EXPLANATION_PLACEHOLDER, [...path, 'explanation'], `The explanation names {${key}}, which none of the rule's conditions fills; they fill ${known}.`);
        }
      }
    }
  }
  const failed = report.issues.length > before;
  if (failed || id === undefined || weight === undefined || explanation === undefined || when === undefined) return undefined;
  const rule: RuleDefinition = { id, weight, explanation, when: when.condition };
  if (description !== undefined) rule.description = description;
  return rule;
}

/** The rule set in `value`, or every reason it is not one. `locate` places paths in the text it was parsed from. */
export function validateRuleSet(value: unknown, locate?: Locate): RuleSetResult {
  const report = new Report(value, locate);
  const top = report.fields(value, [], ['id', 'version', 'description', 'channels', 'random', 'valuation', 'rules'], ['id', 'version', 'channels', 'random', 'rules'], 'A rule set');
  if (top === undefined) return { ok: false, issues: report.issues };
  const id = readId(report, top.id, ['id'], 'The rule set id');
  const version = report.number(top.version, ['version'], 'The version', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
  const description = report.text(top.description, ['description'], 'The description', 4000);
  const channels = top.channels === undefined ? undefined : readChannels(report, top.channels);
  const random = top.random === undefined ? undefined : readRandom(report, top.random);
  const valuation = top.valuation === undefined ? undefined : readValuation(report, top.valuation);
  const list = report.list(top.rules, ['rules'], 'The rules', { min: 0, max: MAX_RULES });
  const rules: RuleDefinition[] = [];
  const seen = new Map<string, number>();
  list?.forEach((entry, index) => {
    // Compared on the raw ids, so a duplicate is found even when one of the two rules has other mistakes.
    const raw = isFields(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    const first = raw === undefined ? undefined : seen.get(raw);
    if (first !== undefined) {
      report.add(RISK_RULE_DUPLICATE, ['rules', index, 'id'], `The rule id "${raw}" is already used by rules[${first}]; ids are unique in a set.`);
    } else if (raw !== undefined) {
      seen.set(raw, index);
    }
    const rule = readRule(report, entry, index, top.valuation !== undefined);
    if (rule !== undefined) rules.push(rule);
  });
  if (report.issues.length > 0 || id === undefined || version === undefined || channels === undefined || random === undefined || list === undefined) {
    if (report.issues.length === 0) report.add(RISK_FIELD_REQUIRED, [], 'The rule set is incomplete.');
    return { ok: false, issues: report.issues };
  }
  const ruleSet: RuleSetDefinition = { id, version, channels, random, rules };
  if (description !== undefined) ruleSet.description = description;
  if (valuation !== undefined) ruleSet.valuation = valuation;
  return { ok: true, ruleSet };
}
