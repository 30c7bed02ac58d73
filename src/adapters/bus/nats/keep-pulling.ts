/**
 * A pull kept open on a JetStream consumer: another is opened whenever one ends (a restarted server, heartbeats
 * missed), after a delay that doubles while opening fails, until the owner stops. Shared by the shards' consumers
 * (nats-bus.ts) and the news groups' (nats-news.ts).
 */
import type { ConsumerMessages } from '@nats-io/jetstream';

const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5_000;
/** A pull request's life; the server's heartbeats come at half of it, so a lost pull is noticed in about this long. */
export const PULL_EXPIRES_MS = 5_000;

export interface Pull {
  stopped(): boolean;
  /** Opens the next pull; undefined when there is none to open (the owner stopped meanwhile). */
  open(): Promise<ConsumerMessages | undefined>;
  /** Takes the pull's messages until it ends. */
  take(messages: ConsumerMessages): Promise<void>;
  onError(error: unknown): void;
}

export async function keepPulling(pull: Pull): Promise<void> {
  let wait = RETRY_MIN_MS;
  while (!pull.stopped()) {
    try {
      const messages = await pull.open();
      if (messages !== undefined) {
        if (pull.stopped()) messages.stop();
        void (async () => {
          for await (const status of messages.status()) if (status.type === 'heartbeats_missed') messages.stop();
        })().catch(() => undefined);
        wait = RETRY_MIN_MS;
        await pull.take(messages);
      }
    } catch (error) {
      if (!pull.stopped()) pull.onError(error);
    }
    if (!pull.stopped()) {
      await delay(wait);
      wait = Math.min(RETRY_MAX_MS, wait * 2);
    }
  }
}

/** The delay before trying again after the `attempt`-th failure (0 first), doubling up to the same bound. */
export function retryDelay(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
