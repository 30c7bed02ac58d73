import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { CorridorIndex, emptyMatch } from './corridor-index.js';
import { destinationPoint, offsetM } from './distance.js';
import { simplifyCoordinates, simplifyIndices, simplifyTrack } from './simplify.js';

describe('Douglas–Peucker in metres', () => {
  const start = { lat: 43.2, lon: 76.9 };

  it('drops noise within the tolerance from a straight drive, keeping the ends', () => {
    const rng = createRng('simplify-straight');
    const points = Array.from({ length: 200 }, (_, i) => offsetM(destinationPoint(start, 90, i * 500), rng.normal(0, 3), rng.normal(0, 3)));
    const kept = simplifyIndices(points, 25);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(199);
    expect(kept.length).toBeLessThan(6);
  });

  it('keeps a corner and the turning point of a drive back on itself', () => {
    const corner = [start, destinationPoint(start, 90, 5_000), destinationPoint(destinationPoint(start, 90, 5_000), 0, 5_000)];
    const withMidpoints = [corner[0]!, destinationPoint(start, 90, 2_500), corner[1]!, destinationPoint(corner[1]!, 0, 2_500), corner[2]!];
    expect(simplifyIndices(withMidpoints, 10)).toEqual([0, 2, 4]);
    const back = [start, destinationPoint(start, 90, 3_000), destinationPoint(start, 90, 6_000), destinationPoint(start, 90, 2_000)];
    expect(simplifyIndices(back, 10)).toEqual([0, 2, 3]);
  });

  it('leaves every dropped point within the tolerance of the simplified line', () => {
    const rng = createRng('simplify-bound');
    let p = start;
    let heading = 45;
    const points = [p];
    for (let i = 0; i < 2_000; i++) {
      heading += rng.normal(0, 10);
      p = destinationPoint(p, heading, 50 + rng.next() * 200);
      points.push(p);
    }
    for (const tolerance of [5, 50, 500]) {
      const simplified = simplifyTrack(points, tolerance);
      const line = new CorridorIndex(simplified.map((q) => [q.lon, q.lat] as [number, number]));
      for (const q of points) expect(line.nearest(q.lon, q.lat, emptyMatch()).distanceM).toBeLessThanOrEqual(tolerance + 0.5);
    }
  });

  it('handles short tracks and GeoJSON coordinates, and refuses a negative tolerance', () => {
    expect(simplifyIndices([], 10)).toEqual([]);
    expect(simplifyIndices([start], 10)).toEqual([0]);
    expect(simplifyCoordinates([[76.9, 43.2], [76.95, 43.2], [77, 43.2]], 1)).toEqual([[76.9, 43.2], [77, 43.2]]);
    expect(() => simplifyIndices([start], -1)).toThrow(RangeError);
  });
});
