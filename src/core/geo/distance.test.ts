import { describe, expect, it } from 'vitest';
import {
  EARTH_RADIUS_M,
  bearingDeg,
  destinationPoint,
  distanceM,
  haversineM,
  interpolateGreatCircle,
  offsetM,
  polylineLengthM,
} from './distance.js';

describe('haversineM', () => {
  it('matches the published Nashville (BNA) – Los Angeles (LAX) great-circle distance', () => {
    // Rosetta Code, "Haversine formula": 2886.44444283798 km on a sphere of radius 6371.0 km.
    const metres = haversineM(36.12, -86.67, 33.94, -118.4);
    expect((metres * 6_371_000) / EARTH_RADIUS_M).toBeCloseTo(2_886_444.443, 2);
  });

  it('gives a degree of latitude as πR/180 and a quarter meridian as πR/2', () => {
    expect(haversineM(50, 70, 51, 70)).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 180, 6);
    expect(haversineM(0, 70, 90, 70)).toBeCloseTo((Math.PI * EARTH_RADIUS_M) / 2, 3);
  });

  it('is symmetric, zero for a point, and within a metre at antipodes (where haversine is ill-conditioned)', () => {
    const a = { lat: 43.2389, lon: 76.8897 };
    const b = { lat: 42.8747, lon: 74.6122 };
    expect(distanceM(a, b)).toBe(distanceM(b, a));
    expect(distanceM(a, a)).toBe(0);
    expect(Math.abs(haversineM(10, 20, -10, -160) - Math.PI * EARTH_RADIUS_M)).toBeLessThan(1);
  });
});

describe('bearing, destination, interpolation and offsets', () => {
  const almaty = { lat: 43.2389, lon: 76.8897 };
  const astana = { lat: 51.1694, lon: 71.4491 };

  it('destinationPoint walks back to the target along the initial bearing', () => {
    const there = destinationPoint(almaty, bearingDeg(almaty, astana), distanceM(almaty, astana));
    expect(distanceM(there, astana)).toBeLessThan(0.01);
  });

  it('interpolateGreatCircle splits the distance in proportion', () => {
    const total = distanceM(almaty, astana);
    const p = interpolateGreatCircle(almaty, astana, 0.3);
    expect(distanceM(almaty, p)).toBeCloseTo(0.3 * total, 3);
    expect(distanceM(p, astana)).toBeCloseTo(0.7 * total, 3);
    expect(interpolateGreatCircle(almaty, almaty, 0.5)).toEqual(almaty);
  });

  it('offsetM moves by the metres asked, to a centimetre over a hundred metres', () => {
    const p = offsetM(almaty, 60, -80);
    expect(distanceM(almaty, p)).toBeCloseTo(100, 1);
    expect(bearingDeg(almaty, p)).toBeCloseTo(360 - (Math.atan2(80, 60) * 180) / Math.PI, 1);
  });

  it('polylineLengthM sums the legs', () => {
    const line: Array<[number, number]> = [[almaty.lon, almaty.lat], [74.98, 46.84], [astana.lon, astana.lat]];
    expect(polylineLengthM(line)).toBeCloseTo(haversineM(almaty.lat, almaty.lon, 46.84, 74.98) + haversineM(46.84, 74.98, astana.lat, astana.lon), 6);
    expect(polylineLengthM([])).toBe(0);
  });
});
