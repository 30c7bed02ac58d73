/**
 * The tracker's news on the bus, from both ends (see ports/tracking-news.ts):
 * - every process publishes the store's outbox by a relay, after each save of its tracker or action of an operator
 *   on an alert, and on a timer;
 * - a process that tracks also publishes the positions its trips took live, and forgets the alerts an operator
 *   resolved in another process at once, not at its next tick;
 * - a process that serves the API feeds its live stream from the bus, and consumes the consequence groups: each
 *   group's news is acted on by one of the processes consuming it, once, and acknowledged after the work is stored.
 * `corridor tracker` tracks, `corridor api` serves the API, `corridor serve` over JetStream does both.
 */
import type { Logger } from 'pino';
import { systemClock } from '../../ports/clock.js';
import type { NewsBus, NewsConsumption } from '../../ports/tracking-news.js';
import { handledOnce } from '../../services/tracking/handled-once.js';
import { NewsRelay } from '../../services/tracking/news-relay.js';
import { announceNews, positionsNews } from '../../services/tracking/tracking-news.js';
import type { Platform } from '../platform.js';

export interface NewsRole {
  close(): Promise<void>;
}

/** Publishes the outbox after each save and alert action told to the tracker's listeners, and on a timer. */
export function startNewsRelay(platform: Platform, bus: NewsBus, log: Pick<Logger, 'warn'>): NewsRole {
  const relay = new NewsRelay(platform.store.newsOutbox, bus, { onError: publishFailed(log) });
  const kick = () => relay.kick();
  const unsubscribe = platform.tracker.subscribe({ events: kick, alertRaised: kick, alertChanged: kick, etaChanged: kick });
  relay.start();
  return {
    close: async () => {
      unsubscribe();
      await relay.flush();
      await relay.stop();
    },
  };
}

/** A tracking process's part: the outbox relay, its trips' positions live, and the alerts resolved elsewhere. */
export async function startNewsPublishing(platform: Platform, bus: NewsBus, log: Pick<Logger, 'warn'>): Promise<NewsRole> {
  const onError = publishFailed(log);
  const relay = startNewsRelay(platform, bus, log);
  const unsubscribe = platform.tracker.subscribe({
    positions: (tripId, positions) => void bus.publishNews([positionsNews(tripId, positions)]).catch(onError),
  });
  const stopWatching = await bus.watchNews((news) => {
    if (news.kind === 'alert-changed' && news.alert.status === 'resolved') {
      void platform.tracker.alertWork(async (book) => book.resolved(news.alert)).catch(onError);
    }
  }, 'alert-changed');
  return {
    close: async () => {
      unsubscribe();
      await stopWatching();
      await relay.close();
    },
  };
}

function publishFailed(log: Pick<Logger, 'warn'>): (error: unknown) => void {
  return (error) => log.warn({ err: error }, 'tracking news not published yet; retrying');
}

/** How often the handled marks older than what the bus keeps are forgotten. */
const FORGET_EVERY_MS = 3_600_000;

/** `keptMs`: how long the bus keeps news (its stream's age limit), and so how long a handled mark must last. */
export async function startNewsConsumers(platform: Platform, bus: NewsBus, keptMs: number, log: Pick<Logger, 'info' | 'warn'>): Promise<NewsRole> {
  const stopWatching = await bus.watchNews((news) => announceNews(news, platform.feed.relay));
  const consumptions: NewsConsumption[] = [];
  for (const { group, handler } of platform.consequences) {
    const once = handledOnce(platform.store.handledNews, group, systemClock, handler);
    consumptions.push(await bus.consumeNews(group, once));
  }
  log.info({ groups: platform.consequences.map((c) => c.group) }, 'consuming tracking news');
  const forget = setInterval(() => {
    const before = new Date(systemClock.now().getTime() - keptMs).toISOString();
    platform.store.handledNews.forgetBefore(before).catch((error: unknown) => log.warn({ err: error }, 'handled news marks not forgotten; next hour'));
  }, FORGET_EVERY_MS);
  forget.unref();
  return {
    close: async () => {
      clearInterval(forget);
      for (const consumption of consumptions) await consumption.stop();
      await stopWatching();
    },
  };
}
