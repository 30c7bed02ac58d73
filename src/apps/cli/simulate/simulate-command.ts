/**
 * `corridor simulate SCENARIO`: reads and checks the scenario, loads the rule set it names, runs one policy (the
 * first, or --policy) or every policy on the same seed (--compare, common random numbers), shows a progress bar,
 * prints the figures side by side, and with --out writes each report as JSON and the charts as SVG.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CompiledRuleSet } from '../../../core/risk/index.js';
import { reportOf, seedOf, simulate, type InspectionPolicy, type Scenario, type SimulationReport } from '../../../core/simulation/index.js';
import { readScenarioFile, ruleSetFor } from '../../../adapters/simulation/scenario-files.js';
import { progressBar } from '../progress-bar.js';
import { comparisonTable } from './comparison-table.js';
import { lineChartSvg } from '../../../core/charts/svg-line-chart.js';

export interface SimulateOptions {
  seed: string;
  out?: string;
  compare?: boolean;
  policy?: string;
}

function chosenPolicies(scenario: Scenario, options: SimulateOptions): readonly InspectionPolicy[] {
  if (options.compare) return scenario.policies;
  if (options.policy === undefined) return scenario.policies.slice(0, 1);
  const policy = scenario.policies.find((p) => p.name === options.policy);
  if (policy === undefined) throw new Error(`the scenario has no policy ${options.policy}; it has ${scenario.policies.map((p) => p.name).join(', ')}`);
  return [policy];
}

function runWithProgress(scenario: Scenario, policy: InspectionPolicy, seed: number | string, ruleSet: CompiledRuleSet | undefined): SimulationReport {
  const bar = progressBar(`${policy.name.padEnd(20)} [{bar}] {percentage}% of ${scenario.horizonHours} h simulated | {duration_formatted}`);
  bar?.start(100, 0);
  try {
    const run = simulate(scenario, {
      seed,
      policy,
      ...(ruleSet === undefined ? {} : { ruleSet }),
      onProgress: (simulated, horizon) => bar?.update(Math.round((simulated / horizon) * 100)),
    });
    bar?.update(100);
    return reportOf(run);
  } finally {
    bar?.stop();
  }
}

async function writeOutputs(dir: string, reports: readonly SimulationReport[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  const write = async (name: string, text: string) => {
    await writeFile(join(dir, name), text);
    written.push(join(dir, name));
  };
  for (const report of reports) await write(`${report.policy.replace(/[^\w.-]+/g, '_')}.json`, `${JSON.stringify(report, null, 2)}\n`);
  const hoursOf = (report: SimulationReport) => report.series.minutes.map((m) => m / 60);
  await write(
    'queue-length.svg',
    lineChartSvg({
      title: `${reports[0]!.scenario}: trucks at the crossing`,
      xLabel: 'hours after the start',
      yLabel: 'trucks waiting (in the order or holding)',
      series: reports.map((r) => ({ name: r.policy, points: hoursOf(r).map((h, i) => [h, r.series.atCrossing[i]!] as const) })),
    }),
  );
  await write(
    'waiting-time.svg',
    lineChartSvg({
      title: `${reports[0]!.scenario}: waiting time of the trucks called`,
      xLabel: 'hours after the start',
      yLabel: 'mean wait, hours (arrival to call)',
      series: reports.map((r) => ({ name: r.policy, points: hoursOf(r).map((h, i) => [h, r.series.meanWaitHours[i]!] as const) })),
    }),
  );
  return written;
}

export async function simulateScenarioFile(path: string, options: SimulateOptions): Promise<SimulationReport[]> {
  const { scenario, ruleSetPath } = await readScenarioFile(path);
  const policies = chosenPolicies(scenario, options);
  const ruleSet = await ruleSetFor(path, ruleSetPath, policies);
  const seed = seedOf(options.seed);
  const reports = policies.map((policy) => runWithProgress(scenario, policy, seed, ruleSet));
  console.log(`${scenario.name}, seed ${options.seed}`);
  console.log(comparisonTable(reports));
  if (options.out !== undefined) {
    for (const file of await writeOutputs(options.out, reports)) console.log(`wrote ${file}`);
  }
  return reports;
}
