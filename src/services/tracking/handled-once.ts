/**
 * A consumer group's handler that acts on each news item once: the bus delivers an item again when its acknowledgement
 * was lost or its consumer died, and the outbox may publish it again after its duplicate window; the ids the group
 * handled are kept in the store, so a repeat is acknowledged without acting again. The work that stores what it did
 * writes the mark in the same transaction (risk's re-assessment, the queue's check-in, an alarm forwarded to other
 * operators), so a consumer that dies leaves both stored or neither; the rest writes nothing, or only what doing it
 * again leaves as it was (see the handlers), and is marked after it.
 */
import type { Clock } from '../../ports/clock.js';
import type { HandledNewsRepository, NewsHandler } from '../../ports/tracking-news.js';

export function handledOnce(handled: HandledNewsRepository, group: string, clock: Clock, handler: NewsHandler): NewsHandler {
  return async (news) => {
    if (await handled.has(group, news.id)) return;
    const mark = { group, newsId: news.id, at: clock.now().toISOString() };
    await handler(news, mark);
    await handled.add(mark);
  };
}
