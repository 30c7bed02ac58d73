import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../adapters/store/open-store.js';
import type { Store } from '../../ports/store.js';
import type { DurableNews, TrackingNews } from '../../ports/tracking-news.js';
import { NewsRelay } from './news-relay.js';

let store: Store;
beforeEach(async () => {
  store = openStore(':memory:');
  await store.migrate();
});
afterEach(() => store.close());

const eta = (n: number): DurableNews => ({ kind: 'eta', id: `eta:${n}`, eta: { tripId: 'trip-1', declarationId: 'd-1', destinationAt: n, crossingAt: null, speedKmh: 60 } });

/** Stores news as a tracker's save does, with nothing else in the batch. */
const save = (news: DurableNews[]) => store.trips.saveProgress({ progress: [], events: [], newAlerts: [], folds: [], news });

describe('the news relay', () => {
  it('publishes the outbox oldest first, in batches, and drops only what the bus kept; what failed goes out on the next try', async () => {
    const published: TrackingNews[][] = [];
    let down = true;
    const relay = new NewsRelay(store.newsOutbox, {
      publishNews: async (news) => {
        if (down) throw new Error('NATS unreachable');
        published.push([...news]);
      },
    }, { batch: 2, onError: () => undefined });
    await save([eta(1), eta(2)]);
    await save([eta(3)]);

    // A tracker that stored its news and could not publish them leaves them in the outbox.
    await relay.flush();
    expect(published).toEqual([]);
    expect((await store.newsOutbox.pending(10)).map((p) => p.news.id)).toEqual(['eta:1', 'eta:2', 'eta:3']);

    down = false;
    await relay.flush();
    expect(published.map((batch) => batch.map((n) => n.id))).toEqual([['eta:1', 'eta:2'], ['eta:3']]);
    expect(await store.newsOutbox.pending(10)).toEqual([]);
    await relay.stop();
  });
});
