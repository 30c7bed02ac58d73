import { describe, expect, it } from 'vitest';
import { DEFAULT_SEAL_MAPPINGS, EGTS_SEAL, MQTT_JSON_SEAL, TELTONIKA_FMB_SEAL, WIALON_IPS_SEAL } from './default-mappings.js';
import { applySealMapping, findSealMapping, validateSealMapping, validateSealMappings, type SealMapping } from './seal-mapping.js';

function codes(value: unknown): string[] {
  return validateSealMapping(value).map((issue) => `${issue.code}@${issue.path}`);
}

describe('applySealMapping', () => {
  it('reads a Teltonika record: flags by value, battery scaled from millivolts', () => {
    expect(applySealMapping(TELTONIKA_FMB_SEAL, { io1: 1, io2: 0, io3: 0, io113: 87, io67: 3912, io66: 12000 })).toEqual({
      locked: true,
      tamper: false,
      cableCut: false,
      batteryPercent: 87,
      batteryVolts: 3.912,
    });
  });

  it('reads Wialon parameters', () => {
    expect(applySealMapping(WIALON_IPS_SEAL, { 'param:lock': 0, 'param:tamper': 1, 'param:batt': 41.5 })).toEqual({
      locked: false,
      tamper: true,
      batteryPercent: 41.5,
    });
  });

  it('reads EGTS digital inputs bit by bit', () => {
    expect(applySealMapping(EGTS_SEAL, { 'egts:din': 0b101, 'egts:internalBattery': 4.1 })).toEqual({
      locked: true,
      tamper: false,
      cableCut: true,
      batteryVolts: 4.1,
    });
  });

  it('reads MQTT JSON attributes of any JSON type', () => {
    expect(applySealMapping(MQTT_JSON_SEAL, { 'mqtt:lock': true, 'mqtt:tamper': 0, 'mqtt:cable': 'false', 'mqtt:batt': 90, 'mqtt:volts': 3.7 })).toEqual({
      locked: true,
      tamper: false,
      cableCut: false,
      batteryPercent: 90,
      batteryVolts: 3.7,
    });
  });

  it('leaves out what the attributes do not say, and returns undefined when they say nothing', () => {
    expect(applySealMapping(TELTONIKA_FMB_SEAL, { io2: 1 })).toEqual({ tamper: true });
    expect(applySealMapping(TELTONIKA_FMB_SEAL, { io240: 1 })).toBeUndefined();
    expect(applySealMapping(TELTONIKA_FMB_SEAL, { io1: new Uint8Array([1]), io113: 'full' })).toBeUndefined();
  });

  it('compares numbers whatever their representation', () => {
    const mapping: SealMapping = { model: 'm', locked: { attribute: 'a', equals: 1 }, tamper: { attribute: 'b', equals: 'open' } };
    expect(applySealMapping(mapping, { a: 1n, b: 'open' })).toEqual({ locked: true, tamper: true });
    expect(applySealMapping(mapping, { a: '1', b: 'closed' })).toEqual({ locked: true, tamper: false });
    expect(applySealMapping(mapping, { a: true })).toEqual({ locked: true });
    expect(applySealMapping(mapping, { a: 2 })).toEqual({ locked: false });
  });

  it('reads truthiness when a rule names neither equals nor bit, and inverts on request', () => {
    const mapping: SealMapping = { model: 'm', locked: { attribute: 'open', invert: true }, tamper: { attribute: 't' } };
    expect(applySealMapping(mapping, { open: 0, t: 'true' })).toEqual({ locked: true, tamper: true });
    expect(applySealMapping(mapping, { open: 1, t: 'false' })).toEqual({ locked: false, tamper: false });
    expect(applySealMapping(mapping, { t: 'maybe' })).toBeUndefined();
  });

  it('reads high bits of 8-byte values', () => {
    const mapping: SealMapping = { model: 'm', tamper: { attribute: 'io240', bit: 63 } };
    expect(applySealMapping(mapping, { io240: 2n ** 63n })).toEqual({ tamper: true });
    expect(applySealMapping(mapping, { io240: 1 })).toEqual({ tamper: false });
    expect(applySealMapping(mapping, { io240: 1.5 })).toBeUndefined();
  });

  it('applies offset and scale, and reads numeric text and bigint', () => {
    const mapping: SealMapping = { model: 'm', batteryVolts: { attribute: 'v', scale: 0.5, offset: 1 }, batteryPercent: { attribute: 'p' } };
    expect(applySealMapping(mapping, { v: 6, p: '55' })).toEqual({ batteryVolts: 4, batteryPercent: 55 });
    expect(applySealMapping(mapping, { v: 6n })).toEqual({ batteryVolts: 4 });
  });
});

