/**
 * What-if simulations run for the API, each in a worker thread of its own (simulation-worker.ts), so that a run of
 * seconds never holds up the server's event loop. A few run at once and no more; a run's progress and then its
 * reports or its failure are kept for a while for the user who started it to fetch. A worker that throws, runs out of
 * memory or overstays its time fails its run, never the process.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { SimulationReport } from '../../core/simulation/index.js';
import type { SimulationJob, SimulationWorkerMessage } from './simulation-worker.js';

export interface SimulationRun {
  id: string;
  status: 'running' | 'done' | 'failed';
  /** Share of the run simulated, 0–100. */
  percent: number;
  scenario: string;
  seed: string;
  policies: string[];
  startedAt: string;
  finishedAt: string | null;
  /** Each policy's report, in the order asked, once done. */
  reports?: SimulationReport[];
  /** Why the run failed. */
  error?: string;
}

export interface SimulationRunsOptions {
  /** Runs at once; one unless told, so a run keeps to one core and the server has the other. */
  maxRunning?: number;
  /** How long a finished run is kept for its user to fetch. */
  keepMs?: number;
  /** Finished runs kept at most, the oldest forgotten first. */
  maxKept?: number;
  /** A run still going after this long is stopped and failed. */
  timeoutMs?: number;
  /** Heap of a worker, MB: a run that needs more fails instead of starving the server. */
  maxMemoryMb?: number;
  /** The worker's module; the one beside this file unless told. */
  entry?: URL;
  /** Told of each failure, for the log. */
  onFailure?: (run: SimulationRun) => void;
  now?: () => number;
}

interface Held {
  owner: string;
  run: SimulationRun;
  worker?: Worker;
  timer?: NodeJS.Timeout;
}

/**
 * The worker's module, beside this one: the compiled JavaScript under dist/, or the TypeScript source in development
 * and tests. Node 20 does not pass a loader given by --import on to worker threads, so a TypeScript entry is started
 * through a module that first registers tsx's loader in the worker.
 */
function defaultEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./simulation-worker.js', import.meta.url);
  const source = new URL('./simulation-worker.ts', import.meta.url).href;
  const bootstrap = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

export class SimulationRuns {
  readonly #held = new Map<string, Held>();
  readonly #maxRunning: number;
  readonly #keepMs: number;
  readonly #maxKept: number;
  readonly #timeoutMs: number;
  readonly #maxMemoryMb: number;
  readonly #entry: URL;
  readonly #onFailure: (run: SimulationRun) => void;
  readonly #now: () => number;

  constructor(options: SimulationRunsOptions = {}) {
    this.#maxRunning = options.maxRunning ?? 1;
    this.#keepMs = options.keepMs ?? 15 * 60_000;
    this.#maxKept = options.maxKept ?? 50;
    this.#timeoutMs = options.timeoutMs ?? 5 * 60_000;
    this.#maxMemoryMb = options.maxMemoryMb ?? 1024;
    this.#entry = options.entry ?? defaultEntry();
    this.#onFailure = options.onFailure ?? (() => undefined);
    this.#now = options.now ?? Date.now;
  }

  get maxRunning(): number {
    return this.#maxRunning;
  }

  /** Whether another run may start now. */
  get full(): boolean {
    return this.#running().length >= this.#maxRunning;
  }

  /** Starts a run of `job` for `owner`; the caller has made sure the runs are not `full`. */
  start(owner: string, scenario: string, job: SimulationJob): SimulationRun {
    this.#forgetOld();
    if (this.full) throw new RangeError(`${this.#maxRunning} simulation(s) running already`);
    const run: SimulationRun = {
      id: randomUUID(),
      status: 'running',
      percent: 0,
      scenario,
      seed: job.seed,
      policies: job.policies,
      startedAt: new Date(this.#now()).toISOString(),
      finishedAt: null,
    };
    const worker = new Worker(this.#entry, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: this.#maxMemoryMb } });
    const held: Held = { owner, run, worker };
    held.timer = setTimeout(() => {
      this.#finish(held, { status: 'failed', error: `the simulation took longer than ${this.#timeoutMs / 1000} s and was stopped` });
    }, this.#timeoutMs);
    held.timer.unref();
    worker.on('message', (message: SimulationWorkerMessage) => {
      if (message.kind === 'progress') run.percent = message.percent;
      else this.#finish(held, { status: 'done', percent: 100, reports: message.reports });
    });
    worker.on('error', (error) => this.#finish(held, { status: 'failed', error: `the simulation failed: ${error.message}` }));
    worker.on('exit', (code) => this.#finish(held, { status: 'failed', error: `the simulation's worker stopped with exit code ${code} before its reports` }));
    this.#held.set(run.id, held);
    return { ...run };
  }

  /** The run as it stands, if `owner` started it and it is still kept. */
  get(owner: string, id: string): SimulationRun | undefined {
    this.#forgetOld();
    const held = this.#held.get(id);
    return held?.owner === owner ? { ...held.run } : undefined;
  }

  /** Stops every running worker, for the server's shutdown. */
  async close(): Promise<void> {
    const workers = this.#running().flatMap((held) => (held.worker === undefined ? [] : [held.worker]));
    for (const held of this.#running()) this.#finish(held, { status: 'failed', error: 'the server stopped' });
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #running(): Held[] {
    return [...this.#held.values()].filter((held) => held.run.status === 'running');
  }

  /** Settles a run once: the first of its worker's result, error, exit or the timeout decides. */
  #finish(held: Held, outcome: Partial<SimulationRun> & Pick<SimulationRun, 'status'>): void {
    if (held.run.status !== 'running') return;
    Object.assign(held.run, outcome, { finishedAt: new Date(this.#now()).toISOString() });
    clearTimeout(held.timer);
    void held.worker?.terminate();
    delete held.worker;
    if (outcome.status === 'failed') this.#onFailure({ ...held.run });
  }

  #forgetOld(): void {
    const finished = [...this.#held.values()].filter((held) => held.run.finishedAt !== null);
    const expired = this.#now() - this.#keepMs;
    finished.forEach((held, index) => {
      if (Date.parse(held.run.finishedAt!) < expired || index < finished.length - this.#maxKept) this.#held.delete(held.run.id);
    });
  }
}
