/**
 * JSON over MQTT through a real broker: positions stored before the PUBACK, redelivered by the broker when the
 * store failed, strangers and bad payloads counted.
 */
import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { startGateways, type Gateways } from '../../src/apps/server/gateways.js';
import { mqttPositionsTopic } from '../../src/protocols/mqtt-json/index.js';
import type { Store } from '../../src/ports/store.js';
import { mqttUrl } from '../support/services.js';

const url = mqttUrl();
const silent = { info: () => {}, warn: () => {}, error: () => {} };
// Unique per run: the broker is shared, and the gateway's session is persistent.
const DEVICE = `mqtt-seal-${randomUUID().slice(0, 8)}`;
const T0 = Date.UTC(2025, 10, 20, 6);

describe.skipIf(!url)('MQTT gateway with a real broker', () => {
  let store: Store;
  let gateways: Gateways;
  let publisher: mqtt.MqttClient;
  /** While set, the gateway's store refuses to insert positions, as a database that is down would. */
  let storeDown = false;
  let refusedInserts = 0;

  beforeAll(async () => {
    store = openStore(':memory:');
    await store.migrate();
    await store.reference.putDevice({ id: DEVICE, protocol: 'mqtt', state: 'available' });
    const positions = store.positions;
    const failing: Store = Object.create(store, {
      positions: {
        value: Object.create(positions, {
          insertMany: {
            value: (batch: Parameters<typeof positions.insertMany>[0]) => {
              if (!storeDown) return positions.insertMany(batch);
              refusedInserts++;
              return Promise.reject(new Error('database unavailable'));
            },
          },
        }),
      },
    });
    gateways = await startGateways(
      { host: '127.0.0.1', gateway: { teltonika: -1, wialon: -1, egts: -1, osmand: -1 }, mqttUrl: url! },
      failing,
      silent,
      { mqttClientId: `corridor-test-${randomUUID().slice(0, 8)}` },
    );
    publisher = await mqtt.connectAsync(url!);
  });

  afterAll(async () => {
    await publisher?.endAsync();
    await gateways?.close();
    await store?.close();
  });

  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('stores a batch of positions with their seal state', async () => {
    const payload = [
      { time: new Date(T0).toISOString(), lat: 43.05, lon: 74.7, speed: 55, course: 10, seal: { locked: true, batteryPercent: 90 } },
      { time: T0 + 30_000, lat: 43.06, lon: 74.71, speed: 57, course: 12, seal: { locked: false } },
    ];
    await publisher.publishAsync(mqttPositionsTopic(DEVICE), JSON.stringify(payload), { qos: 1 });
    const stored = await eventually(() => store.positions.list({ deviceId: DEVICE, limit: 10 }), (p) => p.length === 2);
    expect(stored.map((p) => [p.deviceTime, p.lat, p.seal?.locked])).toEqual([[T0, 43.05, true], [T0 + 30_000, 43.06, false]]);
  });

  it('counts a malformed payload and an unregistered device without storing anything', async () => {
    await publisher.publishAsync(mqttPositionsTopic(DEVICE), '{"time": "yesterday", "lat": 999}', { qos: 1 });
    await publisher.publishAsync(mqttPositionsTopic(`${DEVICE}-stranger`), JSON.stringify({ time: T0, lat: 1, lon: 1 }), { qos: 1 });
    const unknown = await eventually(async () => {
      await gateways.unknownDevices.flush();
      return store.unknownDevices.list();
    }, (d) => d.length > 0);
    expect(unknown.map((d) => d.deviceId)).toContain(`${DEVICE}-stranger`);
    const rejected = await eventually(
      () => gateways.metrics.registry.getSingleMetricAsString('corridor_gateway_frames_rejected_total'),
      (text) => /protocol="mqtt"/.test(text),
    );
    expect(rejected).toMatch(/protocol="mqtt"/);
    expect(await store.positions.list({ deviceId: DEVICE, limit: 10 })).toHaveLength(2);
  });

  it('leaves a message unacknowledged while the store fails, and stores it once the broker redelivers it', async () => {
    storeDown = true;
    const time = T0 + 3_600_000;
    await publisher.publishAsync(mqttPositionsTopic(DEVICE), JSON.stringify({ time, lat: 43.2, lon: 74.8, speed: 40, course: 90 }), { qos: 1 });
    await eventually(async () => refusedInserts, (n) => n > 0);
    expect(await store.positions.list({ deviceId: DEVICE, from: time, limit: 10 })).toHaveLength(0);

    storeDown = false;
    // The gateway dropped its connection unacknowledged; on reconnecting, its persistent session gets the message again.
    const stored = await eventually(() => store.positions.list({ deviceId: DEVICE, from: time, limit: 10 }), (p) => p.length > 0);
    expect(stored.map((p) => [p.deviceTime, p.lat, p.lon])).toEqual([[time, 43.2, 74.8]]);
  });
});
