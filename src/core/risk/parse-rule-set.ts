/**
 * Rule sets from text: YAML (JSON is YAML too), parsed without evaluating anything, then validated with every
 * mistake placed at its line and column. Reading the file is the caller's; this only reads text.
 */
import { inTextOrder, readLocatedYaml } from './located-yaml.js';
import { validateRuleSet, type RuleSetResult } from './validate-rule-set.js';

export { MAX_RULE_SET_TEXT } from './located-yaml.js';

export function parseRuleSet(text: string): RuleSetResult {
  const read = readLocatedYaml(text);
  if (!read.ok) return read;
  const result = validateRuleSet(read.value, read.locate);
  return result.ok ? result : { ok: false, issues: inTextOrder(result.issues) };
}
