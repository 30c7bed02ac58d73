/**
 * The bus on NATS JetStream (`CORRIDOR_BUS=nats://host:4222`). A publish sends one message per device to the
 * device's shard subject with a message id from the positions' keys, and resolves once JetStream acknowledged every
 * message (stored, or dropped as a repeat of one stored). Each consumed shard is a durable pull consumer: its
 * deliveries are gathered into batches while the previous batch is handled, one batch at a time, each acknowledged
 * once its handler resolved; a batch whose handler fails is tried again, in place, so a shard never gets ahead of
 * what is durable and a device's positions are handled in the order they were published.
 *
 * The same connection carries the tracker's news (nats-news.ts).
 */
import { jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { shardOf } from '../../../core/devices/index.js';
import type { Position } from '../../../core/model/index.js';
import type { Bus, Consumption, PositionHandler } from '../../../ports/bus.js';
import type { DurableNews, NewsBus, NewsConsumption, NewsHandler, TrackingNews } from '../../../ports/tracking-news.js';
import { consumerOf, ensureConsumer, ensureStream, rewindConsumer, subjectOf, type StreamSettings } from './nats-setup.js';
import { delay, keepPulling, PULL_EXPIRES_MS, retryDelay } from './keep-pulling.js';
import { ensureNewsStream, NatsNews } from './nats-news.js';
import { byDevice, decodePositions, encodePositions, messageId } from './position-messages.js';

export interface NatsBusOptions extends Partial<StreamSettings> {
  /** Most messages handed to a handler at once. */
  maxBatch?: number;
  /** How long a publish waits for JetStream's acknowledgement. */
  publishTimeoutMs?: number;
  /** A name for the connection, shown by the server's monitoring. */
  name?: string;
  /** Told of what goes wrong in consumption (a failed handler, a lost pull), which is retried. */
  onError?: (error: unknown) => void;
}

export const DEFAULT_STREAM_SETTINGS: StreamSettings = {
  stream: 'CORRIDOR_POSITIONS',
  subjectPrefix: 'corridor.positions',
  shardCount: 16,
  replicas: 1,
  maxAgeMs: 7 * 24 * 3_600_000,
  duplicateWindowMs: 10 * 60_000,
  ackWaitMs: 60_000,
  maxAckPending: 20_000,
};

/** Connects (waiting for a server that is not up yet), and creates or verifies the stream and every shard's consumer. */
export async function connectNatsBus(servers: string, options: NatsBusOptions = {}): Promise<NatsBus> {
  const settings: StreamSettings = { ...DEFAULT_STREAM_SETTINGS, ...definedOnly(options) };
  const nc = await connect({
    servers: servers.split(',').map((s) => s.trim().replace(/^nats:\/\//, '')),
    name: options.name ?? 'corridor',
    maxReconnectAttempts: -1,
    reconnectTimeWait: 250,
    waitOnFirstConnect: true,
    // Otherwise every request (each JetStream publish) makes an Error up front to keep the stack of where it began,
    // in case it fails: a tenth of a gateway's CPU. A failed publish still rejects with its cause.
    noAsyncTraces: true,
  });
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, settings);
    for (let shard = 0; shard < settings.shardCount; shard++) await ensureConsumer(jsm, settings, shard);
    await ensureNewsStream(jsm, settings);
    return new NatsBus(nc, jsm, settings, options);
  } catch (error) {
    await nc.close();
    throw error;
  }
}

export class NatsBus implements Bus, NewsBus {
  readonly shardCount: number;
  private readonly js: JetStreamClient;
  private readonly news: NatsNews;
  private readonly consumers = new Set<ShardConsumer>();
  /** The wait of the publishes made in this turn of the event loop (see publishTurn). */
  private turn: Promise<void> | undefined;

  constructor(
    private readonly nc: NatsConnection,
    readonly jsm: JetStreamManager,
    readonly settings: StreamSettings,
    private readonly options: NatsBusOptions,
  ) {
    this.shardCount = settings.shardCount;
    this.js = jetstream(nc);
    this.news = new NatsNews(nc, this.js, jsm, settings, options.onError ?? (() => {}), options.publishTimeoutMs ?? 5_000);
    void this.watchConnection();
  }

  publishNews(news: readonly TrackingNews[]): Promise<void> {
    return this.news.publishNews(news);
  }

  watchNews(watcher: (news: TrackingNews) => void, kind?: DurableNews['kind']): Promise<() => Promise<void>> {
    return this.news.watchNews(watcher, kind);
  }

  consumeNews(group: string, handler: NewsHandler): Promise<NewsConsumption> {
    return this.news.consumeNews(group, handler);
  }

  /** After a reconnection every shard pulls afresh from its first unacknowledged message (see ShardConsumer.pull). */
  private async watchConnection(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === 'reconnect') for (const consumer of this.consumers) consumer.interrupt();
    }
  }

  async publish(positions: readonly Position[]): Promise<void> {
    if (positions.length === 0) return;
    await this.publishTurn();
    const timeout = this.options.publishTimeoutMs ?? 5_000;
    await Promise.all(
      byDevice(positions).map((device) =>
        this.js.publish(subjectOf(this.settings, shardOf(device[0]!.deviceId, this.shardCount)), encodePositions(device), {
          msgID: messageId(device),
          timeout,
        }),
      ),
    );
  }

  /**
   * Resolves in the check phase of this turn of the event loop, with every other publish made in it. The client
   * writes what was published in one task to the socket once, but each device's frame is read in a task of its own:
   * publishing them together after the turn's reads puts all of them in one write, where each cost a system call
   * (a fifth of a busy gateway's CPU).
   */
  private publishTurn(): Promise<void> {
    this.turn ??= new Promise((resolve) =>
      setImmediate(() => {
        this.turn = undefined;
        resolve();
      }),
    );
    return this.turn;
  }

  async consume(shards: readonly number[], handler: PositionHandler): Promise<Consumption> {
    for (const shard of shards) {
      if (!Number.isInteger(shard) || shard < 0 || shard >= this.shardCount) throw new RangeError(`no shard ${shard} of ${this.shardCount}`);
    }
    const started: ShardConsumer[] = [];
    for (const shard of shards) {
      const consumer = new ShardConsumer(this.js, this.jsm, this.settings, shard, handler, this.options);
      this.consumers.add(consumer);
      started.push(consumer);
      consumer.start();
    }
    return {
      shards: [...shards],
      stop: async () => {
        await Promise.all(started.map((consumer) => consumer.stop()));
        for (const consumer of started) this.consumers.delete(consumer);
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.consumers.clear();
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }
}

/** One shard's durable consumer: deliveries into a buffer, handled a batch at a time in delivery order. */
class ShardConsumer {
  private readonly buffer: JsMsg[] = [];
  private messages: ConsumerMessages | undefined;
  private draining: Promise<void> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The stream sequence of the last message handled: anything delivered again up to it is a repeat. */
  private handledUpTo = 0;

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly settings: StreamSettings,
    readonly shard: number,
    private readonly handler: PositionHandler,
    private readonly options: NatsBusOptions,
  ) {}

  start(): void {
    this.running = this.pull();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    await this.running;
    await this.draining;
  }

  /** Ends the pull under way; the next one starts from the first unacknowledged message. */
  interrupt(): void {
    this.messages?.stop();
  }

  /**
   * Keeps a pull open on the shard's consumer, opening another whenever one ends (a restarted server, missed
   * heartbeats). Each pull starts once everything delivered before it is handled, from the first message not
   * acknowledged: a message delivered and lost in a crash would otherwise come again only when its ack wait ran out,
   * after later ones.
   */
  private pull(): Promise<void> {
    return keepPulling({
      stopped: () => this.stopped,
      open: async () => {
        await this.draining;
        if (this.stopped) return undefined;
        await rewindConsumer(this.jsm, this.settings, this.shard);
        const consumer = await this.js.consumers.get(this.settings.stream, consumerOf(this.settings, this.shard));
        this.messages = await consumer.consume({
          max_messages: Math.min(this.settings.maxAckPending, (this.options.maxBatch ?? 1_000) * 2),
          expires: PULL_EXPIRES_MS,
        });
        return this.messages;
      },
      take: async (messages) => {
        for await (const message of messages) {
          this.buffer.push(message);
          if (this.draining === undefined) this.draining = this.drain();
        }
      },
      onError: (error) => this.options.onError?.(error),
    });
  }

  /** Handles the buffer until it is empty; the caller sets `draining` to the run, which clears it as it ends. */
  private async drain(): Promise<void> {
    // Always after the caller's assignment, so the clearing below can never come before it.
    await Promise.resolve();
    const maxBatch = this.options.maxBatch ?? 1_000;
    while (this.buffer.length > 0 && !this.stopped) {
      const batch = this.buffer.splice(0, maxBatch);
      const positions: Position[] = [];
      const taken: JsMsg[] = [];
      for (const message of batch) {
        // A repeat of what was handled already (an acknowledgement lost, say) is acknowledged again and skipped.
        if (message.seq <= this.handledUpTo) {
          message.ack();
          continue;
        }
        try {
          for (const position of decodePositions(message.data)) positions.push(position);
          taken.push(message);
        } catch (error) {
          // A message no consumer can read would hold the shard for ever: it is reported and put aside.
          this.options.onError?.(new Error(`shard ${this.shard}: message ${message.seq} is not positions; terminated`, { cause: error }));
          message.term();
        }
      }
      if (taken.length === 0) continue;
      if (!(await this.handle(positions, batch))) break;
      for (const message of taken) message.ack();
      this.handledUpTo = taken[taken.length - 1]!.seq;
    }
    this.draining = undefined;
  }

  /** Runs the handler until it succeeds (false if stopped first), keeping the batch's deliveries from timing out. */
  private async handle(positions: readonly Position[], batch: readonly JsMsg[]): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.handler(positions);
        return true;
      } catch (error) {
        this.options.onError?.(error);
      }
      if (this.stopped) return false;
      for (const message of batch) message.working();
      for (const message of this.buffer) message.working();
      await delay(retryDelay(attempt));
      if (this.stopped) return false;
    }
  }
}

function definedOnly(options: NatsBusOptions): Partial<StreamSettings> {
  return Object.fromEntries(Object.entries(options).filter(([key, value]) => value !== undefined && key in DEFAULT_STREAM_SETTINGS)) as Partial<StreamSettings>;
}
