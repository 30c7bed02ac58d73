/**
 * A trip whose two seals fall on shards held by different trackers, for real: two `corridor tracker` processes
 * (shards 0-1 and 2-3) over a private nats-server and PostgreSQL, both seals' positions published on the bus as they
 * are reported. The trip is followed by the holder of its first seal's shard, which reads the other seal's positions
 * from the store, where the other tracker puts them. Mid-stream the trip's tracker is killed with SIGKILL: the other
 * takes its shards over and hands them back to its restarted successor. Then the other seal's doors are opened by the
 * road. Every position of both seals is taken, none twice; the opening raises one alert; and replay agrees with the
 * stored events.
 */
import { describe, expect, it } from 'vitest';
import { connectNatsBus, type NatsBus } from '../../src/adapters/bus/nats/nats-bus.js';
import { loadCountryIndex } from '../../src/adapters/geo/natural-earth.js';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { CONSOLE_USER, wirePlatform, type Platform } from '../../src/apps/platform.js';
import { shardOf, tripShard } from '../../src/core/devices/index.js';
import type { Position } from '../../src/core/model/index.js';
import { Driver } from '../../src/core/tracking/test-support.js';
import type { TrackingNews } from '../../src/ports/tracking-news.js';
import { receiveOrder } from '../../src/services/tracking/receive-order.js';
import { startCorridor } from '../support/processes.js';
import { scaleOut } from '../support/scale-out.js';
import { armRequest, seedRoute } from '../tracking/tracking-world.js';

const scale = scaleOut('split-trip');
const SHARDS = 4;
const candidates = Array.from({ length: 40 }, (_, i) => `86${String(3_000_000_000_000 + i * 104_729).padStart(13, '0')}`);
/** The trip's first seal on a shard of the first tracker; its other seal, after it, on a shard of the second. */
const OWN = candidates.find((id) => shardOf(id, SHARDS) < 2)!;
const OTHER = candidates.find((id) => id > OWN && shardOf(id, SHARDS) >= 2)!;
const PASSWORD = 'split-trip-test';
/** Processes starting from the sources, on a busy machine, take a while. */
const STARTING_MS = 120_000;
const PER_MESSAGE = 3;
const PACE_MS = 100;

let bus: NatsBus | undefined;
scale.closing(() => bus?.close());

