import { describe, expect, it } from 'vitest';
import { decodeOsmand, decodeOsmandQuery, type OsmandResult } from './decode.js';

const RECEIVED = Date.UTC(2026, 4, 1, 12, 0, 0);

function issuesOf(result: OsmandResult): { code: string; path: string }[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map(({ code, path }) => ({ code, path }));
}

describe('OsmAnd request', () => {
  it('decodes the parameters OsmAnd and Traccar Client send', () => {
    const result = decodeOsmandQuery(
      '?id=123456&timestamp=1777636800&lat=41.311081&lon=69.240562&speed=10&bearing=270.5&altitude=455.2&accuracy=12&hdop=0.9&batt=87&valid=true',
      RECEIVED,
    );
    expect(result).toEqual({
      ok: true,
      position: {
        deviceId: '123456', deviceTime: 1777636800000, receivedTime: RECEIVED, lat: 41.311081, lon: 69.240562,
        speed: 18.52, course: 270.5, altitude: 455.2, valid: true, seal: { batteryPercent: 87 },
        attributes: { 'osmand:accuracy': 12, 'osmand:hdop': 0.9, 'osmand:batt': 87 },
      },
    });
  });

  it('accepts deviceid, heading, location=lat,lon, ISO and millisecond times', () => {
    const iso = decodeOsmand({ deviceid: 'seal-7', location: '-33.8688,151.2093', heading: '-90', timestamp: '2026-05-01T11:59:00Z' }, RECEIVED);
    expect(iso.ok && iso.position).toMatchObject({ deviceId: 'seal-7', lat: -33.8688, lon: 151.2093, course: 270, deviceTime: RECEIVED - 60_000 });
    const ms = decodeOsmand(new URLSearchParams({ id: 'a', lat: '1', lon: '2', timestamp: String(RECEIVED - 5) }), RECEIVED);
    expect(ms.ok && ms.position.deviceTime).toBe(RECEIVED - 5);
  });

  it('uses the received time when there is no timestamp, and true when there is no valid', () => {
    const result = decodeOsmand({ id: 'a', lat: '0', lon: '0' }, RECEIVED);
    expect(result.ok && result.position).toMatchObject({ deviceTime: RECEIVED, valid: true, speed: 0, course: 0 });
  });

  it('keeps every other parameter as an osmand: attribute', () => {
    const result = decodeOsmandQuery('id=a&lat=1&lon=2&charge=true&driverUniqueId=D-17&temp=-4.5&sat=', RECEIVED);
    expect(result.ok && result.position.attributes).toEqual({
      'osmand:charge': true, 'osmand:driverUniqueId': 'D-17', 'osmand:temp': -4.5, 'osmand:sat': '',
    });
  });

  it('takes the first of repeated parameters', () => {
    const result = decodeOsmandQuery('id=a&id=b&lat=1&lat=2&lon=3', RECEIVED);
    expect(result.ok && result.position).toMatchObject({ deviceId: 'a', lat: 1 });
    const fromObject = decodeOsmand({ id: ['a', 'b'], lat: ['1'], lon: '3' }, RECEIVED);
    expect(fromObject.ok && fromObject.position.deviceId).toBe('a');
  });

  it('names each bad parameter', () => {
    expect(issuesOf(decodeOsmandQuery('lat=91&lon=NaN&speed=fast&valid=maybe&timestamp=soon', RECEIVED))).toEqual([
      { code: 'FIELD_REQUIRED', path: 'id' },
      { code: 'TIME_INVALID', path: 'timestamp' },
      { code: 'OUT_OF_RANGE', path: 'lat' },
      { code: 'NOT_A_NUMBER', path: 'lon' },
      { code: 'NOT_A_NUMBER', path: 'speed' },
      { code: 'BOOLEAN_INVALID', path: 'valid' },
    ]);
  });

  it('requires coordinates and rejects infinities and bad locations', () => {
    expect(issuesOf(decodeOsmandQuery('id=a&lat=1', RECEIVED))).toEqual([{ code: 'FIELD_REQUIRED', path: 'lon' }]);
    expect(issuesOf(decodeOsmandQuery('id=a', RECEIVED))).toEqual([
      { code: 'FIELD_REQUIRED', path: 'lat' }, { code: 'FIELD_REQUIRED', path: 'lon' },
    ]);
    expect(issuesOf(decodeOsmandQuery('id=a&lat=1e400&lon=1', RECEIVED))).toEqual([{ code: 'NOT_A_NUMBER', path: 'lat' }]);
    expect(issuesOf(decodeOsmandQuery('id=a&location=1;2', RECEIVED))).toEqual([{ code: 'NOT_A_NUMBER', path: 'location' }]);
    expect(issuesOf(decodeOsmandQuery('id=a&location=1,200', RECEIVED))).toEqual([{ code: 'OUT_OF_RANGE', path: 'location' }]);
    expect(issuesOf(decodeOsmandQuery('id=a&lat=-90.0001&lon=180.5', RECEIVED))).toEqual([
      { code: 'OUT_OF_RANGE', path: 'lat' }, { code: 'OUT_OF_RANGE', path: 'lon' },
    ]);
  });

  it('refuses a timestamp past the last instant a Date holds (found by fuzzing)', () => {
    expect(issuesOf(decodeOsmandQuery('id=a&lat=1&lon=2&timestamp=8640000000000001', RECEIVED))).toEqual([
      { code: 'TIME_INVALID', path: 'timestamp' },
    ]);
  });

  it('bounds what it keeps', () => {
    const many = new URLSearchParams({ id: 'a', lat: '1', lon: '2' });
    for (let i = 0; i < 100; i++) many.append(`p${i}`, '1');
    expect(issuesOf(decodeOsmand(many, RECEIVED))).toEqual([{ code: 'TOO_MANY_FIELDS', path: '' }]);
    expect(issuesOf(decodeOsmand({ id: 'x'.repeat(65), lat: '1', lon: '2' }, RECEIVED))).toEqual([{ code: 'VALUE_TOO_LONG', path: 'id' }]);
    expect(issuesOf(decodeOsmand({ id: 'a', lat: '1', lon: '2', note: 'y'.repeat(1025) }, RECEIVED))).toEqual([
      { code: 'VALUE_TOO_LONG', path: 'note' },
    ]);
  });
});

describe('OsmAnd device identifiers', () => {
  it('refuses control characters and spaces in the id', () => {
    expect(issuesOf(decodeOsmand({ id: 'a\u0000b', lat: '1', lon: '2' }, RECEIVED))).toEqual([{ code: 'DEVICE_ID_INVALID', path: 'id' }]);
    expect(issuesOf(decodeOsmand({ deviceid: 'my phone', lat: '1', lon: '2' }, RECEIVED))).toEqual([{ code: 'DEVICE_ID_INVALID', path: 'deviceid' }]);
  });
});
