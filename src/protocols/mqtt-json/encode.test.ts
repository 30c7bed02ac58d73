import { describe, expect, it } from 'vitest';
import { encodeMqttPayload } from './encode.js';
import { decodeMqttPayload } from './payload.js';

describe('MQTT JSON payload encoder', () => {
  it('writes the README example, which the decoder reads back', () => {
    const bytes = encodeMqttPayload([
      { time: '2026-05-01T11:59:30Z', lat: 41.311081, lon: 69.240562, speed: 62.5, course: 187, satellites: 11, seq: 1041,
        seal: { locked: true, batteryPercent: 87 } },
      { time: 1777636800000, lat: 41.3125, lon: 69.2431, seq: 1042, attributes: { temp: -4.5 } },
    ]);
    expect(new TextDecoder().decode(bytes)).toBe(
      '[{"time":"2026-05-01T11:59:30Z","lat":41.311081,"lon":69.240562,"speed":62.5,"course":187,"satellites":11,"seq":1041,' +
      '"seal":{"locked":true,"batteryPercent":87}},{"time":1777636800000,"lat":41.3125,"lon":69.2431,"seq":1042,"attributes":{"temp":-4.5}}]',
    );
    const result = decodeMqttPayload('seal-7', bytes, 1777636801000);
    expect(result.ok && result.positions.map((p) => [p.deviceTime, p.sequence, p.seal])).toEqual([
      [Date.UTC(2026, 4, 1, 11, 59, 30), 1041, { locked: true, batteryPercent: 87 }],
      [1777636800000, 1042, undefined],
    ]);
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => encodeMqttPayload({ time: 0, lat: Number.NaN, lon: 0 })).toThrow(RangeError);
    expect(() => encodeMqttPayload({ time: 0, lat: 0, lon: 0, attributes: { x: Number.POSITIVE_INFINITY } })).toThrow(RangeError);
  });
});
