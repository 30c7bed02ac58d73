/**
 * Douglas–Peucker simplification of a track for replay on a map, with the tolerance in metres: every dropped point
 * lies within the tolerance of the simplified line. Distances are to the chord as a segment (not the infinite
 * line), so a truck that drove back on itself keeps its turning point. Each chord is measured in a flat projection
 * at its own middle latitude, exact to well under a metre for the tolerances a map uses. Iterative, so a track of
 * a million fixes does not exhaust the stack.
 */
import type { LatLon } from '../model/geo.js';
import { METRES_PER_DEGREE, RAD } from './distance.js';

/** Indices of the points kept, ascending; the first and the last are always kept. */
export function simplifyIndices(points: readonly LatLon[], toleranceM: number): number[] {
  if (!(toleranceM >= 0)) throw new RangeError(`toleranceM must be >= 0, got ${toleranceM}`);
  const n = points.length;
  if (n <= 2) return points.map((_, i) => i);
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tolerance2 = toleranceM * toleranceM;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    if (last - first < 2) continue;
    const a = points[first]!;
    const b = points[last]!;
    const kx = METRES_PER_DEGREE * Math.cos(((a.lat + b.lat) / 2) * RAD);
    const ux = (b.lon - a.lon) * kx;
    const uy = (b.lat - a.lat) * METRES_PER_DEGREE;
    const len2 = ux * ux + uy * uy;
    let worst = -1;
    let worst2 = -1;
    for (let i = first + 1; i < last; i++) {
      const p = points[i]!;
      const x = (p.lon - a.lon) * kx;
      const y = (p.lat - a.lat) * METRES_PER_DEGREE;
      let t = len2 > 0 ? (x * ux + y * uy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = x - t * ux;
      const ey = y - t * uy;
      const d2 = ex * ex + ey * ey;
      if (d2 > worst2) {
        worst2 = d2;
        worst = i;
      }
    }
    if (worst2 > tolerance2) {
      keep[worst] = 1;
      stack.push(first, worst, worst, last);
    }
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) kept.push(i);
  return kept;
}

/** The points kept by `simplifyIndices`. */
export function simplifyTrack<T extends LatLon>(points: readonly T[], toleranceM: number): T[] {
  return simplifyIndices(points, toleranceM).map((i) => points[i]!);
}

/** A GeoJSON LineString's coordinates ([lon, lat]) simplified to `toleranceM`. */
export function simplifyCoordinates(coordinates: ReadonlyArray<readonly [number, number]>, toleranceM: number): Array<[number, number]> {
  const points = coordinates.map(([lon, lat]) => ({ lat, lon }));
  return simplifyIndices(points, toleranceM).map((i) => [coordinates[i]![0], coordinates[i]![1]]);
}
