import { describe, expect, it } from 'vitest';
import { densifyGreatCircle } from './densify.js';
import { haversineM, polylineLengthM } from './distance.js';

describe('densifyGreatCircle', () => {
  // Aktobe to Orenburg: a single 300 km leg, as the demo routes draw them.
  const leg: Array<[number, number]> = [[57.2297, 50.2836], [55.1, 51.7833]];

  it('cuts every leg to at most the maximum, keeping the ends and the great-circle length', () => {
    const out = densifyGreatCircle(leg, 5_000);
    expect(out[0]).toEqual(leg[0]);
    expect(out[out.length - 1]).toEqual(leg[1]);
    for (let i = 1; i < out.length; i++) expect(haversineM(out[i - 1]![1], out[i - 1]![0], out[i]![1], out[i]![0])).toBeLessThanOrEqual(5_000.001);
    const direct = haversineM(leg[0]![1], leg[0]![0], leg[1]![1], leg[1]![0]);
    expect(polylineLengthM(out)).toBeCloseTo(direct, 3);
  });

  it('leaves short legs and repeated points alone', () => {
    const short: Array<[number, number]> = [[74, 43], [74.01, 43], [74.01, 43]];
    expect(densifyGreatCircle(short, 5_000)).toEqual(short);
    expect(() => densifyGreatCircle(short, 0)).toThrow(RangeError);
  });
});
