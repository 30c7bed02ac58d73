/**
 * The what-if simulator for the console: the shipped scenarios (scenarios/), and runs of one under a seed and some of
 * its policies. A run is worked out in a worker thread (adapters/simulation), so the request answers at once with the
 * run, which is then fetched for its progress and, once done, each policy's report. Its size is still bounded (the
 * trucks it would simulate, summed over the policies asked for), as are the runs at once and a user's runs a minute;
 * the command line (`corridor simulate`) has no bound.
 */
import Type from 'typebox';
import { expectedTrucks, type Scenario } from '../../../core/simulation/index.js';
import { ServiceError } from '../../../services/service-error.js';
import { readScenarioFile, shippedScenarioFiles } from '../../simulation/scenario-files.js';
import { SimulationRuns } from '../../simulation/simulation-runs.js';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';
import { sendError } from '../errors.js';
import { WindowLimit } from '../rate-limit.js';

/** Trucks simulated in one run, over all its policies: about seven seconds of one core. */
export const MAX_SIMULATED_TRUCKS = 100_000;
const RUNS_PER_MINUTE = 3;

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export async function simulationRoutes(api: ApiInstance, { auth }: ApiServices, limit = new WindowLimit(RUNS_PER_MINUTE, 60_000)) {
  const files = await shippedScenarioFiles();
  const runs = new SimulationRuns({ onFailure: (run) => api.log.error({ run: run.id, scenario: run.scenario }, run.error ?? 'simulation failed') });
  api.addHook('onClose', () => runs.close());
  // Scenarios are read once: they are part of the installation.
  const loaded = new Map<string, Promise<Scenario>>();
  const load = (id: string): { path: string; scenario: Promise<Scenario> } => {
    const path = files.get(id);
    if (path === undefined) throw new ServiceError('NOT_FOUND', `no scenario ${id}`);
    let scenario = loaded.get(id);
    if (!scenario) {
      scenario = readScenarioFile(path).then((read) => read.scenario);
      loaded.set(id, scenario);
    }
    return { path, scenario };
  };

  api.get('/simulations/scenarios', { schema: { summary: 'The shipped scenarios with their policies and the trucks each policy simulates' } }, async (request) => {
    auth.require(userOf(request), 'risk:read');
    const items = [];
    for (const id of files.keys()) {
      const scenario = await load(id).scenario;
      items.push({ id, name: scenario.name, description: scenario.description, policies: scenario.policies.map((policy) => policy.name), trucksPerPolicy: expectedTrucks(scenario) });
    }
    return { items, maxSimulatedTrucks: MAX_SIMULATED_TRUCKS, maxRunning: runs.maxRunning };
  });

  api.post(
    '/simulations',
    {
      schema: {
        summary: 'Start a run of a shipped scenario under a seed for some of its policies (the same trucks for each); answers the run, to fetch until it is done',
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
      const { path, scenario: loading } = load(request.body.scenario);
      const scenario = await loading;
      request.body.policies.forEach((name, index) => {
        if (scenario.policies.some((candidate) => candidate.name === name)) return;
        throw new ServiceError('VALIDATION', `the scenario has no policy ${name}`, [{ code: 'UNKNOWN_POLICY', path: `policies[${index}]`, message: `the scenario's policies are ${scenario.policies.map((p) => p.name).join(', ')}` }]);
      });
      const trucks = expectedTrucks(scenario) * request.body.policies.length;
      if (trucks > MAX_SIMULATED_TRUCKS) {
        throw new ServiceError('VALIDATION', `${trucks} trucks to simulate; at most ${MAX_SIMULATED_TRUCKS} a run (run fewer policies, or use corridor simulate)`, [
          { code: 'TOO_LARGE', path: 'policies', message: `each policy simulates ${expectedTrucks(scenario)} trucks` },
        ]);
      }
      if (runs.full) return sendError(reply, 429, 'BUSY', `${runs.maxRunning} simulation(s) running already, the most at once; try again when it has finished`);
      if (!limit.take(user.username)) return sendError(reply, 429, 'TOO_MANY_REQUESTS', `at most ${RUNS_PER_MINUTE} simulations a minute`);
      const run = runs.start(user.username, scenario.name, { scenarioPath: path, seed: request.body.seed, policies: request.body.policies });
      return reply.status(202).header('location', `${request.url.replace(/\/$/, '')}/${run.id}`).send(run);
    },
  );

  api.get('/simulations/:id', { schema: { summary: 'A run started by this user: its progress, and each policy\'s report once done or the reason it failed', params: IdParams } }, async (request) => {
    const run = runs.get(userOf(request).username, request.params.id);
    if (run === undefined) throw new ServiceError('NOT_FOUND', `no simulation ${request.params.id} of yours (finished runs are kept for a while only)`);
    return run;
  });
}
