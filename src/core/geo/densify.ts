/**
 * Breaking long legs of a polyline into great-circle pieces. A planned route drawn town to town has legs of
 * hundreds of kilometres; GeoJSON means a straight line in longitude and latitude between vertices, a truck (and
 * the fleet simulator) follows something closer to the great circle, and at 50°N the two part by about 2 km in
 * the middle of a 300 km leg. Pieces of at most 5 km keep them within a metre (L²·tan φ / 8R ≈ 0.7 m at 55°N),
 * which is also what the corridor index's flat per-segment projection needs.
 */
import { haversineM, interpolateGreatCircle } from './distance.js';

export type LonLat = [number, number];

/** The polyline with every leg longer than `maxSegmentM` split evenly along its great circle. */
export function densifyGreatCircle(coordinates: ReadonlyArray<readonly [number, number]>, maxSegmentM: number): LonLat[] {
  if (!(maxSegmentM > 0)) throw new RangeError(`maxSegmentM must be > 0, got ${maxSegmentM}`);
  const out: LonLat[] = [];
  for (let i = 0; i < coordinates.length; i++) {
    const b = coordinates[i]!;
    if (i > 0) {
      const a = coordinates[i - 1]!;
      const length = haversineM(a[1], a[0], b[1], b[0]);
      const pieces = Math.ceil(length / maxSegmentM);
      for (let k = 1; k < pieces; k++) {
        const p = interpolateGreatCircle({ lat: a[1], lon: a[0] }, { lat: b[1], lon: b[0] }, k / pieces);
        out.push([p.lon, p.lat]);
      }
    }
    out.push([b[0], b[1]]);
  }
  return out;
}
