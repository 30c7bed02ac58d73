/**
 * The what-if simulator for the console: the shipped scenarios (scenarios/), and a run of one under a seed and some
 * of its policies, answered with each policy's report. A run is worked out in the request, on the server's own
 * thread, so its size is bounded: the trucks it would simulate, summed over the policies asked for, and a few runs
 * a minute for each user; the command line (`corridor simulate`) has no bound.
 */
import Type from 'typebox';
import type { CompiledRuleSet } from '../../../core/risk/index.js';
import { expectedTrucks, needsRules, reportOf, simulate, type Scenario } from '../../../core/simulation/index.js';
import { ServiceError } from '../../../services/service-error.js';
import { readRuleSetFileOrThrow } from '../../risk/rule-set-file.js';
import { readScenarioFile, shippedScenarioFiles } from '../../simulation/scenario-files.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';
import { sendError } from '../errors.js';
import { WindowLimit } from '../rate-limit.js';

/** Trucks simulated in one request, over all its policies: about seven seconds of one core. */
export const MAX_SIMULATED_TRUCKS = 100_000;
const RUNS_PER_MINUTE = 3;

interface Loaded {
  scenario: Scenario;
  ruleSet?: CompiledRuleSet;
}

export async function simulationRoutes(api: ApiInstance, { auth }: ApiServices, limit = new WindowLimit(RUNS_PER_MINUTE, 60_000)) {
  const files = await shippedScenarioFiles();
  // Scenarios and rule sets are read once: they are part of the installation.
  const loaded = new Map<string, Promise<Loaded>>();
  const load = (id: string): Promise<Loaded> => {
    const path = files.get(id);
    if (path === undefined) throw new ServiceError('NOT_FOUND', `no scenario ${id}`);
    let found = loaded.get(id);
    if (!found) {
      found = readScenarioFile(path).then(async ({ scenario, ruleSetPath }) =>
        ruleSetPath === undefined || !scenario.policies.some(needsRules) ? { scenario } : { scenario, ruleSet: await readRuleSetFileOrThrow(ruleSetPath) },
      );
      loaded.set(id, found);
    }
    return found;
  };

  api.get('/simulations/scenarios', { schema: { summary: 'The shipped scenarios with their policies and the trucks each policy simulates' } }, async (request) => {
    auth.require(userOf(request), 'risk:read');
    const items = [];
    for (const id of files.keys()) {
      const { scenario } = await load(id);
      items.push({ id, name: scenario.name, description: scenario.description, policies: scenario.policies.map((policy) => policy.name), trucksPerPolicy: expectedTrucks(scenario) });
    }
    return { items, maxSimulatedTrucks: MAX_SIMULATED_TRUCKS };
  });

  api.post(
    '/simulations',
    {
      schema: {
        summary: 'Run a shipped scenario under a seed for some of its policies (the same trucks for each) and answer their reports',
        body: Type.Object(
          {
            scenario: Type.String({ minLength: 1, maxLength: 100 }),
            seed: Type.String({ minLength: 1, maxLength: 100 }),
            policies: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 10, uniqueItems: true }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      auth.require(user, 'risk:read');
      const { scenario, ruleSet } = await load(request.body.scenario);
      const policies = request.body.policies.map((name, index) => {
        const policy = scenario.policies.find((candidate) => candidate.name === name);
        if (policy) return policy;
        throw new ServiceError('VALIDATION', `the scenario has no policy ${name}`, [{ code: 'UNKNOWN_POLICY', path: `policies[${index}]`, message: `the scenario's policies are ${scenario.policies.map((p) => p.name).join(', ')}` }]);
      });
      const trucks = expectedTrucks(scenario) * policies.length;
      if (trucks > MAX_SIMULATED_TRUCKS) {
        throw new ServiceError('VALIDATION', `${trucks} trucks to simulate; at most ${MAX_SIMULATED_TRUCKS} a request (run fewer policies, or use corridor simulate)`, [
          { code: 'TOO_LARGE', path: 'policies', message: `each policy simulates ${expectedTrucks(scenario)} trucks` },
        ]);
      }
      if (!limit.take(user.username)) return sendError(reply, 429, 'TOO_MANY_REQUESTS', `at most ${RUNS_PER_MINUTE} simulations a minute`);
      const seed = /^-?\d+$/.test(request.body.seed) ? Number(request.body.seed) : request.body.seed;
      const reports = policies.map((policy) => reportOf(simulate(scenario, { seed, policy, ...(ruleSet === undefined ? {} : { ruleSet }) })));
      return { scenario: scenario.name, seed: request.body.seed, reports };
    },
  );
}
