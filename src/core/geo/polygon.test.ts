import { describe, expect, it } from 'vitest';
import { hexagonAround } from '../reference/index.js';
import { distanceOutsideM, distanceToBoundaryM, polygonContains, preparePolygon } from './polygon.js';
import { offsetM } from './distance.js';

const korday = { lat: 43.03, lon: 74.705 };

describe('polygonContains', () => {
  // The reference geofence of the Korday crossing: a hexagon whose corners are 1.5 km from the point.
  const hexagon = preparePolygon(hexagonAround(korday, 1.5));

  it('holds the centre and points well inside, not points beyond the corners', () => {
    expect(polygonContains(hexagon, korday.lon, korday.lat)).toBe(true);
    const inside = offsetM(korday, 1_000, 500);
    expect(polygonContains(hexagon, inside.lon, inside.lat)).toBe(true);
    const outside = offsetM(korday, 0, 1_600);
    expect(polygonContains(hexagon, outside.lon, outside.lat)).toBe(false);
    // Inside the bounding box but outside the hexagon: near a corner of the box.
    const boxCorner = { lat: hexagon.maxLat - 1e-5, lon: hexagon.maxLon - 1e-5 };
    expect(polygonContains(hexagon, boxCorner.lon, boxCorner.lat)).toBe(false);
  });

  it('keeps holes outside and counts every part of a multipolygon', () => {
    const square = (x: number, y: number, s: number): Array<[number, number]> => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
    const withHole = preparePolygon({ type: 'Polygon', coordinates: [square(70, 40, 2), square(70.5, 40.5, 1)] });
    expect(polygonContains(withHole, 70.2, 40.2)).toBe(true);
    expect(polygonContains(withHole, 71, 41)).toBe(false);
    const parts = preparePolygon({ type: 'MultiPolygon', coordinates: [[square(70, 40, 1)], [square(75, 45, 1)]] });
    expect(polygonContains(parts, 70.5, 40.5)).toBe(true);
    expect(polygonContains(parts, 75.5, 45.5)).toBe(true);
    expect(polygonContains(parts, 73, 43)).toBe(false);
  });

  it('accepts a ring that does not repeat its first point', () => {
    const open = preparePolygon({ type: 'Polygon', coordinates: [[[70, 40], [71, 40], [71, 41], [70, 41]]] });
    expect(polygonContains(open, 70.5, 40.5)).toBe(true);
    expect(polygonContains(open, 71.5, 40.5)).toBe(false);
  });

  it('refuses an empty polygon and non-finite points', () => {
    expect(() => preparePolygon({ type: 'Polygon', coordinates: [] })).toThrow(RangeError);
    expect(() => preparePolygon({ type: 'Polygon', coordinates: [[[70, Number.NaN], [71, 40], [70, 40]]] })).toThrow(RangeError);
  });
});

describe('distance to a polygon', () => {
  const hexagon = preparePolygon(hexagonAround(korday, 1.5));

  it('from the centre of a regular hexagon is its apothem', () => {
    // The reference hexagon is drawn in a flat approximation, so a few metres of slack.
    expect(distanceToBoundaryM(hexagon, korday.lon, korday.lat)).toBeCloseTo(1_500 * Math.cos(Math.PI / 6), -1);
  });

  it('is 0 inside and grows outside; far points answer from the box alone', () => {
    expect(distanceOutsideM(hexagon, korday.lon, korday.lat)).toBe(0);
    const east = offsetM(korday, 0, 1_700);
    expect(distanceOutsideM(hexagon, east.lon, east.lat)).toBeCloseTo(200, -1);
    const far = offsetM(korday, 50_000, 0);
    expect(distanceOutsideM(hexagon, far.lon, far.lat, 1_000)).toBeGreaterThan(45_000);
  });
});