describe('validateSealMapping', () => {
  it('accepts every shipped default', () => {
    for (const mapping of DEFAULT_SEAL_MAPPINGS) expect(validateSealMapping(mapping), mapping.model).toEqual([]);
    expect(validateSealMappings(DEFAULT_SEAL_MAPPINGS)).toEqual([]);
  });

  it('names what is missing, unknown or of the wrong type, with its path', () => {
    expect(codes(null)).toEqual(['SCHEMA_TYPE@']);
    expect(codes({ locked: { attribute: 'io1' } })).toEqual(['REQUIRED@model']);
    expect(codes({ model: '', locked: { attribute: 'io1' } })).toEqual(['SCHEMA_TYPE@model']);
    expect(codes({ model: 'm', lock: { attribute: 'io1' }, locked: { attribute: 'io1' } })).toEqual(['UNKNOWN_FIELD@lock']);
    expect(codes({ model: 'm', locked: { attr: 'io1' } })).toEqual(['UNKNOWN_FIELD@locked.attr', 'REQUIRED@locked.attribute']);
    expect(codes({ model: 'm', locked: 'io1' })).toEqual(['SCHEMA_TYPE@locked']);
    expect(codes({ model: 'm', locked: { attribute: '' } })).toEqual(['SCHEMA_TYPE@locked.attribute']);
    expect(codes({ model: 'm', locked: { attribute: 'a', equals: null } })).toEqual(['SCHEMA_TYPE@locked.equals']);
    expect(codes({ model: 'm', locked: { attribute: 'a', invert: 'yes' } })).toEqual(['SCHEMA_TYPE@locked.invert']);
    expect(codes({ model: 'm', batteryVolts: { attribute: 'a', offset: Infinity } })).toEqual(['SCHEMA_TYPE@batteryVolts.offset']);
  });

  it('names rules that make no sense', () => {
    expect(codes({ model: 'm' })).toEqual(['SEAL_MAPPING_EMPTY@']);
    expect(codes({ model: 'm', tamper: { attribute: 'a', equals: 1, bit: 2 } })).toEqual(['SEAL_RULE_CONFLICT@tamper']);
    expect(codes({ model: 'm', tamper: { attribute: 'a', bit: 64 } })).toEqual(['SEAL_RULE_BIT@tamper.bit']);
    expect(codes({ model: 'm', batteryVolts: { attribute: 'a', scale: 0 } })).toEqual(['SEAL_RULE_SCALE@batteryVolts.scale']);
  });

  it('checks a list: each mapping at its index, and no model twice', () => {
    const issues = validateSealMappings([TELTONIKA_FMB_SEAL, { model: 'x' }, TELTONIKA_FMB_SEAL]);
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['SEAL_MAPPING_EMPTY@[1]', 'SEAL_MAPPING_DUPLICATE@[2].model']);
    expect(validateSealMappings({})).toHaveLength(1);
  });
});

describe('findSealMapping', () => {
  it('finds by model', () => {
    expect(findSealMapping(DEFAULT_SEAL_MAPPINGS, 'wialon-ips-seal')).toBe(WIALON_IPS_SEAL);
    expect(findSealMapping(DEFAULT_SEAL_MAPPINGS, 'unknown')).toBeUndefined();
    expect(findSealMapping(DEFAULT_SEAL_MAPPINGS, undefined)).toBeUndefined();
  });
});
