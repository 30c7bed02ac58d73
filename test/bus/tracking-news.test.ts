/**
 * The tracker's news over JetStream, for real: two `corridor tracker` processes (shards 0-1 and 2-3) and two
 * `corridor api` processes over a private nats-server and PostgreSQL. Positions put on the bus reach the trackers;
 * the alerts they raise reach the live stream (`/stream`) of an API process that follows no trip, and each alert's
 * consequence (risk's re-assessment of the declaration) runs exactly once though both API processes consume the
 * consequence group. An operator's resolution in an API process reaches the stream of the other one. The API processes
 * reach NATS through a proxy: news published while they cannot reach it, and NATS restarted meanwhile, reach their
 * streams once they can.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { connectNatsBus, type NatsBus } from '../../src/adapters/bus/nats/nats-bus.js';
import { loadCountryIndex } from '../../src/adapters/geo/natural-earth.js';
import { CONSOLE_USER, openPlatform } from '../../src/apps/platform.js';
import { shardOf } from '../../src/core/devices/index.js';
import { Driver } from '../../src/core/tracking/test-support.js';
import { startCorridor } from '../support/processes.js';
import { scaleOut } from '../support/scale-out.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { etaNews } from '../../src/services/tracking/tracking-news.js';
import { armRequest, seedRoute } from '../tracking/tracking-world.js';

const scale = scaleOut('tracking-news');
const SHARDS = 4;
const candidates = Array.from({ length: 40 }, (_, i) => `86${String(2_000_000_000_000 + i * 104_729).padStart(13, '0')}`);
/** One seal on a shard of each tracker. */
const DEVICES = [candidates.find((id) => shardOf(id, SHARDS) < 2)!, candidates.find((id) => shardOf(id, SHARDS) >= 2)!];
const PASSWORD = 'tracking-news-test';
/** Four processes starting at once from the sources, on a busy machine, take a while. */
const STARTING_MS = 120_000;

let natsForApis: TcpProxy;
let bus: NatsBus | undefined;

beforeAll(async () => {
  if (scale.available) natsForApis = await TcpProxy.start('127.0.0.1', scale.nats().port);
});
scale.closing(() => natsForApis?.close());
scale.closing(() => bus?.close());

