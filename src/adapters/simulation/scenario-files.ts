/** Simulator scenarios from files: the reading is here, the parsing and checking in the core. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledRuleSet } from '../../core/risk/index.js';
import { formatScenarioIssue, needsRules, parseScenario, recordedArrivalMinutes, type InspectionPolicy, type Scenario } from '../../core/simulation/index.js';
import { readRuleSetFileOrThrow } from '../risk/rule-set-file.js';

/** The scenario in the file, or an error listing every issue as `file:line:column path CODE: message`. */
export async function readScenarioFile(path: string): Promise<{ scenario: Scenario; ruleSetPath?: string }> {
  const parsed = parseScenario(await readFile(path, 'utf8'));
  if (!parsed.ok) {
    const lines = parsed.issues.map((issue) => `  ${formatScenarioIssue(issue, path)}`);
    throw new Error(`the scenario ${path} has ${parsed.issues.length} issue(s):\n${lines.join('\n')}`);
  }
  const { ruleSet, recordedArrivals } = parsed.parsed;
  let { scenario } = parsed.parsed;
  if (recordedArrivals !== undefined) {
    const file = resolve(dirname(path), recordedArrivals);
    const read = recordedArrivalMinutes(await readFile(file, 'utf8'), scenario.start, scenario.arrivalHours);
    if (!read.ok) {
      throw new Error(`the recorded arrivals ${file} have ${read.issues.length} issue(s):\n${read.issues.map((issue) => `  ${formatScenarioIssue(issue, file)}`).join('\n')}`);
    }
    scenario = { ...scenario, arrivals: { kind: 'replay', minutes: read.minutes } };
  }
  return ruleSet === undefined ? { scenario } : { scenario, ruleSetPath: resolve(dirname(path), ruleSet) };
}

/** The rule set that `policies` need (the risk-targeted ones do), read from the file the scenario names; none when no policy needs one. */
export async function ruleSetFor(path: string, ruleSetPath: string | undefined, policies: readonly InspectionPolicy[]): Promise<CompiledRuleSet | undefined> {
  if (!policies.some(needsRules)) return undefined;
  if (ruleSetPath === undefined) throw new Error(`the scenario ${path} has risk-targeted policies but names no ruleSet file`);
  return readRuleSetFileOrThrow(ruleSetPath);
}

/** The scenarios/ directory of the installation, from the sources or from the build (dist/) alike. */
function shippedScenariosDirectory(): string {
  for (const up of ['../../../scenarios/', '../../../../scenarios/']) {
    const candidate = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('the scenarios/ directory of the installation is missing');
}

/** The shipped scenarios' files by id (the file name without .yaml), in name order. */
export async function shippedScenarioFiles(directory = shippedScenariosDirectory()): Promise<Map<string, string>> {
  const names = (await readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return new Map(names.map((name) => [name.replace(/\.ya?ml$/, ''), join(directory, name)]));
}
