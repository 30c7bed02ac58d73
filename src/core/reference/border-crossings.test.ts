import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { BORDER_CROSSINGS, CROSSING_DETAILS } from './border-crossings.js';
import { crossingsBetween, findBorderCrossing } from './lookups.js';
import { BorderCrossingSchema, crossingCapacityPerHour, EAEU_COUNTRIES } from '../model/index.js';
import { distanceKm, ringContains } from './test-geometry.js';

// domain.md's approximate coordinates; every crossing must lie within 30 km of them except where the data file
// explains why the source disagrees (Sagarchin–Zhaisan: domain.md's longitude puts it off the road).
const APPROXIMATE: Record<string, { lat: number; lon: number } | 'explained'> = {
  'TROITSK-KAIRAK': { lat: 54.1, lon: 61.6 },
  'PETUKHOVO-ZHANAZHOL': { lat: 55.1, lon: 67.9 },
  'SAGARCHIN-ZHAISAN': 'explained',
  'OZINKI-TASKALA': { lat: 51.2, lon: 49.7 },
  'VESELOYARSK-AUYL': { lat: 51.0, lon: 81.3 },
  'KULUNDA-SHARBAKTY': { lat: 52.6, lon: 78.9 },
  'KARAUZEK-KURMANGAZY': { lat: 46.6, lon: 48.4 },
  'KORDAY-AKZHOL': { lat: 43.04, lon: 74.71 },
  'KARASU-CHALDOVAR': { lat: 42.9, lon: 73.3 },
  'KEGEN-KARKYRA': { lat: 42.9, lon: 79.2 },
};

const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

describe('BORDER_CROSSINGS', () => {
  it('lists the ten crossings of domain.md, each code once', () => {
    expect(BORDER_CROSSINGS.map((c) => c.code).sort()).toEqual(Object.keys(APPROXIMATE).sort());
    expect(new Set(BORDER_CROSSINGS.map((c) => c.code)).size).toBe(BORDER_CROSSINGS.length);
  });

  it('match the model schema exactly (no extra fields)', () => {
    const validator = Compile(BorderCrossingSchema);
    for (const crossing of BORDER_CROSSINGS) expect([...validator.Errors(crossing)], crossing.code).toEqual([]);
  });

  it('join Russia–Kazakhstan or Kazakhstan–Kyrgyzstan, all EAEU members', () => {
    expect(crossingsBetween('RU', 'KZ')).toHaveLength(7);
    expect(crossingsBetween('KG', 'KZ')).toHaveLength(3);
    for (const { countries } of BORDER_CROSSINGS) {
      for (const country of countries) expect(EAEU_COUNTRIES).toContain(country);
      expect(countries[0]).not.toBe(countries[1]);
    }
  });

  it('have closed geofence rings that contain their location', () => {
    for (const crossing of BORDER_CROSSINGS) {
      const ring = crossing.geofence.coordinates[0]!;
      expect(ring.length, crossing.code).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1], crossing.code).toEqual(ring[0]);
      expect(ringContains(ring, crossing.location), crossing.code).toBe(true);
    }
  });

  it('lie within 30 km of domain.md’s approximations unless the data explains otherwise', () => {
    for (const crossing of BORDER_CROSSINGS) {
      const approx = APPROXIMATE[crossing.code];
      if (approx === undefined || approx === 'explained') continue;
      expect(distanceKm(crossing.location, approx), crossing.code).toBeLessThan(30);
    }
    // The one exception stays near the longitude its sources give, not domain.md's.
    const sagarchin = findBorderCrossing('SAGARCHIN-ZHAISAN')!;
    expect(distanceKm(sagarchin.location, { lat: 51.0, lon: 55.62 })).toBeLessThan(40); // Akbulak
  });

  it('clear hundreds of trucks a day, the busiest at Korday, and Kegen–Karkyra only by day', () => {
    for (const crossing of BORDER_CROSSINGS) {
      const perDay = crossingCapacityPerHour(crossing) * (crossing.operatingHours === undefined ? 24 : 10);
      expect(perDay, crossing.code).toBeGreaterThanOrEqual(30);
      expect(perDay, crossing.code).toBeLessThan(1000);
      expect(new Set(crossing.lanes.map((l) => l.id)).size).toBe(crossing.lanes.length);
    }
    const busiest = [...BORDER_CROSSINGS].sort((a, b) => crossingCapacityPerHour(b) - crossingCapacityPerHour(a))[0]!;
    expect(busiest.code).toBe('KORDAY-AKZHOL');
    expect(findBorderCrossing('KEGEN-KARKYRA')!.operatingHours).toMatchObject({ open: '08:00', close: '18:00' });
    expect(BORDER_CROSSINGS.filter((c) => c.operatingHours !== undefined)).toHaveLength(1);
  });

  it('have details with two posts matching the countries and real IANA zones', () => {
    for (const crossing of BORDER_CROSSINGS) {
      const details = CROSSING_DETAILS[crossing.code]!;
      expect(details.posts.map((p) => p.country)).toEqual(crossing.countries);
      for (const post of details.posts) expect(isValidTimeZone(post.timeZone), post.timeZone).toBe(true);
      expect(isValidTimeZone(details.timeZone)).toBe(true);
      if (crossing.operatingHours) expect(isValidTimeZone(crossing.operatingHours.timeZone)).toBe(true);
      expect(details.uncertaintyKm).toBeGreaterThan(0);
    }
  });

  it('keep every Kazakh post on UTC+5 since the 2024 unification', () => {
    const june2025 = new Date(Date.UTC(2025, 5, 1));
    for (const details of Object.values(CROSSING_DETAILS)) {
      const zone = details.posts.find((p) => p.country === 'KZ')!.timeZone;
      const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }).format(june2025);
      expect(name, zone).toContain('GMT+5');
    }
  });

  it('finds nothing for an unknown code', () => {
    expect(findBorderCrossing('NOWHERE')).toBeUndefined();
  });
});