/** A platform in the test's schema, its tracker on the real borders and ticked by the test alone. */
async function platformOn(): Promise<Platform> {
  const store = openPostgresStore(scale.pgUrl, { schema: scale.schema });
  await store.migrate();
  return wirePlatform(store, undefined, { tracking: { countries: loadCountryIndex(), tickIntervalMs: 0 } });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const holding = (shards: string) => new RegExp(`"shards":\\[${shards}\\][^\\n]*"msg":"holding shards"`);
const key = (p: Position) => `${p.deviceId}@${p.deviceTime}`;

describe.skipIf(!scale.available)('a trip whose seals fall on shards of different trackers', () => {
  it('takes every position of both seals once, through a takeover of its tracker, and raises the other seal\'s opening once', { timeout: 300_000 }, async () => {
    const db = scale.databaseUrl(scale.pgUrl);
    const seeding = await platformOn();
    const declarationId = await seedRoute(seeding, 'SPLIT-1', [OWN, OTHER]);
    const { trip } = await seeding.trips.arm(CONSOLE_USER, armRequest(declarationId));
    expect(tripShard(trip.sealIds, SHARDS)).toBe(shardOf(OWN, SHARDS));
    const prepared = seeding.tracker.prepare(trip.plan);
    // Both seals on the same truck, each reporting at its own pace; the other seal's doors are opened by the road.
    const own = new Driver(prepared, 'split-own', trip.plan.openedAt + 1_000).driveKm(120).positions.map((p) => ({ ...p, deviceId: OWN }));
    const other = new Driver(prepared, 'split-other', trip.plan.openedAt + 1_500)
      .driveKm(70).setSeal({ locked: false }).driveKm(2).setSeal({ locked: true }).driveKm(48)
      .positions.map((p) => ({ ...p, deviceId: OTHER }));
    await seeding.close();

    const env = {
      CORRIDOR_DB: db, CORRIDOR_BUS: scale.nats().url, CORRIDOR_BUS_SHARDS: String(SHARDS), CORRIDOR_SHARD_LEASE_MS: '3000', CORRIDOR_HTTP_PORT: '0',
      CORRIDOR_ADMIN_PASSWORD: PASSWORD,
    };
    const start = (shards: string) => {
      const child = startCorridor(['tracker', '--shards', shards], env);
      scale.children.push(child);
      return child;
    };
    const first = start('0-1');
    const second = start('2-3');
    await Promise.all([first.waitFor(holding('0,1'), STARTING_MS), second.waitFor(holding('2,3'), STARTING_MS)]);

    // What the trackers tell: the positions each trip took (live), and the alerts raised.
    bus = await connectNatsBus(scale.nats().url, { shardCount: SHARDS });
    const told: TrackingNews[] = [];
    const unwatch = await bus.watchNews((news) => told.push(news));

    // Both seals report as they go, the messages of the two shards interleaved in receive order.
    const reports = [...own, ...other].sort(receiveOrder);
    const publishUpTo = async (from: number, to: number) => {
      for (let i = from; i < to; i += PER_MESSAGE) {
        await bus!.publish(reports.slice(i, Math.min(i + PER_MESSAGE, to)));
        await sleep(PACE_MS);
      }
    };
    const killAt = Math.floor(reports.length * 0.3);
    await publishUpTo(0, killAt);
    // The trip's tracker dies; the other takes its shards over once their leases run out, then hands them back.
    await first.kill('SIGKILL');
    await second.waitFor(holding('0,1,2,3'), 30_000);
    const restartAt = Math.floor(reports.length * 0.45);
    await publishUpTo(killAt, restartAt);
    const successor = start('0-1');
    await successor.waitFor(holding('0,1'), STARTING_MS);
    await publishUpTo(restartAt, reports.length);
    expect(reports.findIndex((p) => p.deviceId === OTHER && p.seal?.locked === false)).toBeGreaterThan(restartAt);

    const check = await platformOn();
    try {
      // Each seal's cursor reaches its last position: the trip took everything of both.
      const deadline = Date.now() + 60_000;
      const last = { [OWN]: own.at(-1)!.deviceTime, [OTHER]: other.at(-1)!.deviceTime };
      for (;;) {
        const cursors = (await check.store.trips.progress(trip.id))?.cursors ?? {};
        if (cursors[OWN]?.deviceTime === last[OWN] && cursors[OTHER]?.deviceTime === last[OTHER]) break;
        if (Date.now() > deadline) throw new Error(`not caught up: ${JSON.stringify(cursors)}`);
        await sleep(250);
      }
      // Some of the other seal's positions came in behind newer ones of the first, as they do across trackers.
      expect((await check.store.trips.takenBehind(trip.id)).length).toBeGreaterThan(0);
      // Each position stored once.
      for (const [device, sent] of [[OWN, own], [OTHER, other]] as const) {
        const stored = await check.store.positions.list({ deviceId: device, limit: 100_000 });
        expect(stored.map((p) => p.deviceTime)).toEqual(sent.map((p) => p.deviceTime));
      }

      // None taken twice (a tracker killed between its save and its telling may leave some untold, never one told twice).
      await sleep(2_000);
      const taken = new Map<string, number>();
      for (const news of told) if (news.kind === 'positions' && news.tripId === trip.id) for (const p of news.positions) taken.set(key(p), (taken.get(key(p)) ?? 0) + 1);
      expect([...taken].filter(([, times]) => times > 1)).toEqual([]);
      // The other seal's positions after the restart, all told: the trip's tracker took them from the store.
      const afterRestart = other.filter((p) => reports.indexOf(p) >= restartAt);
      expect(afterRestart.filter((p) => !taken.has(key(p)))).toEqual([]);

      // The other seal's opening by the road: one alert, raised once.
      const alerts = (await check.store.alerts.list({ tripId: trip.id, type: 'seal-opened', limit: 10, offset: 0 })).items;
      expect(alerts.map((a) => a.foldKey)).toEqual([`seal-opened:${OTHER}`]);
      const raised = told.filter((news) => news.kind === 'alert-raised' && news.alert.tripId === trip.id && news.alert.type === 'seal-opened');
      expect(raised).toHaveLength(1);

      // Replay takes the positions in the order the trip took them, and raises exactly the stored events.
      const events = (await check.store.trips.events(trip.id, { limit: 10_000, offset: 0 })).items;
      expect(await check.trips.replay(CONSOLE_USER, trip.id)).toMatchObject({ matches: true, stored: events.length });
    } finally {
      await unwatch();
      await check.close();
    }
  });
});
