/**
 * The device gateways end to end on loopback: real protocol bytes in, acknowledgements out only once the
 * positions are in the real store, unknown devices refused and listed, broken streams counted and closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/adapters/http/server.js';
import { wirePlatform } from '../../src/apps/platform.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { startGateways, type Gateways } from '../../src/apps/server/gateways.js';
import type { SealDevice } from '../../src/core/model/index.js';
import { encodeAvlPacket, encodeImei } from '../../src/protocols/teltonika/encoder.js';
import { encodeLogin, encodeShortData, encodeData } from '../../src/protocols/wialon/encoder.js';
import type { Store } from '../../src/ports/store.js';
import { TcpClient } from '../support/tcp-client.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
const TELTONIKA: SealDevice = { id: '356307042441013', protocol: 'teltonika', model: 'teltonika-fmb', state: 'available' };
const WIALON: SealDevice = { id: '861230043907626', protocol: 'wialon', state: 'available' };
const OSMAND: SealDevice = { id: 'phone-17', protocol: 'osmand', state: 'available' };
const T0 = Date.UTC(2025, 10, 20, 8, 0, 0);

let store: Store;
let gateways: Gateways;
const port = (protocol: string) => gateways.listeners.find((listener) => listener.protocol === protocol)!.address.port;
const counter = async (name: string, labels: Record<string, string>) => {
  const metric = (await gateways.metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = metric?.values.find((v) => Object.entries(labels).every(([key, wanted]) => v.labels[key] === wanted));
  return value?.value ?? 0;
};

beforeAll(async () => {
  store = openStore(':memory:');
  await store.migrate();
  for (const device of [TELTONIKA, WIALON, OSMAND]) await store.reference.putDevice(device);
  gateways = await startGateways({ host: '127.0.0.1', gateway: { teltonika: 0, wialon: 0, egts: 0, osmand: 0 } }, store, silent);
});

afterAll(async () => {
  await gateways.close();
  await store.close();
});

function teltonikaRecords(count: number, first = T0) {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: first + i * 20_000,
    lat: 43.04 + i * 0.001,
    lon: 74.71 + i * 0.001,
    altitude: 800,
    angle: 90,
    satellites: 11,
    speed: 62,
    io: [{ id: 1, bytes: 1 as const, value: i === count - 1 ? 0 : 1 }, { id: 67, bytes: 2 as const, value: 12_400 }],
  }));
}

describe('Teltonika gateway', () => {
  it('accepts a registered device, acknowledges only stored records, and derives the seal state', async () => {
    const device = await TcpClient.open(port('teltonika'));
    await device.send(encodeImei(TELTONIKA.id));
    expect([...(await device.read(1))]).toEqual([1]);
    // One byte at a time: framing must not depend on how TCP cuts the stream.
    await device.send(encodeAvlPacket(teltonikaRecords(3), 0x8e), true);
    expect((await device.read(4)).readUInt32BE(0)).toBe(3);
    const stored = await store.positions.list({ deviceId: TELTONIKA.id, limit: 100 });
    expect(stored.map((p) => [p.deviceTime, p.lat, p.speed])).toEqual([
      [T0, 43.04, 62], [T0 + 20_000, 43.041, 62], [T0 + 40_000, 43.042, 62],
    ]);
    expect(stored.map((p) => p.seal?.locked)).toEqual([true, true, false]);
    expect(stored[0]!.seal?.batteryVolts).toBeCloseTo(12.4);
    device.end();
  });

  it('stores a resent packet once but acknowledges it again', async () => {
    const packet = encodeAvlPacket(teltonikaRecords(2, T0 + 3_600_000));
    for (let attempt = 0; attempt < 2; attempt++) {
      const device = await TcpClient.open(port('teltonika'));
      await device.send(encodeImei(TELTONIKA.id));
      await device.read(1);
      await device.send(packet);
      expect((await device.read(4)).readUInt32BE(0)).toBe(2);
      device.end();
    }
    const stored = await store.positions.list({ deviceId: TELTONIKA.id, from: T0 + 3_600_000, limit: 100 });
    expect(stored).toHaveLength(2);
  });

  it('refuses an unregistered device, closes, and lists it for an operator', async () => {
    const stranger = await TcpClient.open(port('teltonika'));
    await stranger.send(encodeImei('359633100458591'));
    expect([...(await stranger.read(1))]).toEqual([0]);
    expect(await stranger.waitClosed()).toBe(true);
    await gateways.unknownDevices.flush();
    expect((await store.unknownDevices.list()).map((d) => d.deviceId)).toContain('359633100458591');
    expect(await counter('corridor_gateway_unknown_devices_total', { protocol: 'teltonika' })).toBeGreaterThanOrEqual(1);
  });

  it('closes a connection whose packet fails its CRC, acknowledging nothing and counting why', async () => {
    const device = await TcpClient.open(port('teltonika'));
    await device.send(encodeImei(TELTONIKA.id));
    await device.read(1);
    const packet = encodeAvlPacket(teltonikaRecords(1, T0 + 7_200_000));
    packet[packet.length - 1]! ^= 0xff;
    await device.send(packet);
    expect(await device.waitClosed()).toBe(true);
    expect(await device.read(4, 100)).toHaveLength(0);
    expect(await store.positions.list({ deviceId: TELTONIKA.id, from: T0 + 7_200_000, limit: 10 })).toEqual([]);
    expect(await counter('corridor_gateway_frame_errors_total', { protocol: 'teltonika', code: 'CRC_MISMATCH' })).toBe(1);
  });

  it('lets many devices share group commits', async () => {
    const devices = await Promise.all(Array.from({ length: 50 }, () => TcpClient.open(port('teltonika'))));
    await Promise.all(devices.map(async (device, i) => {
      await device.send(encodeImei(TELTONIKA.id));
      await device.read(1);
      await device.send(encodeAvlPacket(teltonikaRecords(1, T0 + 86_400_000 + i * 1000)));
      expect((await device.read(4)).readUInt32BE(0)).toBe(1);
      device.end();
    }));
    expect(await store.positions.list({ deviceId: TELTONIKA.id, from: T0 + 86_400_000, limit: 100 })).toHaveLength(50);
  });
});

describe('Wialon IPS gateway', () => {
  it('logs in, stores short and full data, and keeps parameters', async () => {
    const device = await TcpClient.open(port('wialon'));
    await device.send(encodeLogin(WIALON.id));
    expect(await device.readLine()).toBe('#AL#1\r\n');
    await device.send(encodeShortData({ time: T0, lat: 51.2, lon: 49.7, speed: 70, course: 180, altitude: 50, satellites: 9 }));
    expect(await device.readLine()).toBe('#ASD#1\r\n');
    await device.send(encodeData({ time: T0 + 20_000, lat: 51.21, lon: 49.71, speed: 0, course: 0, altitude: 50, satellites: 9, params: { lock: 0, batt: 81 } }));
    expect(await device.readLine()).toBe('#AD#1\r\n');
    const stored = await store.positions.list({ deviceId: WIALON.id, limit: 10 });
    expect(stored.map((p) => [p.lat, p.lon])).toEqual([[51.2, 49.7], [51.21, 49.71]]);
    expect(stored[1]!.seal).toMatchObject({ locked: false, batteryPercent: 81 });
    device.end();
  });
});

describe('OsmAnd gateway', () => {
  const get = (query: string) => fetch(`http://127.0.0.1:${port('osmand')}/?${query}`);

  it('stores a position and answers 200 only then', async () => {
    const response = await get(`id=${OSMAND.id}&timestamp=${T0 / 1000}&lat=43.25&lon=76.95&speed=10&bearing=45&batt=77`);
    expect(response.status).toBe(200);
    const [stored] = await store.positions.list({ deviceId: OSMAND.id, limit: 1 });
    expect(stored).toMatchObject({ lat: 43.25, lon: 76.95, course: 45 });
    expect(stored!.speed).toBeCloseTo(18.52);
  });

  it('answers 400 with the reason for a bad request and 403 for an unregistered device', async () => {
    const bad = await get(`id=${OSMAND.id}&lat=95&lon=76`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('lat');
    expect((await get('id=who&lat=43&lon=76')).status).toBe(403);
  });
});

describe('when the store fails', () => {
  it('acknowledges nothing and closes, so the device resends', async () => {
    const failing = openStore(':memory:');
    await failing.migrate();
    await failing.reference.putDevice(TELTONIKA);
    const local = await startGateways({ host: '127.0.0.1', gateway: { teltonika: 0, wialon: -1, egts: -1, osmand: -1 } }, failing, silent);
    const device = await TcpClient.open(local.listeners[0]!.address.port);
    await device.send(encodeImei(TELTONIKA.id));
    expect([...(await device.read(1))]).toEqual([1]);
    await failing.close();
    await device.send(encodeAvlPacket(teltonikaRecords(1)));
    expect(await device.waitClosed()).toBe(true);
    expect(await device.read(4, 100)).toHaveLength(0);
    await local.close();
  });
});

describe('the gateway through the API', () => {
  it('lists open connections and refused devices, and serves Prometheus metrics', async () => {
    const platform = wirePlatform(store);
    await platform.auth.ensureAdmin('gateway-admin-1');
    const api = await createHttpServer(platform, { gateway: { registry: gateways.registry, metrics: gateways.metrics.registry } });
    const login = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'gateway-admin-1' } });
    const headers = { authorization: `Bearer ${login.json().token}` };

    const device = await TcpClient.open(port('teltonika'));
    await device.send(encodeImei(TELTONIKA.id));
    await device.read(1);
    const connections = await api.inject({ method: 'GET', url: '/api/v1/gateway/connections', headers });
    expect(connections.json().connections).toEqual(
      expect.arrayContaining([expect.objectContaining({ protocol: 'teltonika', deviceId: TELTONIKA.id })]),
    );
    const unknown = await api.inject({ method: 'GET', url: '/api/v1/devices/unknown', headers });
    expect(unknown.json().devices.map((d: { deviceId: string }) => d.deviceId)).toContain('359633100458591');
    const contact = await api.inject({ method: 'GET', url: `/api/v1/devices/${TELTONIKA.id}/contact`, headers });
    expect(contact.json()).toMatchObject({ deviceId: TELTONIKA.id, protocol: 'teltonika' });
    expect((await api.inject({ method: 'GET', url: '/api/v1/gateway/connections' })).statusCode).toBe(401);

    const metrics = await api.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/corridor_gateway_positions_total\{protocol="teltonika"\} [1-9]/);
    expect(metrics.body).toMatch(/corridor_gateway_frame_errors_total\{protocol="teltonika",code="CRC_MISMATCH"\} 1/);
    device.end();
    await api.close();
  });
});
