/**
 * Why a rule set is refused: stable codes, the field's path (`rules[3].when.all[1].hsPrefix[0]`), the rule it
 * belongs to, and where in the text it is when the set came from a file.
 */
import type { Issue } from '../model/issue.js';

/** The text is not well-formed YAML or JSON (or repeats a key). */
export const RISK_SYNTAX = 'RISK_SYNTAX';
/** A required field is absent. */
export const RISK_FIELD_REQUIRED = 'RISK_FIELD_REQUIRED';
/** A field holds the wrong kind of value (text for a number, a list for an object). */
export const RISK_FIELD_TYPE = 'RISK_FIELD_TYPE';
/** A field the format does not know, most often a misspelling. */
export const RISK_FIELD_UNKNOWN = 'RISK_FIELD_UNKNOWN';
/** A number outside its range, a list too long or empty, a text too long. */
export const RISK_VALUE_RANGE = 'RISK_VALUE_RANGE';
/** An identifier not of lower-case letters, digits, `.`, `_` and `-`. */
export const RISK_ID_FORMAT = 'RISK_ID_FORMAT';
/** Two rules with the same id. */
export const RISK_RULE_DUPLICATE = 'RISK_RULE_DUPLICATE';
/** The yellow threshold is above the red one, or the random rates of a channel add up to more than 1. */
export const RISK_THRESHOLDS = 'RISK_THRESHOLDS';
/** A condition that is not an object of exactly one known kind. */
export const RISK_CONDITION_KIND = 'RISK_CONDITION_KIND';
/** Conditions nested deeper than the language allows. */
export const RISK_CONDITION_DEPTH = 'RISK_CONDITION_DEPTH';
/** A comparison with neither `atLeast` nor `atMost`, or with `atLeast` above `atMost`. */
export const RISK_COMPARISON = 'RISK_COMPARISON';
/** A goods code prefix or reference heading that is not 2 to 10 digits (or 4 or 6, for reference values). */
export const RISK_HS_CODE = 'RISK_HS_CODE';
/** A value outside its list: document type, party, country, currency, check issue code, alert type, finding. */
export const RISK_VALUE_UNKNOWN = 'RISK_VALUE_UNKNOWN';
/** A valuation rule in a set without reference values. */
export const RISK_VALUATION_MISSING = 'RISK_VALUATION_MISSING';
/** An explanation with an unclosed brace or a placeholder of the wrong form. */
export const RISK_EXPLANATION_SYNTAX = 'RISK_EXPLANATION_SYNTAX';
/** An explanation placeholder that none of the rule's conditions fills. */
export const RISK_EXPLANATION_PLACEHOLDER = 'RISK_EXPLANATION_PLACEHOLDER';

export interface RuleSetIssue extends Issue {
  /** The rule the issue is in, by position in `rules` and id (when it has one that is text). */
  rule?: { index: number; id?: string };
  /** Where the field is in the text, both from 1, when the set was parsed from text. */
  line?: number;
  column?: number;
}

/** One line for a person or a log: `rules/eaeu.yaml:12:7 rules[3] (undervalued-clothing) CODE: message`. */
export function formatRuleSetIssue(issue: RuleSetIssue, source?: string): string {
  const place = [source, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  const rule = issue.rule === undefined ? '' : issue.rule.id === undefined ? '' : ` (${issue.rule.id})`;
  const path = issue.path === '' ? '' : `${issue.path}${rule} `;
  return `${place === '' ? '' : `${place} `}${path}${issue.code}: ${issue.message}`;
}
