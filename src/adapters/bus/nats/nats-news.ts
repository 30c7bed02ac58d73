/**
 * The tracker's news on NATS JetStream (see ports/tracking-news.ts). Kept items go to the stream CORRIDOR_TRACKING
 * with the item's id as message id, so a repeat (the outbox published again after a crash) is dropped within the
 * duplicate window. Watchers read the stream from the moment they start through an ordered consumer (what is kept,
 * repeats dropped), opened again after the last item told whenever the server is lost, and the live positions as
 * plain NATS messages (those sent while the server is out of reach are missed). A consumer group is one durable pull consumer
 * shared by every process in it, so each item goes to one of them, and is acknowledged once handled.
 */
import {
  AckPolicy, DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType,
  type ConsumerMessages, type JetStreamClient, type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import type { DurableNews, NewsBus, NewsConsumption, NewsHandler, TrackingNews } from '../../../ports/tracking-news.js';
import { keepPulling, PULL_EXPIRES_MS } from './keep-pulling.js';
import { isNotFound, type StreamSettings } from './nats-setup.js';
import { decodeNews, encodeNews, LIVE_POSITIONS_SUBJECT, NEWS_STREAM, NEWS_SUBJECTS, newsSubject } from './news-messages.js';

/** How long an item a handler failed on waits before it is delivered again. */
const REDELIVER_AFTER_MS = 1_000;

/** Creates the news stream when missing; it keeps what the positions' stream keeps, as long. */
export async function ensureNewsStream(jsm: JetStreamManager, settings: StreamSettings): Promise<void> {
  try {
    await jsm.streams.info(NEWS_STREAM);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add({
      name: NEWS_STREAM, subjects: [NEWS_SUBJECTS], description: 'corridor tracking news', storage: StorageType.File,
      retention: RetentionPolicy.Limits, discard: DiscardPolicy.Old, num_replicas: settings.replicas,
      max_age: nanos(settings.maxAgeMs), duplicate_window: nanos(settings.duplicateWindowMs),
    });
  }
}

export class NatsNews implements NewsBus {
  constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly settings: StreamSettings,
    private readonly onError: (error: unknown) => void,
    private readonly publishTimeoutMs: number,
  ) {}

  async publishNews(news: readonly TrackingNews[]): Promise<void> {
    await Promise.all(
      news.map((item) => {
        if (item.kind === 'positions') {
          this.nc.publish(LIVE_POSITIONS_SUBJECT, encodeNews(item));
          return undefined;
        }
        return this.js.publish(newsSubject(item.kind), encodeNews(item), { msgID: item.id, timeout: this.publishTimeoutMs });
      }),
    );
  }

  async watchNews(watcher: (news: TrackingNews) => void, kind?: DurableNews['kind']): Promise<() => Promise<void>> {
    const tell = (data: Uint8Array) => {
      try {
        watcher(decodeNews(data));
      } catch (error) {
        this.onError(error);
      }
    };
    const live = kind === undefined
      ? this.nc.subscribe(LIVE_POSITIONS_SUBJECT, { callback: (error, message) => (error ? this.onError(error) : tell(message.data)) })
      : undefined;
    // Only what the stream kept: a repeat dropped by its id reaches no watcher. From a sequence rather than
    // DeliverPolicy.New, so a pull opened again after the server was lost or restarted starts right after the last
    // item told (and before any was told, after the last one kept when watching began): nothing kept meanwhile is
    // missed, nothing told twice, nothing older told.
    let next = (await this.jsm.streams.info(NEWS_STREAM)).state.last_seq + 1;
    const filter = kind === undefined ? NEWS_SUBJECTS : newsSubject(kind);
    let stopped = false;
    let messages: ConsumerMessages | undefined;
    const reading = keepPulling({
      stopped: () => stopped,
      open: async () => {
        const ordered = await this.js.consumers.get(NEWS_STREAM, { filter_subjects: filter, deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: next });
        messages = await ordered.consume({ expires: PULL_EXPIRES_MS });
        return messages;
      },
      take: async (pulled) => {
        for await (const message of pulled) {
          if (message.seq < next) continue;
          next = message.seq + 1;
          tell(message.data);
        }
      },
      onError: this.onError,
    });
    return async () => {
      stopped = true;
      live?.unsubscribe();
      messages?.stop();
      await reading;
    };
  }

  async consumeNews(group: string, handler: NewsHandler): Promise<NewsConsumption> {
    const name = `${NEWS_STREAM}_${group}`;
    try {
      await this.jsm.consumers.info(NEWS_STREAM, name);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.jsm.consumers.add(NEWS_STREAM, {
        durable_name: name, ack_policy: AckPolicy.Explicit, ack_wait: nanos(this.settings.ackWaitMs), max_deliver: -1, deliver_policy: DeliverPolicy.All,
      });
    }
    let stopped = false;
    let messages: ConsumerMessages | undefined;
    const running = keepPulling({
      stopped: () => stopped,
      open: async () => {
        const consumer = await this.js.consumers.get(NEWS_STREAM, name);
        messages = await consumer.consume({ max_messages: 100, expires: PULL_EXPIRES_MS });
        return messages;
      },
      take: async (pulled) => {
        for await (const message of pulled) {
          let news: TrackingNews;
          try {
            news = decodeNews(message.data);
          } catch (error) {
            // An item no consumer can read would come back for ever: it is reported and put aside.
            this.onError(new Error(`news ${message.seq} is unreadable; terminated`, { cause: error }));
            message.term();
            continue;
          }
          try {
            if (news.kind !== 'positions') await handler(news);
            message.ack();
          } catch (error) {
            this.onError(error);
            message.nak(REDELIVER_AFTER_MS);
          }
        }
      },
      onError: this.onError,
    });
    return {
      stop: async () => {
        stopped = true;
        messages?.stop();
        await running;
      },
    };
  }
}
