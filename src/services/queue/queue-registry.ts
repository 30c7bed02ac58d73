/**
 * The live queues of this process, one per crossing, each loaded from the store on first use and then kept in
 * memory, and the one way to work on one: `withQueue` runs the task alone on that crossing's queue (Serialiser),
 * so every command decides on the state the previous one left and is durable before the next one starts.
 */
import { queueConfigFor, validateQueueConfig, type QueueConfig } from '../../core/queue/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import { ServiceError } from '../service-error.js';
import { LiveQueue, QueueOutOfStep } from './live-queue.js';
import { Serialiser } from './serialiser.js';

/** The configuration a crossing's queue starts with, when it has none yet. */
export type StartConfig = (crossing: string) => Promise<QueueConfig>;

export class QueueRegistry {
  readonly #queues = new Map<string, LiveQueue>();
  readonly #serial = new Serialiser();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `task` alone on the crossing's queue. With `start`, a crossing without a queue gets one, set up with the
   * configuration `start` gives; without, it is NOT_FOUND.
   */
  withQueue<T>(crossing: string, task: (queue: LiveQueue) => Promise<T> | T, start?: StartConfig): Promise<T> {
    return this.#serial.run(crossing, async () => {
      const queue = this.#queues.get(crossing) ?? (await this.#open(crossing, start));
      try {
        return await task(queue);
      } catch (error) {
        if (!(error instanceof QueueOutOfStep)) throw error;
        this.#queues.delete(crossing);
        throw new ServiceError('CONFLICT', `${error.message}; try again`);
      }
    });
  }

  /** Runs `task` on every stored queue in turn. */
  async forEach(task: (queue: LiveQueue) => Promise<void> | void): Promise<void> {
    for (const stored of await this.store.queues.list()) await this.withQueue(stored.crossing, task);
  }

  /** Whether the crossing has a queue, loaded or stored. */
  async has(crossing: string): Promise<boolean> {
    return this.#queues.has(crossing) || (await this.store.queues.get(crossing)) !== undefined;
  }

  /** The configuration a crossing's queue starts with: its reference data's lanes and hours, and the defaults. */
  readonly fromReference: StartConfig = async (crossing) => {
    const config = await this.defaultsFor(crossing);
    if (config.lanes.length === 0) {
      throw new ServiceError('CONFLICT', `crossing ${crossing} has no lanes: set its queue's lanes first`, [
        { code: 'NO_LANES', path: 'crossing', message: 'a queue needs at least one lane' },
      ]);
    }
    return config;
  };

  /** The defaults for a crossing known to the reference data, its lanes (maybe none) and hours included. */
  readonly defaultsFor: StartConfig = async (crossing) => {
    const reference = await this.store.reference.getCrossing(crossing);
    if (reference === undefined) throw new ServiceError('NOT_FOUND', `no crossing ${crossing}`);
    return queueConfigFor(reference);
  };

  async #open(crossing: string, start: StartConfig | undefined): Promise<LiveQueue> {
    let queue = await LiveQueue.load(this.store.queues, crossing);
    if (queue === undefined) {
      if (start === undefined) throw new ServiceError('NOT_FOUND', `no queue at crossing ${crossing}`);
      const config = await start(crossing);
      const issues = validateQueueConfig(config);
      if (issues.length > 0) throw new ServiceError('VALIDATION', `the queue of ${crossing} cannot start so`, issues);
      queue = await LiveQueue.start(this.store.queues, config, this.clock.now().getTime());
    }
    this.#queues.set(crossing, queue);
    return queue;
  }
}
