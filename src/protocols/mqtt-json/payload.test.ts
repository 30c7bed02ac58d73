import { describe, expect, it } from 'vitest';
import { decodeMqttPayload, DEFAULT_MQTT_PAYLOAD_LIMITS, type MqttPayloadResult } from './payload.js';

const RECEIVED = Date.UTC(2026, 4, 1, 12, 0, 0);
const DEVICE = '356307042441013';
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const decode = (value: unknown, limits = DEFAULT_MQTT_PAYLOAD_LIMITS): MqttPayloadResult =>
  decodeMqttPayload(DEVICE, encode(value), RECEIVED, limits);

function issuesOf(result: MqttPayloadResult): { code: string; path: string }[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map(({ code, path }) => ({ code, path }));
}

describe('MQTT JSON payload', () => {
  it('decodes one position with every field', () => {
    expect(decode({
      time: '2026-05-01T16:59:30+05:00', lat: 41.311081, lon: 69.240562, altitude: 455, speed: 62.5, course: 187,
      satellites: 11, valid: false, seq: 1041,
      seal: { locked: true, tamper: false, cableCut: false, batteryPercent: 87, batteryVolts: 3.9 },
      attributes: { temp: -4.5, door: 'closed', ignition: true },
    })).toEqual({
      ok: true,
      positions: [{
        deviceId: DEVICE, deviceTime: RECEIVED - 30_000, receivedTime: RECEIVED, lat: 41.311081, lon: 69.240562,
        altitude: 455, speed: 62.5, course: 187, satellites: 11, valid: false, sequence: 1041,
        seal: { locked: true, tamper: false, cableCut: false, batteryPercent: 87, batteryVolts: 3.9 },
        attributes: { 'mqtt:temp': -4.5, 'mqtt:door': 'closed', 'mqtt:ignition': true },
      }],
    });
  });

  it('decodes an array, with epoch milliseconds and defaults', () => {
    const result = decode([{ time: RECEIVED, lat: -1, lon: -2 }, { time: '2026-05-01T12:00:01Z', lat: 0, lon: 0, course: 360 }]);
    expect(result.ok && result.positions).toEqual([
      { deviceId: DEVICE, deviceTime: RECEIVED, receivedTime: RECEIVED, lat: -1, lon: -2, speed: 0, course: 0, valid: true, attributes: {} },
      { deviceId: DEVICE, deviceTime: RECEIVED + 1000, receivedTime: RECEIVED, lat: 0, lon: 0, speed: 0, course: 0, valid: true, attributes: {} },
    ]);
    expect(decode([])).toEqual({ ok: true, positions: [] });
  });

  it('names the field of each problem, by index in an array, and refuses the whole message', () => {
    const good = { time: RECEIVED, lat: 1, lon: 2 };
    expect(issuesOf(decode([good, good, good, { time: RECEIVED, lat: 91, lon: '2' }]))).toEqual([
      { code: 'OUT_OF_RANGE', path: '[3].lat' }, { code: 'TYPE_INVALID', path: '[3].lon' },
    ]);
    expect(issuesOf(decode({ lat: null, lng: 3, seq: 1.5, satellites: -1, valid: 'yes' }))).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'lng' },
      { code: 'FIELD_REQUIRED', path: 'time' },
      { code: 'FIELD_REQUIRED', path: 'lon' },
      { code: 'TYPE_INVALID', path: 'lat' },
      { code: 'OUT_OF_RANGE', path: 'satellites' },
      { code: 'TYPE_INVALID', path: 'valid' },
      { code: 'TYPE_INVALID', path: 'seq' },
    ]);
    expect(issuesOf(decode([good, 5, null]))).toEqual([{ code: 'TYPE_INVALID', path: '[1]' }, { code: 'TYPE_INVALID', path: '[2]' }]);
  });

  it('checks the seal and the attributes', () => {
    expect(issuesOf(decode({ time: RECEIVED, lat: 1, lon: 2, seal: { locked: 1, batteryPercent: 120, armed: true }, attributes: { a: { b: 1 }, c: [1] } }))).toEqual([
      { code: 'UNKNOWN_FIELD', path: 'seal.armed' },
      { code: 'TYPE_INVALID', path: 'seal.locked' },
      { code: 'OUT_OF_RANGE', path: 'seal.batteryPercent' },
      { code: 'TYPE_INVALID', path: 'attributes.a' },
      { code: 'TYPE_INVALID', path: 'attributes.c' },
    ]);
    expect(issuesOf(decode({ time: RECEIVED, lat: 1, lon: 2, seal: 'locked' }))).toEqual([{ code: 'TYPE_INVALID', path: 'seal' }]);
    expect(issuesOf(decode({ time: RECEIVED, lat: 1, lon: 2, attributes: { note: 'x'.repeat(1025) } }))).toEqual([
      { code: 'VALUE_TOO_LONG', path: 'attributes.note' },
    ]);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`a${i}`, i]));
    expect(issuesOf(decode({ time: RECEIVED, lat: 1, lon: 2, attributes: many }))).toEqual([{ code: 'TOO_MANY_FIELDS', path: 'attributes' }]);
  });

  it('refuses times without a zone, impossible dates and fractional or negative milliseconds', () => {
    for (const time of ['2026-05-01T12:00:00', '2026-02-30T00:00:00Z', 'now', 1.5, -1, true]) {
      expect(issuesOf(decode({ time, lat: 1, lon: 2 })), String(time)).toEqual([{ code: 'TIME_INVALID', path: 'time' }]);
    }
  });

  it('refuses milliseconds past the last instant a Date holds, though they are safe integers (found by fuzzing)', () => {
    expect(decode({ time: 8.64e15, lat: 1, lon: 2 }).ok).toBe(true);
    expect(issuesOf(decode({ time: 8.64e15 + 1, lat: 1, lon: 2 }))).toEqual([{ code: 'TIME_INVALID', path: 'time' }]);
  });

  it('turns bytes that are not acceptable JSON into issues, never an exception', () => {
    expect(issuesOf(decode('{"time": 1, "lat": '))).toEqual([{ code: 'JSON_SYNTAX', path: '' }]);
    expect(issuesOf(decode('NaN'))).toEqual([{ code: 'JSON_SYNTAX', path: '' }]);
    expect(issuesOf(decode('"just a string"'))).toEqual([{ code: 'TYPE_INVALID', path: '' }]);
    expect(issuesOf(decodeMqttPayload(DEVICE, Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d), RECEIVED))).toEqual([{ code: 'ENCODING', path: '' }]);
    expect(issuesOf(decode('['.repeat(100_000) + ']'.repeat(100_000)))).toEqual([{ code: 'JSON_TOO_DEEP', path: '' }]);
    expect(decode({ time: RECEIVED, lat: 1, lon: 2, attributes: { a: '[[[[[[[[[[\\"{{{{{{{{' } }).ok).toBe(true);
    expect(issuesOf(decode(Array.from({ length: 1001 }, () => ({}))))).toEqual([{ code: 'TOO_MANY_POSITIONS', path: '' }]);
    expect(issuesOf(decode({ attributes: { a: 'x'.repeat(300_000) } }))).toEqual([{ code: 'PAYLOAD_TOO_LARGE', path: '' }]);
  });

  it('caps the number of issues it reports', () => {
    const result = decode(Array.from({ length: 500 }, () => ({ lat: 'x' })));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.length).toBe(100);
  });
});
