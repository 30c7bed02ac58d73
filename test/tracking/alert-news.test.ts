/**
 * An operator's action on an alert in a scaled-out process: the change goes into the store's outbox with the action,
 * and the process's news relay publishes it, so the live streams and trackers of other processes learn it even when
 * the bus was down at the moment of the action.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER } from '../../src/apps/platform.js';
import { startNewsRelay } from '../../src/apps/server/tracking-news-roles.js';
import { roadside, transit } from '../../src/core/tracking/test-support.js';
import type { NewsBus, TrackingNews } from '../../src/ports/tracking-news.js';
import { armRequest, seedRoute, trackingWorld } from './tracking-world.js';

/** A bus that keeps what it is given to publish, or refuses it while `down`. */
function flakyBus(): { bus: NewsBus; published: TrackingNews[]; setDown: (down: boolean) => void } {
  const published: TrackingNews[] = [];
  let down = false;
  const bus: NewsBus = {
    publishNews: async (news) => {
      if (down) throw new Error('NATS unreachable');
      published.push(...news);
    },
    watchNews: async () => async () => undefined,
    consumeNews: async () => ({ stop: async () => undefined }),
  };
  return { bus, published, setDown: (value) => void (down = value) };
}

describe('an operator\'s action on an alert, scaled out', () => {
  it('is published by the relay from the outbox once the bus is back, with the declaration and the alert as changed', async () => {
    const store = openStore(':memory:');
    await store.migrate();
    const { bus, published, setDown } = flakyBus();
    const world = trackingWorld(store, undefined, { news: bus });
    const declarationId = await seedRoute(world.platform);
    const view = await world.platform.trips.arm(CONSOLE_USER, armRequest(declarationId));
    const trip = world.platform.tracker.tripOf(view.trip.id)!;
    const driver = transit(trip, 'alert-news', [{ atM: 40_000, act: (d) => { d.setSeal({ locked: false }); roadside(5 * 60_000)(d); } }]);
    await world.ingest.submit(driver.inputs().flatMap((input) => (input.kind === 'position' ? [input.position] : [])));
    await world.platform.tracker.idle();
    const [raised] = (await store.alerts.list({ tripId: view.trip.id, type: 'seal-opened', limit: 10, offset: 0 })).items;
    expect(raised).toMatchObject({ status: 'open' });
    await store.newsOutbox.published((await store.newsOutbox.pending(10_000)).map((item) => item.seq));

    const relay = startNewsRelay(world.platform, bus, { warn: () => undefined });
    setDown(true);
    const { alert } = await world.platform.alerts.acknowledge(CONSOLE_USER, raised!.id, 'seen');
    expect(alert.status).toBe('acknowledged');
    expect(published).toEqual([]);
    expect((await store.newsOutbox.pending(10)).map((item) => item.news)).toEqual([expect.objectContaining({ kind: 'alert-changed', alert })]);

    setDown(false);
    await relay.close();
    expect(published).toEqual([{ kind: 'alert-changed', id: expect.stringContaining(raised!.id), declarationId, alert }]);
    expect(await store.newsOutbox.pending(10)).toEqual([]);
    await world.platform.close();
  });
});
