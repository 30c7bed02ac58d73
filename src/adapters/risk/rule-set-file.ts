/** Rule sets from files: the reading is here, the parsing and validation in the core. */
import { readFile } from 'node:fs/promises';
import { formatRuleSetIssue, loadRuleSet, type LoadedRuleSet } from '../../core/risk/index.js';

/** The compiled rule set in the YAML or JSON file at `path`, or every issue found in it. */
export async function readRuleSetFile(path: string): Promise<LoadedRuleSet> {
  return loadRuleSet(await readFile(path, 'utf8'));
}

/** The same, throwing one error that lists every issue as `file:line:column path (rule) CODE: message`. */
export async function readRuleSetFileOrThrow(path: string): Promise<Extract<LoadedRuleSet, { ok: true }>['ruleSet']> {
  const loaded = await readRuleSetFile(path);
  if (loaded.ok) return loaded.ruleSet;
  const lines = loaded.issues.map((issue) => `  ${formatRuleSetIssue(issue, path)}`);
  throw new Error(`the rule set ${path} has ${loaded.issues.length} issue(s):\n${lines.join('\n')}`);
}
