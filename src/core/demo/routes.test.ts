import { describe, expect, it } from 'vitest';
import { findBorderCrossing, findCustomsOffice } from '../reference/index.js';
import { DEMO_ROUTES } from './routes.js';

describe('DEMO_ROUTES', () => {
  it('name known offices and crossings, and the declared crossing joins the two ends’ countries or the last leg', () => {
    for (const route of DEMO_ROUTES) {
      const departure = findCustomsOffice(route.departure);
      const destination = findCustomsOffice(route.destination);
      const crossing = findBorderCrossing(route.crossing);
      expect(departure, route.id).toBeDefined();
      expect(destination, route.id).toBeDefined();
      expect(crossing, route.id).toBeDefined();
      expect(departure!.country, route.id).not.toBe(destination!.country);
      expect(crossing!.countries, route.id).toContain(destination!.country);
      for (const step of route.via) if ('crossing' in step) expect(findBorderCrossing(step.crossing), route.id).toBeDefined();
    }
    expect(new Set(DEMO_ROUTES.map((r) => r.id)).size).toBe(DEMO_ROUTES.length);
  });

  it('pass through every crossing of the reference data', () => {
    const used = new Set(DEMO_ROUTES.map((r) => r.crossing));
    expect(used.size).toBe(10);
  });
});
