/**
 * A simulation's worker thread: runs some policies of a shipped scenario under a seed with the core's simulator, as
 * `corridor simulate` does, and posts its progress and then the reports to the thread that started it. It runs off
 * the server's event loop, so the gateways and the API go on answering meanwhile; anything it throws ends the thread
 * and reaches the starter as the thread's error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { reportOf, seedOf, simulate, type SimulationReport } from '../../core/simulation/index.js';
import { readScenarioFile, ruleSetFor } from './scenario-files.js';

export interface SimulationJob {
  scenarioPath: string;
  seed: string;
  /** Names of the scenario's policies, run in this order on the same trucks. */
  policies: string[];
}

export type SimulationWorkerMessage = { kind: 'progress'; percent: number } | { kind: 'done'; reports: SimulationReport[] };

const job = workerData as SimulationJob;
const post = (message: SimulationWorkerMessage) => parentPort!.postMessage(message);

const { scenario, ruleSetPath } = await readScenarioFile(job.scenarioPath);
const policies = job.policies.map((name) => {
  const policy = scenario.policies.find((candidate) => candidate.name === name);
  if (policy === undefined) throw new Error(`the scenario ${scenario.name} has no policy ${name}`);
  return policy;
});
const ruleSet = await ruleSetFor(job.scenarioPath, ruleSetPath, policies);
const seed = seedOf(job.seed);
let posted = -1;
const reports = policies.map((policy, index) =>
  reportOf(
    simulate(scenario, {
      seed,
      policy,
      ...(ruleSet === undefined ? {} : { ruleSet }),
      // The whole run's share done, posted once per whole percent: the samples come far more often than that.
      onProgress: (simulated, horizon) => {
        const percent = Math.floor(((index + simulated / horizon) / policies.length) * 100);
        if (percent > posted) post({ kind: 'progress', percent: (posted = percent) });
      },
    }),
  ),
);
post({ kind: 'done', reports });
