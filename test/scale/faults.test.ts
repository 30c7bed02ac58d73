/**
 * Scale-out under faults, for real: a gateway, two trackers and the simulated seals of eight armed trips, over a
 * private nats-server (started here, never the machine's) and PostgreSQL. Mid-stream a tracker is killed with
 * SIGKILL (the other takes its shards over, and hands them back to its restarted successor), the trackers lose
 * PostgreSQL for a while, NATS is killed and restarted, and the gateway is killed and restarted. Afterwards every
 * position a device sent is stored exactly once, and each trip's events are exactly those its positions raise,
 * counted against a replay of what the devices sent, with one alert per condition.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCountryIndex } from '../../src/adapters/geo/natural-earth.js';
import { CONSOLE_USER, openPlatform, type Platform } from '../../src/apps/platform.js';
import { shardOf } from '../../src/core/devices/index.js';
import type { FleetReport } from '../../src/core/fleet/index.js';
import type { Position } from '../../src/core/model/index.js';
import { Driver, MINUTE } from '../../src/core/tracking/test-support.js';
import { replay, type TrackingInput } from '../../src/core/tracking/index.js';
import type { StoredTrip } from '../../src/ports/tracking-store.js';
import { CODEC_8_EXTENDED, encodeAvlPacket, encodeImei } from '../../src/protocols/teltonika/index.js';
import { avlRecord } from '../../src/simulator/drivers/teltonika.js';
import { freePort } from '../support/nats-server.js';
import { startCorridor } from '../support/processes.js';
import { scaleOut } from '../support/scale-out.js';
import { TcpClient } from '../support/tcp-client.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import { armRequest, seedRoute } from '../tracking/tracking-world.js';

const scale = scaleOut('scale');
const DEVICES = Array.from({ length: 8 }, (_, i) => `86${String(1_000_000_000_000 + i * 7919).padStart(13, '0')}`);
const RECORDS_PER_PACKET = 2;
const PACE_MS = 600;

let proxy: TcpProxy;

beforeAll(async () => {
  if (!scale.available) return;
  const target = new URL(scale.pgUrl);
  proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
});
scale.closing(() => proxy?.close());

interface Device {
  imei: string;
  trip: StoredTrip;
  positions: Position[];
  packets: Uint8Array[];
}

/** Seeds the route, registers the seals, arms a trip for each, and scripts each seal's reports along its trip. */
async function seedTrips(platform: Platform): Promise<Device[]> {
  const devices: Device[] = [];
  for (const [i, imei] of DEVICES.entries()) {
    const declarationId = await seedRoute(platform, `SCALE-${i}`, [imei]);
    const { trip } = await platform.trips.arm(CONSOLE_USER, armRequest(declarationId));
    const driver = new Driver(platform.tracker.prepare(trip.plan), `scale-${i}`, trip.plan.openedAt + 1_000)
      .driveKm(25 + i)
      .detour(3_000, 10 * MINUTE)
      .driveKm(15)
      .setSeal({ locked: false })
      .driveKm(4);
    // As the device will report them, and the gateway decode them: Teltonika's precision, the FMB seal inputs.
    const positions = driver.positions.map((p) => ({
      ...p, deviceId: imei, lat: Math.round(p.lat * 1e7) / 1e7, lon: Math.round(p.lon * 1e7) / 1e7, speed: Math.round(p.speed),
    }));
    const packets: Uint8Array[] = [];
    for (let k = 0; k < positions.length; k += RECORDS_PER_PACKET) {
      packets.push(encodeAvlPacket(positions.slice(k, k + RECORDS_PER_PACKET).map((p) => avlRecord(report(p))), CODEC_8_EXTENDED));
    }
    devices.push({ imei, trip, positions, packets });
  }
  return devices;
}

