import { describe, expect, it } from 'vitest';
import { BORDER_CROSSINGS, CUSTOMS_OFFICES, hexagonAround } from '../reference/index.js';
import { createRng } from '../random/index.js';
import { GeofenceSet, type GeofenceInput } from './geofence-set.js';
import { polygonContains, preparePolygon } from './polygon.js';

const places: GeofenceInput[] = [
  ...CUSTOMS_OFFICES.map((o) => ({ id: `office:${o.code}`, geometry: o.geofence })),
  ...BORDER_CROSSINGS.map((c) => ({ id: `crossing:${c.code}`, geometry: c.geofence })),
];

describe('GeofenceSet', () => {
  it('finds each reference office and crossing at its own point and nothing between them', () => {
    const set = new GeofenceSet(places);
    for (const office of CUSTOMS_OFFICES) {
      expect(set.containing(office.location.lon, office.location.lat).map((i) => set.id(i))).toEqual([`office:${office.code}`]);
    }
    for (const crossing of BORDER_CROSSINGS) {
      expect(set.containing(crossing.location.lon, crossing.location.lat).map((i) => set.id(i))).toEqual([`crossing:${crossing.code}`]);
    }
    expect(set.containing(70, 47)).toEqual([]);
    expect(set.anyContains(70, 47)).toBe(false);
    expect(set.indexOf('office:KZ751000')).toBeGreaterThanOrEqual(0);
    expect(set.indexOf('nowhere')).toBe(-1);
  });

  it('answers the same through its R-tree (many geofences) as a brute-force scan', () => {
    const rng = createRng('geofence-set');
    const many: GeofenceInput[] = Array.from({ length: 400 }, (_, i) => ({
      id: `post-${i}`,
      geometry: hexagonAround({ lat: 42 + rng.next() * 4, lon: 70 + rng.next() * 8 }, 0.5 + rng.next() * 20),
    }));
    const set = new GeofenceSet(many);
    const prepared = many.map((g) => preparePolygon(g.geometry));
    const out: number[] = [];
    for (let k = 0; k < 2_000; k++) {
      const lat = 42 + rng.next() * 4;
      const lon = 70 + rng.next() * 8;
      const expected = prepared.flatMap((p, i) => (polygonContains(p, lon, lat) ? [i] : []));
      expect(set.containing(lon, lat, out)).toEqual(expected);
      expect(set.anyContains(lon, lat)).toBe(expected.length > 0);
    }
  });

  it('refuses two geofences with one id', () => {
    expect(() => new GeofenceSet([places[0]!, places[0]!])).toThrow(RangeError);
  });
});
