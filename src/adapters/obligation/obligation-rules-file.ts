/** Tracking-obligation rules from a file: the reading is here, the parsing and validation in the core. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseObligationRules, type ObligationRuleSet } from '../../core/obligation/index.js';
import { formatRuleSetIssue } from '../../core/risk/index.js';
import { shippedRulesDirectory } from '../risk/rule-set-file.js';

/** The rules shipped in rules/obligation/. */
export function shippedObligationRulesPath(): string {
  return join(shippedRulesDirectory(), 'obligation', 'eaeu-navigation-seals.yaml');
}

/** The validated rules in the YAML or JSON file at `path`, or one error listing every issue as `file:line:column path CODE: message`. */
export async function readObligationRulesFile(path = shippedObligationRulesPath()): Promise<ObligationRuleSet> {
  const parsed = parseObligationRules(await readFile(path, 'utf8'));
  if (parsed.ok) return parsed.rules;
  const lines = parsed.issues.map((issue) => `  ${formatRuleSetIssue(issue, path)}`);
  throw new Error(`the obligation rules ${path} have ${parsed.issues.length} issue(s):\n${lines.join('\n')}`);
}
