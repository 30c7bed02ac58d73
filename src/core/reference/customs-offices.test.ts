import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { CUSTOMS_OFFICES, CUSTOMS_OFFICE_DETAILS } from './customs-offices.js';
import { customsOfficesIn, findCustomsOffice } from './lookups.js';
import { CustomsOfficeSchema } from '../model/index.js';
import { distanceKm, ringContains } from './test-geometry.js';

describe('CUSTOMS_OFFICES', () => {
  it('have unique codes in each country’s shape', () => {
    expect(new Set(CUSTOMS_OFFICES.map((o) => o.code)).size).toBe(CUSTOMS_OFFICES.length);
    const shape: Record<string, RegExp> = { RU: /^10\d{6}$/, KZ: /^KZ\d{6}$/, KG: /^KG\d{6}$/ };
    for (const office of CUSTOMS_OFFICES) expect(office.code, office.name).toMatch(shape[office.country]!);
  });

  it('match the model schema exactly', () => {
    const validator = Compile(CustomsOfficeSchema);
    for (const office of CUSTOMS_OFFICES) expect([...validator.Errors(office)], office.code).toEqual([]);
  });

  it('cover the corridor’s cities in the three countries', () => {
    const cities = Object.values(CUSTOMS_OFFICE_DETAILS).map((d) => d.city);
    for (const city of ['Bishkek', 'Almaty', 'Astana', 'Karaganda', 'Kostanay', 'Aktobe', 'Chelyabinsk', 'Yekaterinburg',
      'Orenburg', 'Samara', 'Saratov', 'Omsk', 'Novosibirsk', 'Moscow', 'Kazan']) {
      expect(cities.some((c) => c.startsWith(city)), city).toBe(true);
    }
    expect(customsOfficesIn('KG').length).toBeGreaterThanOrEqual(1);
    expect(customsOfficesIn('KZ').length).toBeGreaterThanOrEqual(8);
    expect(customsOfficesIn('RU').length).toBeGreaterThanOrEqual(10);
  });

  it('have closed geofences around their locations, inside the region', () => {
    for (const office of CUSTOMS_OFFICES) {
      const ring = office.geofence.coordinates[0]!;
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      expect(ringContains(ring, office.location), office.code).toBe(true);
      // Every office is between the Volga-to-Altai latitudes and Moscow-to-Altai longitudes.
      expect(office.location.lat).toBeGreaterThan(40);
      expect(office.location.lat).toBeLessThan(58);
      expect(office.location.lon).toBeGreaterThan(37);
      expect(office.location.lon).toBeLessThan(84);
    }
  });

  it('place the checked cities where their articles do', () => {
    expect(distanceKm(findCustomsOffice('KG100010')!.location, { lat: 42.8747, lon: 74.6122 })).toBeLessThan(1);
    expect(distanceKm(findCustomsOffice('KZ151000')!.location, { lat: 50.2836, lon: 57.2297 })).toBeLessThan(1);
  });

  it('have details with real IANA zones', () => {
    for (const office of CUSTOMS_OFFICES) {
      const zone = CUSTOMS_OFFICE_DETAILS[office.code]!.timeZone;
      expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    }
  });
});
