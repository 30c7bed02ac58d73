import { describe, expect, it } from 'vitest';
import { BORDER_CROSSINGS, CUSTOMS_OFFICES } from '../../core/reference/index.js';
import { offsetM, polygonContains, preparePolygon } from '../../core/geo/index.js';
import { createRng } from '../../core/random/index.js';
import { loadCountryIndex, naturalEarthCountryShapes, readNaturalEarthTopology } from './natural-earth.js';

describe('Natural Earth countries', () => {
  const index = loadCountryIndex('10m');

  it('places the reference customs offices (city centres) in their countries', () => {
    for (const office of CUSTOMS_OFFICES) {
      expect(index.codeAt(office.location.lon, office.location.lat), office.name).toBe(office.country);
    }
  });

  it('places more cities of Kazakhstan, Kyrgyzstan and Russia', () => {
    // City centres, rounded, from the cities' Wikipedia articles.
    const cities: Array<[string, number, number, string]> = [
      ['Osh', 40.53, 72.8, 'KG'],
      ['Karakol', 42.49, 78.39, 'KG'],
      ['Taraz', 42.9, 71.37, 'KZ'],
      ['Kyzylorda', 44.85, 65.51, 'KZ'],
      ['Semey', 50.41, 80.23, 'KZ'],
      ['Baikonur (leased to Russia, Kazakh territory)', 45.62, 63.31, 'KZ'],
      ['Chelyabinsk', 55.15, 61.4, 'RU'],
      ['Barnaul', 53.33, 83.77, 'RU'],
      ['Astrakhan', 46.35, 48.04, 'RU'],
    ];
    for (const [name, lat, lon, code] of cities) expect(index.codeAt(lon, lat), name).toBe(code);
    expect(index.codeAt(50, 42)).toBeNull(); // the Caspian Sea
  });

  it('puts points either side of the Korday – Ak-Zhol crossing in Kazakhstan and Kyrgyzstan', () => {
    const korday = BORDER_CROSSINGS.find((c) => c.code === 'KORDAY-AKZHOL')!.location;
    // The border follows the Chu river here, running roughly east–west just south of Korday.
    const north = offsetM(korday, 6_000, 0);
    const south = offsetM(korday, -6_000, 0);
    expect(index.codeAt(north.lon, north.lat)).toBe('KZ');
    expect(index.codeAt(south.lon, south.lat)).toBe('KG');
  });

  it('agrees with a plain point-in-polygon test over the region', () => {
    const shapes = naturalEarthCountryShapes(readNaturalEarthTopology('10m'));
    const prepared = shapes.map((s) => ({ code: s.code, polygon: preparePolygon(s.geometry) }));
    const rng = createRng('natural-earth');
    for (let k = 0; k < 1_500; k++) {
      const lat = 40 + rng.next() * 16;
      const lon = 45 + rng.next() * 40;
      const expected = prepared.find((p) => polygonContains(p.polygon, lon, lat))?.code ?? null;
      expect(index.codeAt(lon, lat), `${lat},${lon}`).toBe(expected);
    }
  });
});
