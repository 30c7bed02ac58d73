import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { CountryIndex, type CountryShape } from './country-index.js';
import { polygonContains, preparePolygon } from './polygon.js';

const square = (x: number, y: number, s: number): Array<[number, number]> => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];

/** A jagged ring around a centre: a shape whose edges cross cells at every angle. */
function star(cx: number, cy: number, r: number, spikes: number, seed: string): Array<[number, number]> {
  const rng = createRng(seed);
  const ring: Array<[number, number]> = [];
  for (let k = 0; k < spikes; k++) {
    const a = (2 * Math.PI * k) / spikes;
    const rr = r * (0.5 + 0.5 * rng.next());
    ring.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

// Two neighbours along a jagged border, the first with a hole that holds an enclave carrying its own code (as
// Baikonur inside Kazakhstan), a second part of the first across water, and an island of a third.
const shapes: CountryShape[] = [
  { code: 'AA', geometry: { type: 'MultiPolygon', coordinates: [[star(50, 45, 6, 90, 'a'), square(49, 44, 1.5)], [square(60, 45, 1)]] } },
  { code: 'BB', geometry: { type: 'Polygon', coordinates: [star(58, 52, 5, 70, 'b')] } },
  { code: 'AA', geometry: { type: 'Polygon', coordinates: [square(49, 44, 1.5)] } },
  { code: 'CC', geometry: { type: 'Polygon', coordinates: [star(45, 55, 1, 12, 'c')] } },
];

function bruteForce(lon: number, lat: number): string | null {
  for (const s of shapes) if (polygonContains(preparePolygon(s.geometry), lon, lat)) return s.code;
  return null;
}

describe('CountryIndex', () => {
  it('answers like a point-in-polygon test over every shape, at several grid sizes', () => {
    const rng = createRng('country-index');
    for (const cellDeg of [0.1, 0.25, 1, 3]) {
      const index = new CountryIndex(shapes, { cellDeg, bbox: [40, 38, 66, 60] });
      for (let k = 0; k < 3_000; k++) {
        const lon = 40 + rng.next() * 26;
        const lat = 38 + rng.next() * 22;
        expect(index.codeAt(lon, lat), `${cellDeg}° at ${lon},${lat}`).toBe(bruteForce(lon, lat));
      }
    }
  });

  it('gives the enclave in a hole the code it carries, and holes and water no code', () => {
    const index = new CountryIndex(shapes.filter((_, i) => i !== 2), { cellDeg: 0.25 });
    expect(index.codeAt(49.7, 44.7)).toBeNull();
    const full = new CountryIndex(shapes, { cellDeg: 0.25 });
    expect(full.codeAt(49.7, 44.7)).toBe('AA');
    expect(full.codeAt(60.5, 45.5)).toBe('AA');
    expect(full.codeAt(62, 45.5)).toBeNull();
  });

  it('answers null outside its grid and refuses a bad grid', () => {
    const index = new CountryIndex(shapes, { bbox: [40, 38, 66, 60] });
    expect(index.codeAt(50, 45)).toBe('AA');
    expect(index.codeAt(30, 45)).toBeNull();
    expect(() => new CountryIndex(shapes, { cellDeg: 0 })).toThrow(RangeError);
    expect(() => new CountryIndex(shapes, { bbox: [10, 10, 5, 20] })).toThrow(RangeError);
  });

  it('counts edges west of a regional grid when finding cell centres', () => {
    // The grid starts east of AA's western border: the scan must still see it to know the centres are in AA.
    const index = new CountryIndex(shapes, { cellDeg: 0.5, bbox: [49.5, 40, 66, 60] });
    expect(index.codeAt(50.2, 45.2)).toBe(bruteForce(50.2, 45.2));
    expect(index.codeAt(51, 46)).toBe('AA');
  });
});
