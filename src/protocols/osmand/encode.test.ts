import { describe, expect, it } from 'vitest';
import { decodeOsmandQuery } from './decode.js';
import { encodeOsmandQuery } from './encode.js';

describe('OsmAnd query encoder', () => {
  it('writes what the decoder reads back', () => {
    const time = Date.UTC(2026, 4, 1, 11, 59, 30);
    const query = encodeOsmandQuery({
      deviceId: 'seal-7', time, lat: 41.311081, lon: 69.240562, speed: 62.5, course: 187, altitude: 455, accuracy: 8,
      hdop: 0.9, battery: 87, valid: true, extra: { charge: false, temp: -4.5 },
    });
    expect(query).toBe(
      'id=seal-7&timestamp=1777636770&lat=41.311081&lon=69.240562&speed=33.74730021598272&bearing=187&altitude=455&accuracy=8' +
      '&hdop=0.9&batt=87&valid=true&charge=false&temp=-4.5',
    );
    const result = decodeOsmandQuery(query, time + 1000);
    expect(result.ok && result.position).toMatchObject({
      deviceId: 'seal-7', deviceTime: time, lat: 41.311081, lon: 69.240562, course: 187, altitude: 455, valid: true,
      seal: { batteryPercent: 87 },
      attributes: { 'osmand:accuracy': 8, 'osmand:hdop': 0.9, 'osmand:batt': 87, 'osmand:charge': false, 'osmand:temp': -4.5 },
    });
    expect(result.ok && result.position.speed).toBeCloseTo(62.5, 9);
  });

  it('sends only what the fix has, and refuses numbers that are not', () => {
    expect(encodeOsmandQuery({ deviceId: 'a', lat: 0, lon: -0.5 })).toBe('id=a&lat=0&lon=-0.5');
    expect(() => encodeOsmandQuery({ deviceId: 'a', lat: Number.NaN, lon: 0 })).toThrow(RangeError);
  });
});
