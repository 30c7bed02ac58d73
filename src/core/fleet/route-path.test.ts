import { describe, expect, it } from 'vitest';
import { DEMO_ROUTES, plannedRoute } from '../demo/index.js';
import { findBorderCrossing } from '../reference/index.js';
import { distanceToPolylineKm } from './geometry.js';
import { isOpen, nextOpening } from './operating-hours.js';
import { designatedRestAreas, REST_AREA_SPACING_KM } from './rest-areas.js';
import { RoutePath } from './route-path.js';

describe('RoutePath', () => {
  it('follows the planned route exactly, from office to office', () => {
    for (const route of DEMO_ROUTES) {
      const path = new RoutePath(route);
      const line = plannedRoute(route).coordinates.map(([lon, lat]) => ({ lat, lon }));
      expect(path.line()).toEqual(line);
      expect(path.pointAt(0)).toMatchObject(line[0]!);
      expect(path.pointAt(path.lengthKm)).toMatchObject(line[line.length - 1]!);
      for (let km = 0; km < path.lengthKm; km += 37) expect(distanceToPolylineKm(path.pointAt(km), line)).toBeLessThan(0.001);
      expect(path.crossings().map((c) => c.name)).toContain(route.crossing);
    }
  });

  it('has rest areas no further apart than the spacing, clear of the crossings', () => {
    for (const route of DEMO_ROUTES) {
      const path = new RoutePath(route);
      const areas = designatedRestAreas(route.id);
      for (const area of areas) {
        for (const c of path.crossings()) expect(Math.abs(area.km - c.km)).toBeGreaterThanOrEqual(25);
      }
      if (path.lengthKm > 3 * REST_AREA_SPACING_KM) expect(areas.length).toBeGreaterThan(1);
    }
    expect(() => designatedRestAreas('nowhere')).toThrow(RangeError);
  });
});

describe('operating hours', () => {
  const kegen = findBorderCrossing('KEGEN-KARKYRA')!.operatingHours!;

  it('opens Kegen–Karkyra by day, on Almaty time (UTC+5)', () => {
    expect(isOpen(kegen, Date.UTC(2026, 4, 1, 4, 0))).toBe(true); // 09:00 local
    expect(isOpen(kegen, Date.UTC(2026, 4, 1, 14, 0))).toBe(false); // 19:00 local
    expect(nextOpening(kegen, Date.UTC(2026, 4, 1, 14, 0))).toBe(Date.UTC(2026, 4, 2, 3, 0));
    expect(nextOpening(undefined, 1234)).toBe(1234);
  });
});
