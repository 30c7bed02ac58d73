import { describe, expect, it } from 'vitest';
import type { UnknownDevice, UnknownDeviceRepository } from '../ports/unknown-devices.js';
import { KEEP_UNKNOWN_DEVICES, UnknownDeviceLog } from './unknown-device-log.js';

const T0 = Date.UTC(2026, 4, 4, 6);

/** A repository that keeps each write it was given, and fails while told to. */
function recording() {
  const writes: UnknownDevice[][] = [];
  let failing = false;
  const repository: UnknownDeviceRepository = {
    record: async (refusals, keep) => {
      expect(keep).toBe(KEEP_UNKNOWN_DEVICES);
      if (failing) throw new Error('database unavailable');
      writes.push(refusals.map((r) => ({ ...r })));
    },
    list: async () => [],
  };
  return { repository, writes, fail: (on: boolean) => (failing = on) };
}

const errors: object[] = [];
const log = { error: (details: object) => errors.push(details) };

describe('UnknownDeviceLog', () => {
  it('writes a device\'s many refusals as one row, together with the others refused meanwhile', async () => {
    const { repository, writes } = recording();
    const unknown = new UnknownDeviceLog(repository, log, 60_000);
    for (let i = 0; i < 100; i++) unknown.refused('356307042441013', 'teltonika', `203.0.113.7:${40_000 + i}`, T0 + i);
    unknown.refused('861230043907626', 'wialon', '198.51.100.9:5000', T0 + 50);
    await unknown.flush();
    expect(writes).toEqual([[
      { deviceId: '356307042441013', protocol: 'teltonika', remote: '203.0.113.7:40099', attempts: 100, firstSeen: T0, lastSeen: T0 + 99 },
      { deviceId: '861230043907626', protocol: 'wialon', remote: '198.51.100.9:5000', attempts: 1, firstSeen: T0 + 50, lastSeen: T0 + 50 },
    ]]);
    await unknown.flush();
    expect(writes).toHaveLength(1);
    await unknown.close();
  });

  it('writes on its own a moment after a refusal', async () => {
    const { repository, writes } = recording();
    const unknown = new UnknownDeviceLog(repository, log, 5);
    unknown.refused('359633100458591', 'teltonika', '203.0.113.7:1', T0);
    await expect.poll(() => writes.length).toBe(1);
    await unknown.close();
  });

  it('keeps what a failed write held and writes it with what came since', async () => {
    const { repository, writes, fail } = recording();
    const unknown = new UnknownDeviceLog(repository, log, 60_000);
    unknown.refused('359633100458591', 'teltonika', 'first', T0);
    fail(true);
    await unknown.flush();
    expect(errors).toEqual([expect.objectContaining({ devices: 1 })]);
    unknown.refused('359633100458591', 'teltonika', 'second', T0 + 1000);
    fail(false);
    await unknown.close();
    expect(writes).toEqual([[{ deviceId: '359633100458591', protocol: 'teltonika', remote: 'second', attempts: 2, firstSeen: T0, lastSeen: T0 + 1000 }]]);
  });

  it('holds no more devices between writes than the store keeps', async () => {
    const { repository, writes } = recording();
    const unknown = new UnknownDeviceLog(repository, log, 60_000);
    for (let i = 0; i < KEEP_UNKNOWN_DEVICES + 500; i++) unknown.refused(`fake-${i}`, 'egts', 'scanner', T0 + i);
    await unknown.close();
    expect(writes[0]).toHaveLength(KEEP_UNKNOWN_DEVICES);
    expect(writes[0]![0]!.deviceId).toBe('fake-500');
  });
});
