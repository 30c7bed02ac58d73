/**
 * A consumer group's handler that acts on each news item once: the bus delivers an item again when its acknowledgement
 * was lost or its consumer died, and the outbox may publish it again after its duplicate window; the ids the group
 * handled are kept in the store, so a repeat is acknowledged without acting again. Only an item whose work was done
 * and not yet marked when its consumer died is acted on a second time: the mark is not in the work's transaction.
 */
import type { Clock } from '../../ports/clock.js';
import type { HandledNewsRepository, NewsHandler } from '../../ports/tracking-news.js';

export function handledOnce(handled: HandledNewsRepository, group: string, clock: Clock, handler: NewsHandler): NewsHandler {
  return async (news) => {
    if (await handled.has(group, news.id)) return;
    await handler(news);
    await handled.add(group, news.id, clock.now().toISOString());
  };
}
