/**
 * The unknown devices' list (ports/unknown-devices.ts) on both backends: refusals summed per device and protocol,
 * the list trimmed to its cap, and a device leaving it once registered.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import type { UnknownDevice } from '../../src/ports/unknown-devices.js';
import { freshStoreEachTest, storeBackends, type OpenFreshStore } from '../support/store-backends.js';

const T0 = Date.UTC(2026, 4, 4, 6);

function refusal(deviceId: string, at: number, overrides: Partial<UnknownDevice> = {}): UnknownDevice {
  return { deviceId, protocol: 'teltonika', remote: '203.0.113.7:40000', attempts: 1, firstSeen: at, lastSeen: at, ...overrides };
}

function describeUnknownDevices(name: string, open: OpenFreshStore) {
  describe(name, () => {
    let store: Store;
    freshStoreEachTest(open, (opened) => (store = opened));

    it('adds up a device\'s attempts, keeps its first sighting and follows its latest address', async () => {
      await store.unknownDevices.record([refusal('356307042441013', T0 + 1000, { attempts: 3, firstSeen: T0 })], 100);
      await store.unknownDevices.record([refusal('356307042441013', T0 + 5000, { attempts: 2, remote: '198.51.100.9:5000' })], 100);
      // A gateway writing late what it refused earlier moves neither the last sighting nor the address back.
      await store.unknownDevices.record([refusal('356307042441013', T0 + 2000, { firstSeen: T0 - 500, remote: '192.0.2.1:1' })], 100);
      expect(await store.unknownDevices.list()).toEqual([
        { deviceId: '356307042441013', protocol: 'teltonika', remote: '198.51.100.9:5000', attempts: 6, firstSeen: T0 - 500, lastSeen: T0 + 5000 },
      ]);
    });

    it('lists each device and protocol apart, most recently seen first', async () => {
      await store.unknownDevices.record([
        refusal('A', T0), refusal('B', T0 + 2000), refusal('A', T0 + 1000, { protocol: 'wialon', remote: 'x' }),
      ], 100);
      expect((await store.unknownDevices.list()).map((d) => `${d.protocol}:${d.deviceId}`)).toEqual(['teltonika:B', 'wialon:A', 'teltonika:A']);
    });

    it('keeps only the most recently seen, ties at the cut included in what goes', async () => {
      const flood = Array.from({ length: 50 }, (_, i) => refusal(`fake-${i}`, T0 + i * 1000));
      await store.unknownDevices.record(flood, 10);
      expect((await store.unknownDevices.list()).map((d) => d.deviceId)).toEqual(
        Array.from({ length: 10 }, (_, i) => `fake-${49 - i}`),
      );
      // Two seen at the same instant, where the cut falls: both go, rather than one too many stay.
      await store.unknownDevices.record([refusal('tie-1', T0 + 40_500), refusal('tie-2', T0 + 40_500)], 10);
      expect((await store.unknownDevices.list()).map((d) => d.deviceId)).toEqual(
        Array.from({ length: 9 }, (_, i) => `fake-${49 - i}`),
      );
    });

    it('takes more refusals in one call than one statement can carry', async () => {
      const many = Array.from({ length: 12_000 }, (_, i) => refusal(`scan-${i}`, T0 + i));
      await store.unknownDevices.record(many, 20_000);
      const listed = await store.unknownDevices.list();
      expect(listed).toHaveLength(12_000);
      expect(listed[0]!.deviceId).toBe('scan-11999');
    });

    it('drops a device once registered for that protocol, and leaves it out if refused meanwhile', async () => {
      await store.unknownDevices.record([refusal('S1', T0), refusal('S2', T0 + 1), refusal('S3', T0 + 2)], 100);
      await store.reference.putDevice({ id: 'S1', protocol: 'teltonika', state: 'available' });
      // Registered for another protocol, or retired, it is still refused over this one: still listed.
      await store.reference.putDevice({ id: 'S2', protocol: 'wialon', state: 'available' });
      await store.reference.putDevice({ id: 'S3', protocol: 'teltonika', state: 'retired' });
      expect((await store.unknownDevices.list()).map((d) => d.deviceId)).toEqual(['S3', 'S2']);
      // A gateway writes refusals up to a second late, after the registration that answers them.
      await store.unknownDevices.record([refusal('S1', T0 + 10)], 100);
      expect((await store.unknownDevices.list()).map((d) => d.deviceId)).toEqual(['S3', 'S2']);
    });
  });
}

for (const [backend, open] of storeBackends('unknown_devices')) describeUnknownDevices(`unknown devices on ${backend}`, open);
