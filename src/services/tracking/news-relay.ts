/**
 * Publishes the tracker's outbox (news stored with its progress, see tracker.ts) to the bus, oldest first, and drops
 * what the bus kept. Run after every save and on a timer, which also publishes what a tracker that died after its
 * commit left behind. Two relays over one outbox may publish an item twice: the bus drops the repeat by its id.
 */
import type { NewsBus, NewsOutboxRepository } from '../../ports/tracking-news.js';

export interface NewsRelayOptions {
  /** How often the outbox is looked at besides after each save; 2 s unless told. */
  intervalMs?: number;
  /** Most items published at once. */
  batch?: number;
  onError?: (error: unknown) => void;
}

export class NewsRelay {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly outbox: NewsOutboxRepository,
    private readonly bus: Pick<NewsBus, 'publishNews'>,
    private readonly options: NewsRelayOptions = {},
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.intervalMs ?? 2_000);
    this.timer.unref();
    this.kick();
  }

  /** Publishes what waits, after the run under way (once, however often it is asked meanwhile). */
  kick(): void {
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves once what waits now is published (or failed, reported). */
  async flush(): Promise<void> {
    this.kick();
    while (this.running !== undefined) await this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.again = false;
    await this.running;
  }

  private async drain(): Promise<void> {
    const batch = this.options.batch ?? 500;
    for (;;) {
      const pending = await this.outbox.pending(batch);
      if (pending.length === 0) return;
      await this.bus.publishNews(pending.map((item) => item.news));
      await this.outbox.published(pending.map((item) => item.seq));
      if (pending.length < batch) return;
    }
  }
}
