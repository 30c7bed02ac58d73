import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportOf, simulate } from '../../core/simulation/index.js';
import { readScenarioFile, ruleSetFor } from './scenario-files.js';
import { SimulationRuns, type SimulationRun } from './simulation-runs.js';

const KORDAY = join(new URL('../../../scenarios/', import.meta.url).pathname, 'korday-akzhol-eseal-pilot.yaml');
const script = (source: string) => new URL(`data:text/javascript,${encodeURIComponent(source)}`);

let runs: SimulationRuns | undefined;
afterEach(async () => {
  await runs?.close();
  runs = undefined;
});

async function settled(owner: string, id: string): Promise<SimulationRun> {
  for (;;) {
    const run = runs!.get(owner, id)!;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('simulation runs', { timeout: 60_000 }, () => {
  it('runs policies in a worker thread and gives the reports the simulator gives in this thread', async () => {
    runs = new SimulationRuns();
    const { scenario, ruleSetPath } = await readScenarioFile(KORDAY);
    const policies = scenario.policies.slice(0, 2);
    const started = runs.start('inspector', scenario.name, { scenarioPath: KORDAY, seed: '7', policies: policies.map((policy) => policy.name) });
    expect(started).toMatchObject({ status: 'running', percent: 0, finishedAt: null });
    expect(runs.full).toBe(true);
    expect(() => runs!.start('inspector', scenario.name, { scenarioPath: KORDAY, seed: '8', policies: [policies[0]!.name] })).toThrow(/running already/);
    expect(runs.get('someone-else', started.id)).toBeUndefined();

    const done = await settled('inspector', started.id);
    expect(done.error).toBeUndefined();
    expect(done).toMatchObject({ status: 'done', percent: 100 });
    const ruleSet = await ruleSetFor(KORDAY, ruleSetPath, policies);
    const here = policies.map((policy) => reportOf(simulate(scenario, { seed: 7, policy, ...(ruleSet === undefined ? {} : { ruleSet }) })));
    expect(done.reports).toEqual(here);
    expect(runs.full).toBe(false);
  });

  it('fails the run, not the process, when its worker throws, exits or overstays', async () => {
    const failures: SimulationRun[] = [];
    const job = { scenarioPath: KORDAY, seed: '1', policies: ['risk-targeted'] };
    const cases = [
      { entry: script('throw new Error("the rules are broken")'), error: 'the simulation failed: the rules are broken' },
      { entry: script('process.exit(3)'), error: "the simulation's worker stopped with exit code 3 before its reports" },
      { entry: script('setInterval(() => {}, 1000)'), error: 'the simulation took longer than 0.3 s and was stopped' },
    ];
    for (const { entry, error } of cases) {
      runs = new SimulationRuns({ entry, timeoutMs: 300, onFailure: (run) => failures.push(run) });
      const { id } = runs.start('inspector', 'broken', job);
      expect(await settled('inspector', id)).toMatchObject({ status: 'failed', error });
      expect(runs.full).toBe(false);
      await runs.close();
    }
    expect(failures.map((run) => run.error)).toEqual(cases.map((c) => c.error));
  });

  it('keeps a finished run for a while, then forgets it', async () => {
    let now = Date.parse('2025-06-01T08:00:00Z');
    runs = new SimulationRuns({ entry: script('process.exit(1)'), keepMs: 60_000, now: () => now });
    const { id } = runs.start('inspector', 'broken', { scenarioPath: KORDAY, seed: '1', policies: ['risk-targeted'] });
    await settled('inspector', id);
    now += 59_000;
    expect(runs.get('inspector', id)?.status).toBe('failed');
    now += 2_000;
    expect(runs.get('inspector', id)).toBeUndefined();
  });
});
