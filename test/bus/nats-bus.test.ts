/**
 * The JetStream bus against a private nats-server: publishes resolve once stored and repeats are dropped by message
 * id; consumers get each device's positions in order, acknowledge only what their handler finished, start again from
 * the first unacknowledged message, and carry on across a restart of the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectNatsBus, type NatsBus } from '../../src/adapters/bus/nats/nats-bus.js';
import { consumerOf } from '../../src/adapters/bus/nats/nats-setup.js';
import type { Position } from '../../src/core/model/index.js';
import type { DurableNews, TrackingNews } from '../../src/ports/tracking-news.js';
import type { Alert } from '../../src/ports/tracking-store.js';
import { alertChangedNews, etaNews, positionsNews } from '../../src/services/tracking/tracking-news.js';
import { natsServerBinary, PrivateNatsServer } from '../support/nats-server.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const binary = natsServerBinary();
let server: PrivateNatsServer;
const buses: NatsBus[] = [];

beforeAll(async () => {
  if (binary) server = await PrivateNatsServer.start(binary);
});
afterAll(async () => {
  for (const bus of buses) await bus.close().catch(() => undefined);
  await server?.stop();
});

let streams = 0;
async function openBus(stream: string, extra: Parameters<typeof connectNatsBus>[1] = {}, url = server.url): Promise<NatsBus> {
  const bus = await connectNatsBus(url, { stream, subjectPrefix: `test.${stream.toLowerCase()}`, shardCount: 4, ...extra });
  buses.push(bus);
  return bus;
}
const newStream = () => `TEST_${++streams}_${process.pid}`;

const position = (deviceId: string, deviceTime: number, extra: Partial<Position> = {}): Position => ({
  deviceId, deviceTime, receivedTime: deviceTime + 500, lat: 43.1, lon: 75.2, speed: 61.5, course: 90, valid: true, sequence: deviceTime % 7,
  attributes: { io240: 1, big: 18446744073709551615n, raw: new Uint8Array([1, 2, 3]), text: 'a' }, ...extra,
});
const DEVICES = Array.from({ length: 12 }, (_, i) => `35630704244${1000 + i}`);

/** `count` positions for each device, published a frame (`perFrame` positions of each device) at a time. */
async function publishFrames(bus: NatsBus, count: number, perFrame = 5, from = 0): Promise<Position[]> {
  const sent: Position[] = [];
  for (let i = from; i < from + count; i += perFrame) {
    const frame = DEVICES.flatMap((d) => Array.from({ length: perFrame }, (_, k) => position(d, 1_000_000 + (i + k) * 1000)));
    await bus.publish(frame);
    sent.push(...frame);
  }
  return sent;
}