function report(p: Position): FleetReport {
  return {
    truckId: p.deviceId, deviceId: p.deviceId, sequence: 0, time: p.deviceTime, sendAt: p.deviceTime, buffered: false,
    lat: p.lat, lon: p.lon, speed: p.speed, course: p.course, satellites: 9,
    seal: { locked: p.seal?.locked ?? true, tamper: false, cableCut: false, batteryPercent: p.seal?.batteryPercent ?? 90, batteryVolts: 4 },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A seal: sends its packets one at a time, each after the previous one's acknowledgement, reconnecting and resending what was not acknowledged. */
async function stream(device: Device, port: () => number, onAck: () => void, deadline: number): Promise<void> {
  let next = 0;
  while (next < device.packets.length) {
    if (Date.now() > deadline) throw new Error(`${device.imei}: ${next} of ${device.packets.length} packets acknowledged before the deadline`);
    const client = await TcpClient.open(port()).catch(() => undefined);
    if (!client) {
      await sleep(200);
      continue;
    }
    await client.send(encodeImei(device.imei));
    if ((await client.read(1, 5_000)).at(0) === 1) {
      while (next < device.packets.length) {
        await client.send(device.packets[next]!);
        const ack = await client.read(4, 10_000);
        if (ack.length < 4) break;
        expect(ack.readUInt32BE(0)).toBe(Math.min(RECORDS_PER_PACKET, device.positions.length - next * RECORDS_PER_PACKET));
        next++;
        onAck();
        await sleep(PACE_MS);
      }
    }
    client.end();
    await sleep(200);
  }
}

/** Where each trip's tracker is against what its device sent and what is stored, for a failure's message. */
async function lag(platform: Platform, devices: readonly Device[]): Promise<string> {
  const lines: string[] = [];
  for (const device of devices) {
    const cursor = (await platform.store.trips.progress(device.trip.id))?.cursors[device.imei];
    const stored = await platform.store.positions.list({ deviceId: device.imei, limit: 100_000 });
    const taken = cursor ? device.positions.findIndex((p) => p.deviceTime === cursor.deviceTime) + 1 : 0;
    lines.push(`${device.imei} shard ${shardOf(device.imei, 4)}: taken ${taken}, stored ${stored.length}, sent ${device.positions.length}`);
  }
  return lines.join('\n');
}

const holding = (shards: string) => new RegExp(`"shards":\\[${shards}\\][^\\n]*"msg":"holding shards"`);

describe.skipIf(!scale.available)('scale-out over JetStream and PostgreSQL, under faults', () => {
  it('stores every sent position exactly once and raises each trip\'s events once, through tracker, database, NATS and gateway failures', { timeout: 240_000 }, async () => {
    const db = scale.databaseUrl(scale.pgUrl);
    const trackerDb = scale.databaseUrl(scale.pgUrl, proxy.port);
    const seeding = await openPlatform(db);
    const devices = await seedTrips(seeding);
    await seeding.close();

    const gatewayPort = await freePort();
    const env = {
      CORRIDOR_BUS: scale.nats().url, CORRIDOR_BUS_SHARDS: '4', CORRIDOR_SHARD_LEASE_MS: '3000', CORRIDOR_HTTP_PORT: '0',
      CORRIDOR_ADMIN_PASSWORD: 'scale-out-test', CORRIDOR_WIALON_PORT: 'off', CORRIDOR_EGTS_PORT: 'off', CORRIDOR_OSMAND_PORT: 'off',
    };
    const start = (args: string[], extra: NodeJS.ProcessEnv) => {
      const child = startCorridor(args, { ...env, ...extra });
      scale.children.push(child);
      return child;
    };
    const startGateway = () => start(['gateway'], { CORRIDOR_DB: db, CORRIDOR_TELTONIKA_PORT: String(gatewayPort) });
    let gateway = startGateway();
    const trackerA = start(['tracker', '--shards', '0-1'], { CORRIDOR_DB: trackerDb });
    const trackerB = start(['tracker', '--shards', '2-3'], { CORRIDOR_DB: trackerDb });
    await Promise.all([
      gateway.waitFor(/"protocol":"teltonika","port":\d+/), trackerA.waitFor(holding('0,1')), trackerB.waitFor(holding('2,3')),
    ]);

    const total = devices.reduce((sum, d) => sum + d.packets.length, 0);
    let acks = 0;
    const reached = async (share: number) => {
      while (acks < total * share) await sleep(20);
    };
    const streaming = Promise.all(devices.map((device) => stream(device, () => gatewayPort, () => void acks++, Date.now() + 200_000)));

    // 1. A tracker dies mid-stream: the other takes its shards once its leases run out, and hands them back to its successor.
    await reached(0.1);
    await trackerA.kill('SIGKILL');
    await trackerB.waitFor(holding('0,1,2,3'));
    const trackerA2 = start(['tracker', '--shards', '0-1'], { CORRIDOR_DB: trackerDb });
    await trackerA2.waitFor(holding('0,1'));
    await trackerB.waitFor(holding('2,3'), 10_000);
    // 2. The trackers lose PostgreSQL for a while.
    await reached(0.5);
    proxy.interrupt();
    await sleep(3_000);
    proxy.restore();
    // 3. NATS is killed and restarted.
    await reached(0.65);
    await scale.nats().kill('SIGKILL');
    await sleep(1_500);
    await scale.nats().resume();
    // 4. The gateway is killed and restarted.
    await reached(0.8);
    await gateway.kill('SIGKILL');
    gateway = startGateway();
    await gateway.waitFor(/"protocol":"teltonika","port":\d+/);
    await streaming;
    expect(acks).toBe(total);
    // No fault took down a process it did not aim at.
    for (const child of [trackerB, trackerA2, gateway]) expect(child.process.exitCode ?? child.process.signalCode, child.name).toBeNull();

    // Every trip's cursor reaches its last position: the trackers have taken everything.
    const check = await openPlatform(db, undefined, { tracking: { countries: loadCountryIndex(), tickIntervalMs: 0 } });
    try {
      const deadline = Date.now() + 60_000;
      for (const device of devices) {
        const last = device.positions.at(-1)!.deviceTime;
        while ((await check.store.trips.progress(device.trip.id))?.cursors[device.imei]?.deviceTime !== last) {
          if (Date.now() > deadline) throw new Error(`trips not caught up:\n${await lag(check, devices)}`);
          await sleep(250);
        }
      }

      for (const device of devices) {
        // Each position sent, stored once.
        const stored = await check.store.positions.list({ deviceId: device.imei, limit: 100_000 });
        expect(stored.map((p) => p.deviceTime)).toEqual(device.positions.map((p) => p.deviceTime));

        // The events stored are those the positions raise, each once.
        const inputs: TrackingInput[] = stored.map((position) => ({ kind: 'position', position }));
        const progress = await check.store.trips.progress(device.trip.id);
        if (progress?.tickedAt != null) inputs.push({ kind: 'tick', at: progress.tickedAt });
        const truth = replay(check.tracker.prepare(device.trip.plan), inputs).events;
        const events = (await check.store.trips.events(device.trip.id, { limit: 10_000, offset: 0 })).items;
        expect(events.map((e) => e.id)).toEqual(truth.map((e) => e.id));
        expect(truth.map((e) => e.type)).toEqual(expect.arrayContaining(['corridor-left', 'seal-opened']));
        expect(await check.trips.replay(CONSOLE_USER, device.trip.id)).toMatchObject({ matches: true });

        // One alert per condition: the alarms and warnings raised, folded by their key, never twice.
        const alerts = (await check.store.alerts.list({ tripId: device.trip.id, limit: 100, offset: 0 })).items;
        const keys = alerts.map((a) => a.foldKey);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(alerts.map((a) => a.type))).toEqual(new Set(truth.filter((e) => e.severity !== 'info').map((e) => e.type)));
      }
    } finally {
      await check.close();
    }
  });
});
