import { describe, expect, it } from 'vitest';
import { hexagonAround } from './geofence.js';
import { distanceKm, ringContains } from './test-geometry.js';

describe('hexagonAround', () => {
  it('gives a closed ring of six corners at the radius, containing its centre', () => {
    const center = { lat: 54.0, lon: 61.6 };
    const polygon = hexagonAround(center, 1.5);
    const ring = polygon.coordinates[0]!;
    expect(polygon.type).toBe('Polygon');
    expect(ring).toHaveLength(7);
    expect(ring[6]).toEqual(ring[0]);
    for (const [lon, lat] of ring) expect(distanceKm(center, { lat, lon })).toBeCloseTo(1.5, 1);
    expect(ringContains(ring, center)).toBe(true);
    expect(ringContains(ring, { lat: 54.03, lon: 61.6 })).toBe(false);
  });

  it('rejects a radius that is not positive', () => {
    expect(() => hexagonAround({ lat: 0, lon: 0 }, 0)).toThrow(RangeError);
  });
});
