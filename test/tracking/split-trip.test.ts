/**
 * A trip whose two seals fall on shards held by different trackers, on one store: the trip's tracker is given its
 * first seal's positions as they are stored, and reads the other seal's from the store, where another tracker put
 * them, often after it took newer positions of the first. Every position of both seals is taken exactly once, through
 * a restart with positions committed while the tracker was down; the other seal's opening raises one alert; and
 * replay takes the positions in the order the tracker took them, so it agrees with the stored events.
 */
import { describe, expect, it } from 'vitest';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';
import type { Position } from '../../src/core/model/index.js';
import { DEVICE, MINUTE, roadside, stubCountries, transit, type Incident } from '../../src/core/tracking/test-support.js';
import type { Store } from '../../src/ports/store.js';
import { PositionIngest } from '../../src/services/position-ingest.js';
import { receiveOrder } from '../../src/services/tracking/receive-order.js';
import { storeBackends } from '../support/store-backends.js';
import { armRequest, seedRoute, trackingWorld, type TrackingWorld } from './tracking-world.js';

const OTHER = '356307042441021';
const BATCH = 8;

/** The first seal's positions come to the tracker; the other seal's shard is another tracker's. */
const given = (sealId: string) => sealId === DEVICE;

/** The trip's tracker process on `store`, following every trip, told which seals' positions it is given. */
async function trackerProcess(store: Store, clock: TrackingWorld['clock'], taken: Map<string, number>): Promise<TrackingWorld> {
  const platform = wirePlatform(store, clock, { tracking: { tickIntervalMs: 0, countries: stubCountries() } });
  platform.tracker.subscribe({ positions: (_, positions) => positions.forEach((p) => taken.set(key(p), (taken.get(key(p)) ?? 0) + 1)) });
  await platform.tracker.followOnly(() => true, undefined, given);
  const ingest = new PositionIngest(store.positions, { durable: (positions) => platform.tracker.durable(positions) });
  return { platform, ingest, clock };
}

const key = (p: Position) => `${p.deviceId}@${p.deviceTime}`;

describe.each(storeBackends('split_trip'))('a trip whose seals two trackers store, on %s', (_, openStore) => {
  it('takes every position of both seals once, through a restart, and raises the other seal\'s opening once', { timeout: 120_000 }, async () => {
    const { store, dispose } = await openStore();
    const taken = new Map<string, number>();
    const arming = trackingWorld(store);
    const declarationId = await seedRoute(arming.platform, 'SPLIT-0001', [DEVICE, OTHER]);
    const { trip } = await arming.platform.trips.arm(CONSOLE_USER, armRequest(declarationId));
    const prepared = arming.platform.tracker.tripOf(trip.id)!;
    await arming.platform.tracker.stop();

    // Both seals on the same truck, each reporting at its own pace; the other seal's doors are opened by the road.
    const own = transit(prepared, 'own').positions.slice(0, 300);
    const doors: Incident = {
      atM: 20_000,
      act: (d) => {
        roadside(5 * MINUTE)(d);
        d.setSeal({ locked: false });
        roadside(10 * MINUTE)(d);
        d.setSeal({ locked: true });
      },
    };
    const other = transit(prepared, 'other', [doors]).positions.slice(0, 300).map((p) => ({ ...p, deviceId: OTHER }));
    expect(other.some((p) => p.seal?.locked === false)).toBe(true);

    let world = await trackerProcess(store, arming.clock, taken);
    let stored = 0;
    /** The other tracker stores the other seal's positions received up to `until`; the trip's tracker reads them. */
    const otherStoresUpTo = async (until: number, read: boolean) => {
      const due = other.slice(stored).filter((p) => p.receivedTime <= until);
      stored += due.length;
      await store.positions.insertMany(due);
      if (read) await world.platform.tracker.readStoredElsewhere();
    };
    const half = Math.floor(own.length / 2 / BATCH) * BATCH;
    for (let i = 0; i < own.length; i += BATCH) {
      const batch = own.slice(i, i + BATCH);
      if (i === half) {
        // The trip's tracker is down: both seals' positions are committed meanwhile, and its successor catches up.
        await world.platform.tracker.stop();
        await store.positions.insertMany(batch);
        await otherStoresUpTo(batch.at(-1)!.receivedTime, false);
        world = await trackerProcess(store, arming.clock, taken);
        continue;
      }
      await world.ingest.submit(batch);
      await world.platform.tracker.idle();
      await otherStoresUpTo(batch.at(-1)!.receivedTime, true);
    }
    await otherStoresUpTo(Infinity, true);

    // Every position of both seals taken exactly once, and each seal's cursor at its last.
    const all = [...own, ...other];
    expect([...taken.entries()].filter(([, times]) => times !== 1)).toEqual([]);
    expect(taken.size).toBe(all.length);
    const progress = await store.trips.progress(trip.id);
    expect(progress!.cursors[DEVICE]?.deviceTime).toBe(own.at(-1)!.deviceTime);
    expect(progress!.cursors[OTHER]?.deviceTime).toBe([...other].sort(receiveOrder).at(-1)!.deviceTime);
    // Some of the other seal's positions came in behind newer ones of the first seal, as they do across trackers.
    expect((await store.trips.takenBehind(trip.id)).length).toBeGreaterThan(0);

    // The other seal's opening by the road, raised as one alert.
    const events = (await store.trips.events(trip.id, { limit: 10_000, offset: 0 })).items;
    expect(events.filter((e) => e.type === 'seal-opened').map((e) => e.position?.deviceId)).toContain(OTHER);
    const alerts = (await store.alerts.list({ tripId: trip.id, type: 'seal-opened', limit: 10, offset: 0 })).items;
    expect(alerts.map((a) => a.foldKey)).toEqual([`seal-opened:${OTHER}`]);

    // Replay takes the positions in the order the trackers took them, and raises the same events.
    expect(await world.platform.trips.replay(CONSOLE_USER, trip.id)).toMatchObject({ matches: true, stored: events.length });
    await world.platform.tracker.stop();
    await dispose();
  });
});
