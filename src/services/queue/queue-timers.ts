/**
 * What the queues do as time passes: a called truck that has not reached its lane by its deadline is declared a
 * no-show (the core's rule moves it back or drops it), stale estimates are refreshed, a truck whose channel risk
 * raised without the queue being told is moved to it, and once an hour the trucks that finished more than a day ago
 * leave the live queue for the store's rows alone, so that a queue running for months holds only its current trucks.
 * One sweep over every queue, run on an interval by the server; the sweep itself is a plain method, so tests run it
 * at chosen times.
 */
import { dueNoShows } from '../../core/queue/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Audit } from '../audit.js';
import type { QueueRegistry } from './queue-registry.js';
import type { QueueService } from './queue-service.js';
import type { RefreshPolicy } from './queue-views.js';

const NO_SHOW_TIMER = { username: 'no-show-timer' };
const ARCHIVER = 'archiver';
const HOUR = 3_600_000;
/** Finished trucks stay in the live queue this long: the board's day of waits and throughput needs them. */
export const KEEP_FINISHED_MS = 24 * HOUR;

export class QueueTimers {
  #interval: ReturnType<typeof setInterval> | undefined;
  #running: Promise<void> | undefined;
  readonly #archivedAt = new Map<string, number>();

  constructor(
    private readonly registry: QueueRegistry,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly refresh: RefreshPolicy,
    private readonly channels: Pick<QueueService, 'catchUpRaisedChannels'>,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** Raises the channels risk raised unseen, declares the due no-shows and refreshes stale estimates in every queue. */
  async sweep(): Promise<void> {
    await this.channels.catchUpRaisedChannels();
    await this.registry.forEach(async (queue) => {
      const now = this.clock.now().getTime();
      for (const entryId of dueNoShows(queue.state, now)) {
        const result = await queue.apply({ kind: 'no_show', entryId, at: now, by: NO_SHOW_TIMER.username });
        if (result.ok && result.changed) await this.audit(NO_SHOW_TIMER, 'queue.no_show', 'queue-entry', entryId, { crossing: queue.crossing, version: result.version });
      }
      if (now - (this.#archivedAt.get(queue.crossing) ?? -Infinity) >= HOUR) {
        await queue.apply({ kind: 'archive', before: now - KEEP_FINISHED_MS, at: now, by: ARCHIVER });
        this.#archivedAt.set(queue.crossing, now);
      }
      await queue.refreshIfStale(now, this.refresh.minGapMs, this.refresh.maxAgeMs);
    });
  }

  /** Sweeps every `intervalMs` until stopped; a sweep still running is not started again. */
  start(intervalMs: number): void {
    if (this.#interval !== undefined) return;
    this.#interval = setInterval(() => {
      if (this.#running !== undefined) return;
      this.#running = this.sweep()
        .catch(this.onError)
        .finally(() => {
          this.#running = undefined;
        });
    }, intervalMs);
    this.#interval.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#interval);
    this.#interval = undefined;
    await this.#running;
  }
}
