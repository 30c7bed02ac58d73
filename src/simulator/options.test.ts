import { describe, expect, it } from 'vitest';
import { isValidImei } from '../core/demo/index.js';
import { DEFAULT_SEAL_MAPPINGS, findSealMapping } from '../core/devices/index.js';
import { planDevices } from './devices.js';
import { resolveProtocolWeights } from './options.js';
import { defaultStart, fleetRegistrations } from './run.js';

const gateway = { host: '127.0.0.1', ports: { teltonika: 1, wialon: 2, egts: 3, osmand: 4 } };

describe('protocol weights', () => {
  it('leave out the protocols the gateway has no endpoint for', () => {
    expect(resolveProtocolWeights({ gateway })).toMatchObject({ mqtt: 0, teltonika: 40 });
    expect(resolveProtocolWeights({ gateway: { ...gateway, mqttUrl: 'mqtt://x' } }).mqtt).toBe(10);
    expect(() => resolveProtocolWeights({ gateway, protocols: { mqtt: 1 } })).toThrow(RangeError);
    expect(() => resolveProtocolWeights({ gateway: { host: 'h', ports: {} } })).toThrow(RangeError);
    expect(() => resolveProtocolWeights({ gateway, protocols: { wialon: -1 } })).toThrow(RangeError);
  });
});

describe('devices', () => {
  it('are the same for a seed, with valid unique IMEIs and models the default mappings know', () => {
    const weights = resolveProtocolWeights({ gateway: { ...gateway, mqttUrl: 'mqtt://x' } });
    const devices = planDevices(5, 300, weights);
    expect(planDevices(5, 300, weights)).toEqual(devices);
    expect(new Set(devices.map((d) => d.deviceId)).size).toBe(300);
    for (const d of devices) {
      expect(isValidImei(d.deviceId)).toBe(true);
      if (d.protocol !== 'osmand') expect(findSealMapping(DEFAULT_SEAL_MAPPINGS, d.model), d.protocol).toBeDefined();
    }
  });

  it('are listed for registration before the simulation starts, with their trucks and routes', () => {
    const list = fleetRegistrations({ count: 10, seed: 1, gateway });
    expect(list).toHaveLength(10);
    expect(list.every((r) => r.protocol !== 'mqtt' && r.truckId.startsWith('T') && r.routeId.length > 0)).toBe(true);
    expect(fleetRegistrations({ count: 10, seed: 1, gateway, start: Date.UTC(2026, 0, 1) })).toEqual(list);
  });
});

describe('defaultStart', () => {
  it('starts a fast clock with an end far enough back that it never runs ahead of the wall clock', () => {
    expect(defaultStart(1_000_000, 1, 3600)).toBe(1_000_000);
    expect(defaultStart(10_000_000, 60, 3600)).toBe(10_000_000 - 3_600_000);
    expect(defaultStart(1_000_000, 60, undefined)).toBe(1_000_000);
  });
});
