/** Rule sets from files: the reading is here, the parsing and validation in the core. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The rules/ directory of the installation, from the sources or from the build (dist/) alike. */
export function shippedRulesDirectory(): string {
  for (const up of ['../../../rules/', '../../../../rules/']) {
    const candidate = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(join(candidate, 'README.md'))) return candidate;
  }
  throw new Error('the rules/ directory of the installation is missing');
}

/** The texts of the rule sets shipped in rules/, by file name. */
export async function readShippedRuleSets(directory = shippedRulesDirectory()): Promise<string[]> {
  const names = (await readdir(directory)).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  return Promise.all(names.map((name) => readFile(join(directory, name), 'utf8')));
}