function collector() {
  const seen: Position[] = [];
  return {
    seen,
    handler: async (positions: readonly Position[]) => void seen.push(...positions),
    async until(count: number, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (seen.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return seen;
    },
    /** Waits until every one of `expected` was seen. */
    async all(expected: readonly Position[], ms = 30_000) {
      const deadline = Date.now() + ms;
      const missing = () => {
        const keys = new Set(seen.map((p) => `${p.deviceId}/${p.deviceTime}`));
        return expected.filter((p) => !keys.has(`${p.deviceId}/${p.deviceTime}`));
      };
      while (missing().length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      return missing();
    },
  };
}

function expectInDeviceOrder(positions: readonly Position[]): void {
  for (const device of DEVICES) {
    const times = positions.filter((p) => p.deviceId === device).map((p) => p.deviceTime);
    expect(times, device).toEqual([...times].sort((a, b) => a - b));
  }
}

describe.skipIf(!binary)('the NATS JetStream bus', () => {
  it('stores each publish once, drops a repeat by its message id, and delivers every device\'s positions in order', async () => {
    const bus = await openBus(newStream());
    const sent = await publishFrames(bus, 40);
    // The same frames again (a device whose acknowledgement was lost resends them, received later).
    for (const device of DEVICES) {
      await bus.publish(sent.filter((p) => p.deviceId === device).slice(0, 5).map((p) => ({ ...p, receivedTime: p.receivedTime + 60_000 })));
    }
    const info = await bus.jsm.streams.info(bus.settings.stream);
    expect(info.state.messages).toBe(DEVICES.length * 8);

    const all = collector();
    const consumption = await bus.consume([0, 1, 2, 3], all.handler);
    const seen = await all.until(sent.length);
    await consumption.stop();
    expect(seen).toHaveLength(sent.length);
    expect(new Set(seen.map((p) => `${p.deviceId}/${p.deviceTime}`)).size).toBe(sent.length);
    expectInDeviceOrder(seen);
    // Attributes JSON cannot hold come through as they were.
    expect(seen[0]).toEqual(sent.find((p) => p.deviceId === seen[0]!.deviceId && p.deviceTime === seen[0]!.deviceTime));
  });

  it('acknowledges nothing a failing handler did not finish, retries it in place, and resumes from the first unacknowledged message', async () => {
    const bus = await openBus(newStream(), { maxBatch: 20 });
    const sent = await publishFrames(bus, 50);
    let failures = 3;
    const first = collector();
    const consumption = await bus.consume([0, 1, 2, 3], async (positions) => {
      if (failures > 0) {
        failures--;
        throw new Error('store unavailable');
      }
      await first.handler(positions);
    });
    await first.until(sent.length / 2);
    await consumption.stop();
    expectInDeviceOrder(first.seen);

    // Another consumer of the same shards (as after a crash) starts at once from the first unacknowledged message.
    const second = collector();
    const again = await bus.consume([0, 1, 2, 3], second.handler);
    const acknowledged = await Promise.all([0, 1, 2, 3].map((shard) => bus.jsm.consumers.info(bus.settings.stream, consumerOf(bus.settings, shard))));
    const rest = await second.until(sent.length - first.seen.length, 10_000);
    await again.stop();
    expect(acknowledged.every((info) => info.num_ack_pending <= 40)).toBe(true);
    expectInDeviceOrder(rest);
    const keys = (list: readonly Position[]) => new Set(list.map((p) => `${p.deviceId}/${p.deviceTime}`));
    const union = keys([...first.seen, ...rest]);
    expect(union.size).toBe(sent.length);
    // Only what the first handler had not finished comes again: per device, the second run starts where the first stopped.
    for (const device of DEVICES) {
      const before = first.seen.filter((p) => p.deviceId === device).map((p) => p.deviceTime);
      const after = rest.filter((p) => p.deviceId === device).map((p) => p.deviceTime);
      if (before.length > 0 && after.length > 0) expect(after[0]!).toBeGreaterThan(before[before.length - 1]!);
    }
  });

  it('carries on across a restart of the server: publishes wait or fail, nothing stored is lost', { timeout: 60_000 }, async () => {
    const bus = await openBus(newStream());
    const all = collector();
    const consumption = await bus.consume([0, 1, 2, 3], all.handler);
    const before = await publishFrames(bus, 20);
    await all.until(before.length);
    await server.kill();
    // While the server is down a publish is refused (the gateway acknowledges nothing then).
    await expect(bus.publish([position(DEVICES[0]!, 9_000_000)])).rejects.toThrow();
    await server.resume();
    let after: Position[] = [];
    for (let attempt = 0; attempt < 50 && after.length === 0; attempt++) {
      after = await publishFrames(bus, 20, 5, 20).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        return [];
      });
    }
    expect(after.length).toBeGreaterThan(0);
    // Publishes that timed out while the server was down may have been stored after all (the client sends what it
    // buffered once reconnected): more may come than was acknowledged, never less.
    expect(await all.all([...before, ...after])).toEqual([]);
    await consumption.stop();
    expectInDeviceOrder(all.seen.filter((p, i) => all.seen.findIndex((q) => q.deviceId === p.deviceId && q.deviceTime === p.deviceTime) === i));
  });

  it('refuses to start with another shard count than the stream was made with', async () => {
    const stream = newStream();
    await openBus(stream);
    await expect(openBus(stream, { shardCount: 8 })).rejects.toThrow(/shard count must stay/);
  });
});

