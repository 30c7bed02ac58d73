/**
 * The gateway's servers under random and mutated traffic: no crash, nothing acknowledged that was not
 * stored, every broken stream closed and counted, and a well-behaved device still served afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { startGateways, type Gateways } from '../../src/apps/server/gateways.js';
import { createRng } from '../../src/core/random/index.js';
import { mutateBytes, randomBytes } from '../../src/protocols/fuzz/mutate.js';
import { encodeAvlPacket, encodeImei } from '../../src/protocols/teltonika/encoder.js';
import { encodeData, encodeLogin } from '../../src/protocols/wialon/encoder.js';
import type { Store } from '../../src/ports/store.js';
import { TcpClient } from '../support/tcp-client.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const CONNECTIONS_PER_PROTOCOL = Number(process.env.CORRIDOR_GATEWAY_FUZZ_CONNECTIONS ?? 150);
const FRAMES_PER_CONNECTION = 8;
const T0 = Date.UTC(2025, 10, 20);
const TELTONIKA = '356307042441013';
const WIALON = '861230043907626';
const EGTS_IMEI = '862462030000001';

let store: Store;
let gateways: Gateways;
const port = (protocol: string) => gateways.listeners.find((listener) => listener.protocol === protocol)!.address.port;

beforeAll(async () => {
  store = openStore(':memory:');
  await store.migrate();
  await store.reference.putDevice({ id: TELTONIKA, protocol: 'teltonika', state: 'available' });
  await store.reference.putDevice({ id: WIALON, protocol: 'wialon', state: 'available' });
  await store.reference.putDevice({ id: EGTS_IMEI, protocol: 'egts', state: 'available' });
  gateways = await startGateways({ host: '127.0.0.1', gateway: { teltonika: 0, wialon: 0, egts: 0, osmand: -1 } }, store, silent);
});

afterAll(async () => {
  await gateways.close();
  await store.close();
});

/** Sends a stream to a fresh connection in random pieces; returns the bytes the server answered with. */
async function exchange(protocol: string, stream: Uint8Array, rng: ReturnType<typeof createRng>): Promise<Buffer> {
  const client = await TcpClient.open(port(protocol));
  for (let at = 0; at < stream.length;) {
    const piece = Math.min(stream.length - at, rng.int(1, 512));
    await client.send(stream.subarray(at, at + piece));
    at += piece;
  }
  const answer = await client.read(1 << 20, 150);
  client.end();
  return answer;
}

describe('gateway servers under fuzzed traffic', () => {
  it('Teltonika: acknowledges no more records than it stored, and keeps serving', async () => {
    const rng = createRng('gateway-fuzz/teltonika');
    let acknowledgedRecords = 0;
    for (let c = 0; c < CONNECTIONS_PER_PROTOCOL; c++) {
      const frames: Uint8Array[] = [encodeImei(TELTONIKA)];
      for (let f = 0; f < FRAMES_PER_CONNECTION; f++) {
        const packet = encodeAvlPacket([{ timestamp: T0 + (c * 100 + f) * 1000, lat: 43.1, lon: 74.7, satellites: 8, speed: 60 }], 0x8e);
        frames.push(rng.chance(0.7) ? mutateBytes(packet, rng) : rng.chance(0.5) ? packet : randomBytes(rng, 300));
      }
      const answer = await exchange('teltonika', Buffer.concat(frames), rng);
      // The first byte answers the IMEI; each later 4-byte word acknowledges that many records.
      for (let at = 1; at + 4 <= answer.length; at += 4) acknowledgedRecords += answer.readUInt32BE(at);
    }
    const stored = await store.positions.list({ deviceId: TELTONIKA, limit: 1_000_000 });
    expect(stored.length).toBeGreaterThanOrEqual(acknowledgedRecords);
    expect(acknowledgedRecords).toBeGreaterThan(0);
    await expectStillServing();
  }, 120_000);

  it('Wialon and EGTS: survive random and mutated streams', async () => {
    const rng = createRng('gateway-fuzz/text-and-egts');
    for (let c = 0; c < CONNECTIONS_PER_PROTOCOL; c++) {
      const wialon: Uint8Array[] = [encodeLogin(WIALON)];
      for (let f = 0; f < FRAMES_PER_CONNECTION; f++) {
        const data = encodeData({ time: T0 + (c * 100 + f) * 1000, lat: 51.2, lon: 49.7, speed: 70, params: { lock: 1 } });
        wialon.push(rng.chance(0.7) ? mutateBytes(data, rng) : data);
      }
      await exchange('wialon', Buffer.concat(wialon), rng);
      await exchange('egts', randomBytes(rng, 2048), rng);
    }
    const errors = (await gateways.metrics.registry.getSingleMetricAsString('corridor_gateway_frame_errors_total'));
    expect(errors).toMatch(/protocol="egts"/);
    await expectStillServing();
  }, 120_000);
});

async function expectStillServing() {
  const device = await TcpClient.open(port('teltonika'));
  await device.send(encodeImei(TELTONIKA));
  expect([...(await device.read(1))]).toEqual([1]);
  await device.send(encodeAvlPacket([{ timestamp: T0 - 1000, lat: 43, lon: 74, satellites: 9, speed: 1 }]));
  expect((await device.read(4)).readUInt32BE(0)).toBe(1);
  device.end();
  expect(gateways.registry.connections().length).toBeLessThanOrEqual(1);
}
