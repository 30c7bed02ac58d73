/** Text to a compiled rule set in one step, for callers that do not keep the validated definition apart. */
import { compileRuleSet, type CompiledRuleSet } from './compile-rule-set.js';
import { parseRuleSet } from './parse-rule-set.js';
import type { RuleSetIssue } from './rule-set-issues.js';

export type LoadedRuleSet = { ok: true; ruleSet: CompiledRuleSet } | { ok: false; issues: RuleSetIssue[] };

export function loadRuleSet(text: string): LoadedRuleSet {
  const parsed = parseRuleSet(text);
  return parsed.ok ? { ok: true, ruleSet: compileRuleSet(parsed.ruleSet) } : parsed;
}