/** An API's live stream, its events gathered as they come. */
async function openStream(base: string, token: string): Promise<{ events: Array<{ event: string; data: Record<string, unknown> }>; close(): void }> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  const events: Array<{ event: string; data: Record<string, unknown> }> = [];
  void (async () => {
    let text = '';
    for await (const chunk of response.body!) {
      text += Buffer.from(chunk).toString('utf8');
      let end;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
      }
    }
  })().catch(() => undefined);
  return { events, close: () => controller.abort() };
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!scale.available)('the tracker\'s news over JetStream', () => {
  it('reaches the live stream of an API process apart from the trackers, and has each consequence run once by two API processes', { timeout: 300_000 }, async () => {
    const db = scale.databaseUrl(scale.pgUrl);
    const seeding = await openPlatform(db, undefined, { tracking: { countries: loadCountryIndex(), tickIntervalMs: 0 } });
    const trips = [];
    for (const [i, device] of DEVICES.entries()) {
      const declarationId = await seedRoute(seeding, `NEWS-${i}`, [device]);
      const { trip } = await seeding.trips.arm(CONSOLE_USER, armRequest(declarationId));
      // A trip's seal drives along its route, then opens its doors: an alarm, and risk re-assesses the declaration.
      const driver = new Driver(seeding.tracker.prepare(trip.plan), `news-${i}`, trip.plan.openedAt + 1_000).driveKm(5).setSeal({ locked: false }).driveKm(1);
      trips.push({ trip, declarationId, positions: driver.positions.map((p) => ({ ...p, deviceId: device })) });
    }
    await seeding.close();

    const env = {
      CORRIDOR_DB: db, CORRIDOR_BUS: scale.nats().url, CORRIDOR_BUS_SHARDS: String(SHARDS), CORRIDOR_SHARD_LEASE_MS: '3000', CORRIDOR_HTTP_PORT: '0',
      CORRIDOR_ADMIN_PASSWORD: PASSWORD,
    };
    const start = (args: string[], extra: Record<string, string> = {}) => {
      const child = startCorridor(args, { ...env, ...extra });
      scale.children.push(child);
      return child;
    };
    const trackers = [start(['tracker', '--shards', '0-1', '--no-takeover']), start(['tracker', '--shards', '2-3', '--no-takeover'])];
    const apis = [0, 1].map(() => start(['api'], { CORRIDOR_BUS: `nats://127.0.0.1:${natsForApis.port}` }));
    await Promise.all(trackers.map((tracker, i) => tracker.waitFor(new RegExp(`"shards":\\[${i * 2},${i * 2 + 1}\\][^\\n]*"msg":"holding shards"`), STARTING_MS)));
    const bases = await Promise.all(apis.map(async (api) => (await api.waitFor(/Server listening at (http:\/\/[\d.:]+)/, STARTING_MS))[1]!));
    await Promise.all(apis.map((api) => api.waitFor(/"msg":"consuming tracking news"/, STARTING_MS)));
    const login = await fetch(`${bases[0]}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const streams = await Promise.all(bases.map((base) => openStream(base!, token)));

    bus = await connectNatsBus(scale.nats().url, { shardCount: SHARDS });
    for (const { positions } of trips) await bus.publish(positions);

    // Each trip's alarm, and the positions it took, reach the stream of each API process, which follows no trip.
    const alertOf = (stream: (typeof streams)[number], tripId: string) =>
      stream.events.find((e) => e.event === 'alert' && e.data.change === 'raised' && (e.data.alert as { tripId: string; type: string }).tripId === tripId && (e.data.alert as { type: string }).type === 'seal-opened');
    for (const stream of streams) {
      for (const { trip } of trips) {
        await until(`seal-opened of ${trip.id} on the stream`, () => alertOf(stream, trip.id));
        expect(stream.events.some((e) => e.event === 'position' && e.data.tripId === trip.id)).toBe(true);
      }
    }

    // The consequence runs once per alert, though two processes consume the group.
    const check = await openPlatform(db, undefined, { tracking: { tickIntervalMs: 0 } });
    try {
      const reassessed = async (declarationId: string) => (await check.store.risk.assessments.history(declarationId)).filter((a) => a.trigger === 'alert:seal-opened');
      for (const { declarationId } of trips) await until(`re-assessment of ${declarationId}`, async () => ((await reassessed(declarationId)).length > 0 ? true : undefined));
      // Time for a second run, were there one.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      for (const { declarationId } of trips) expect(await reassessed(declarationId)).toHaveLength(1);

      // An operator resolves an alarm through one API process: the other one's stream hears of it.
      const alertId = (alertOf(streams[0]!, trips[0]!.trip.id)!.data.alert as { id: string }).id;
      const resolved = await fetch(`${bases[0]}/api/v1/alerts/${alertId}/resolve`, {
        method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ note: 'doors checked at the roadside' }),
      });
      expect(resolved.status).toBe(200);
      await until('the resolution on the other stream', () =>
        streams[1]!.events.find((e) => e.event === 'alert' && e.data.change === 'changed' && (e.data.alert as { id: string; status: string }).id === alertId && (e.data.alert as { status: string }).status === 'resolved'),
      );
      // Nothing is left in the outbox: the trackers published what they stored, and the API process the resolution
      // (it drops the item once the bus has it, which may be just after the other stream heard of it).
      await until('the outbox emptied', async () => ((await check.store.newsOutbox.pending(10)).length === 0 ? true : undefined), 10_000);

      // The API processes cannot reach NATS, which restarts meanwhile, while a tracker's news is published.
      natsForApis.interrupt();
      await scale.nats().kill();
      await scale.nats().resume();
      const { trip, declarationId } = trips[0]!;
      const moved = etaNews({ tripId: trip.id, declarationId, destinationAt: Date.parse('2026-12-01T12:00:00.000Z'), crossingAt: null, speedKmh: 54 });
      await until('the estimate published', () => bus!.publishNews([moved]).then(() => true, () => undefined));
      // Longer than a pull's heartbeats: the API processes notice they lost NATS.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      natsForApis.restore();
      for (const stream of streams) {
        await until('the estimate published while NATS was out of reach, on the stream', () =>
          stream.events.find((e) => e.event === 'eta' && e.data.tripId === trip.id && e.data.destinationAt === '2026-12-01T12:00:00.000Z'),
        );
      }
    } finally {
      await check.close();
      for (const stream of streams) stream.close();
    }
  });
});
