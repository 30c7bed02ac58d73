/**
 * `corridor serve` with `CORRIDOR_BUS` set: the all-in-one publishes to JetStream and consumes every shard it
 * leases, so a device's positions are acknowledged once in JetStream and stored once, and it stops cleanly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { encodeAvlPacket, encodeImei } from '../../src/protocols/teltonika/encoder.js';
import { natsServerBinary, PrivateNatsServer } from '../support/nats-server.js';
import { startCorridor, type Child } from '../support/processes.js';
import { TcpClient } from '../support/tcp-client.js';

const binary = natsServerBinary();
const DEVICE = '356307042449001';
const T0 = Date.UTC(2026, 10, 1);
let nats: PrivateNatsServer;
let dir: string;
let server: Child | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-serve-nats-'));
  if (binary) nats = await PrivateNatsServer.start(binary);
});
afterAll(async () => {
  await server?.kill();
  await nats?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!binary)('corridor serve over JetStream', () => {
  it('acknowledges a device once JetStream has its positions, stores each once, and stops cleanly', { timeout: 60_000 }, async () => {
    const db = join(dir, 'corridor.db');
    const store = openStore(db);
    await store.migrate();
    await store.reference.putDevice({ id: DEVICE, protocol: 'teltonika', state: 'available' });
    await store.close();

    server = startCorridor(['serve', '--db', db, '--port', '0'], {
      CORRIDOR_BUS: nats.url, CORRIDOR_BUS_SHARDS: '4', CORRIDOR_ADMIN_PASSWORD: 'serve-over-nats', CORRIDOR_TELTONIKA_PORT: '0',
      CORRIDOR_WIALON_PORT: 'off', CORRIDOR_EGTS_PORT: 'off', CORRIDOR_OSMAND_PORT: 'off',
    });
    await server.waitFor(/"shards":\[0,1,2,3\][^\n]*"msg":"holding shards"/);
    const port = Number((await server.waitFor(/"protocol":"teltonika","port":(\d+)/))[1]);

    const client = await TcpClient.open(port);
    await client.send(encodeImei(DEVICE));
    expect((await client.read(1))[0]).toBe(1);
    const packet = (k: number) => encodeAvlPacket(Array.from({ length: 5 }, (_, r) => ({ timestamp: T0 + (k * 5 + r) * 1000, lat: 43, lon: 76 + r / 1000, satellites: 9, speed: 60 })), 0x8e);
    for (let k = 0; k < 10; k++) {
      await client.send(packet(k));
      expect((await client.read(4)).readUInt32BE(0)).toBe(5);
    }
    // A packet sent again (its acknowledgement lost, say) is acknowledged and stored once.
    await client.send(packet(3));
    expect((await client.read(4)).readUInt32BE(0)).toBe(5);
    client.end();

    const check = openStore(db);
    try {
      let stored: number[] = [];
      for (let i = 0; i < 100 && stored.length < 50; i++) {
        stored = (await check.positions.list({ deviceId: DEVICE, limit: 1_000 })).map((p) => p.deviceTime);
        if (stored.length < 50) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(stored).toEqual(Array.from({ length: 50 }, (_, i) => T0 + i * 1000));
    } finally {
      await check.close();
    }
    await server.kill('SIGTERM');
    expect(server.process.exitCode).toBe(0);
  });
});
