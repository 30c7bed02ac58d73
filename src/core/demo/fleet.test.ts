import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { createRng } from '../random/index.js';
import { SEAL_PROTOCOLS, SealDeviceSchema } from '../model/index.js';
import { generateDemoFleet } from './fleet.js';
import { isValidImei } from './imei.js';

describe('generateDemoFleet', () => {
  const fleet = generateDemoFleet(createRng('fleet'), 600);

  it('is the same for the same seed', () => {
    expect(generateDemoFleet(createRng('fleet'), 600)).toEqual(fleet);
    expect(generateDemoFleet(createRng('other'), 600)).not.toEqual(fleet);
  });

  it('gives unique Luhn-valid IMEIs in the model’s shape', () => {
    const validator = Compile(SealDeviceSchema);
    expect(new Set(fleet.map((d) => d.id)).size).toBe(fleet.length);
    for (const device of fleet) {
      expect(isValidImei(device.id), device.id).toBe(true);
      expect([...validator.Errors(device)]).toEqual([]);
    }
  });

  it('spreads the devices over every protocol, mostly available', () => {
    for (const protocol of SEAL_PROTOCOLS) {
      expect(fleet.filter((d) => d.protocol === protocol).length, protocol).toBeGreaterThan(20);
    }
    expect(fleet.filter((d) => d.state === 'available').length / fleet.length).toBeGreaterThan(0.75);
  });

  it('rejects a size that is not a whole number', () => {
    expect(() => generateDemoFleet(createRng(1), -1)).toThrow(RangeError);
  });
});