describe.skipIf(!binary)('the tracker\'s news on JetStream', () => {
  it('keeps each item once however often it is published, tells every watcher, and hands each item to one member of a group, again after a failure', { timeout: 60_000 }, async () => {
    const tracker = await openBus(newStream());
    const api = await openBus(newStream());
    const watched: TrackingNews[] = [];
    const stopWatching = await api.watchNews((news) => watched.push(news));
    const resolutions: TrackingNews[] = [];
    const stopWatchingResolutions = await tracker.watchNews((news) => resolutions.push(news), 'alert-changed');
    const group = `test-${process.pid}`;
    const handled: string[] = [];
    let failures = 1;
    const member = (name: string) => async (news: DurableNews) => {
      if (name === 'a' && failures-- > 0) throw new Error('store unavailable');
      handled.push(news.id);
    };
    const members = [await tracker.consumeNews(group, member('a')), await api.consumeNews(group, member('b'))];

    const resolved = alertChangedNews({ id: 'alert-1', tripId: 'trip-1', status: 'resolved', updatedAt: '2026-11-01T10:00:00.000Z', occurrences: 2 } as Alert, 'd-1');
    const items = [
      ...[1, 2, 3, 4, 5, 6].map((n) => etaNews({ tripId: 'trip-1', declarationId: 'd-1', destinationAt: n * 60_000, crossingAt: null, speedKmh: 60 })),
      resolved,
    ];
    await tracker.publishNews(items);
    // The outbox published again after a crash: JetStream drops the repeats by their ids.
    await tracker.publishNews(items);
    const taken = positionsNews('trip-1', [position(DEVICES[0]!, 1_000_000)]);
    await tracker.publishNews([taken]);

    const deadline = Date.now() + 20_000;
    while ((handled.length < items.length || watched.length < items.length + 1) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    // Time for a repeat to come, were there one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(handled.sort()).toEqual(items.map((item) => item.id).sort());
    // The kept items in order; the live positions on their own subject, in no order with them.
    expect(watched.filter((news) => news.kind !== 'positions')).toEqual(items);
    expect(watched.filter((news) => news.kind === 'positions')).toEqual([taken]);
    // A watcher of one kind hears of that kind only.
    expect(resolutions).toEqual([resolved]);
    for (const consumption of members) await consumption.stop();
    await stopWatching();
    await stopWatchingResolutions();
  });

  it('tells a watcher, once the server is back after an outage or a restart, what was kept after the last item it was told: once, and nothing older', { timeout: 90_000 }, async () => {
    const stream = newStream();
    const tracker = await openBus(stream);
    // The API side reaches the server through a proxy, so it can be cut off while the trackers still publish.
    const proxy = await TcpProxy.start('127.0.0.1', server.port);
    try {
      const api = await openBus(stream, {}, `nats://127.0.0.1:${proxy.port}`);
      const eta = (n: number) => etaNews({ tripId: 'trip-2', declarationId: 'd-2', destinationAt: n * 60_000, crossingAt: null, speedKmh: 60 });
      const until = async (done: () => boolean) => {
        const deadline = Date.now() + 30_000;
        while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      };
      await tracker.publishNews([eta(1)]);
      const told: TrackingNews[] = [];
      const stopTold = await api.watchNews((news) => told.push(news));
      await tracker.publishNews([eta(2)]);
      await until(() => told.length === 1);
      // A second watcher, told nothing yet when the server restarts (and loses the watchers' consumers, kept in memory).
      const fresh: TrackingNews[] = [];
      const stopFresh = await api.watchNews((news) => fresh.push(news));
      await server.kill();
      await server.resume();
      // The API cannot reach the server while the trackers publish; longer than a pull's heartbeats, so it notices.
      proxy.interrupt();
      for (let attempt = 0; attempt < 50 && !(await tracker.publishNews([eta(3)]).then(() => true, () => false)); attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      proxy.restore();
      await tracker.publishNews([eta(4)]);
      await until(() => told.length >= 3 && fresh.length >= 2);
      // Time for a repeat to come, were there one.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(told).toEqual([eta(2), eta(3), eta(4)]);
      expect(fresh).toEqual([eta(3), eta(4)]);
      await stopTold();
      await stopFresh();
    } finally {
      await proxy.close();
    }
  });
});
