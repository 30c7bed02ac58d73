/**
 * A planned route prepared for answering, millions of times a second, where a position stands against it: how far
 * off the route (cross-track), how far along (progress), how much is left, and on which segment.
 *
 * Geometry. Each segment is a straight line in longitude and latitude (what GeoJSON means by a LineString) and is
 * measured in a flat projection of its own: x = Δlon · cos(φm) · R·π/180, y = Δlat · R·π/180, φm the segment's
 * middle latitude. Long legs are first cut into great-circle pieces of at most `maxSegmentM` (5 km by default, see
 * densify.ts). Error bounds on the sphere, for |φ| ≤ 60° and segments ≤ 5 km:
 * - length along the route: relative error below 1e-6 against the great-circle length;
 * - cross-track distance d: the point's latitude differs from φm by at most (d + 2.5 km) / R, so the scale error is
 *   below tan φ · (d + 2.5 km) / R of d, on top of the pieces standing up to 0.7 m off the great circle. Measured
 *   against exact spherical distance to the great-circle route (Bishkek–Moscow, 43–55°N): under 1 m within 2 km
 *   of the route, 2.4 m at 5 km, 7 m at 10 km, 20 m at 20 km; no rule here is sensitive at those distances.
 * Longitudes are not wrapped: the region (about 35°E to 90°E) never reaches the antimeridian.
 *
 * Speed. A truck's next fix is near the segment of its last one, so `locate` walks out from a hint segment — forward
 * first, since trucks move forward — and stops once it is further along the route from the best segment than the
 * best distance plus a slack. Only when that finds nothing within the caller's radius (the truck is off the route,
 * jumped, or the hint is stale) does it search a static R-tree (flatbush) over segment bounding boxes, by boxes of
 * growing radius, which is exact. All per-segment constants sit in one Float64Array, eight numbers (one cache line)
 * a segment, and `locateInto` allocates nothing on the hint path: the answer is written into a caller's array.
 *
 * An index holds no per-trip state, so every trip on the same planned route can share one.
 */
import Flatbush from 'flatbush';
import type { LatLon, LineString } from '../model/geo.js';
import { densifyGreatCircle } from './densify.js';
import { METRES_PER_DEGREE, RAD } from './distance.js';

/** Where a point stands against a route; filled in place by `locate` and `nearest`. */
export interface CorridorMatch {
  /** Distance from the point to the nearest point of the route, metres. */
  distanceM: number;
  /** Index of the segment holding that nearest point (segment i joins vertices i and i + 1). */
  segment: number;
  /** Where on the segment, 0 at its start to 1 at its end. */
  fraction: number;
  /** Route length from the start to the nearest point, metres. */
  alongM: number;
  /** Route length from the nearest point to the end, metres. */
  remainingM: number;
  /** The nearest point of the route. */
  lat: number;
  lon: number;
  /** `hint` when the walk from the hint segment answered, `index` when the spatial index was searched. */
  source: 'hint' | 'index';
}

/**
 * Where a match sits in a Float64Array filled by `locateInto`: the same answer as CorridorMatch, in a form that a
 * caller making millions of queries can reuse without allocating (V8 boxes every number stored in an object).
 */
export const MATCH = Object.freeze({ DISTANCE: 0, SEGMENT: 1, FRACTION: 2, ALONG: 3, REMAINING: 4, LAT: 5, LON: 6, FROM_INDEX: 7, SIZE: 8 });

export function matchArray(): Float64Array {
  return new Float64Array(MATCH.SIZE);
}

/** What the tracking engine needs of a route; CorridorIndex is the fast one, a benchmark baseline another. */
export interface RouteLocator {
  readonly lengthM: number;
  readonly segmentCount: number;
  /**
   * Where the point stands, searching around `hint` (a segment index; negative for none) and accepting the best
   * found there if it is within `acceptWithinM`; otherwise the exact nearest segment of the whole route.
   */
  locate(lon: number, lat: number, hint: number, acceptWithinM: number, out: CorridorMatch): CorridorMatch;
  /** `locate`, written into a match array (see MATCH). */
  locateInto(lon: number, lat: number, hint: number, acceptWithinM: number, out: Float64Array): void;
  /** The exact nearest point of the whole route. */
  nearest(lon: number, lat: number, out: CorridorMatch): CorridorMatch;
  /** The point `alongM` metres from the start (clamped to the route). */
  pointAt(alongM: number): LatLon;
}

export interface CorridorIndexOptions {
  /** Legs longer than this are cut along their great circle first; metres, default 5,000. */
  maxSegmentM?: number;
}

export function emptyMatch(): CorridorMatch {
  return { distanceM: Infinity, segment: -1, fraction: 0, alongM: 0, remainingM: 0, lat: 0, lon: 0, source: 'hint' };
}

// Layout of one segment's constants in the shared Float64Array.
const STRIDE = 8;
const LON_A = 0;
const LAT_A = 1;
/** Metres per degree of longitude at the segment's middle latitude. */
const KX = 2;
/** The segment as a vector in metres. */
const UX = 3;
const UY = 4;
/** 1 / length², or 0 for a degenerate (zero-length) segment, which then measures to its start. */
const INV_LEN2 = 5;
/** Route length from the start to the segment's start, metres. */
const ALONG = 6;
const LENGTH = 7;

/** How far past the best segment (beyond the best distance) the walk looks before it stops, metres. */
const WALK_SLACK_M = 100;
/** Beyond this many segments from the hint the walk gives up and the spatial index answers. */
const MAX_WALK = 128;
const DEFAULT_MAX_SEGMENT_M = 5_000;
const HALF_CIRCUMFERENCE_M = 20_100_000;

export class CorridorIndex implements RouteLocator {
  readonly lengthM: number;
  readonly segmentCount: number;
  readonly vertexCount: number;
  private readonly seg: Float64Array;
  private readonly tree: Flatbush;
  /** Half the largest latitude span of a segment, degrees: widens index boxes so that no candidate is missed. */
  private readonly halfLatSpan: number;

  static fromLineString(line: LineString, options: CorridorIndexOptions = {}): CorridorIndex {
    return new CorridorIndex(line.coordinates, options);
  }

  constructor(coordinates: ReadonlyArray<readonly [number, number]>, options: CorridorIndexOptions = {}) {
    if (coordinates.length === 0) throw new RangeError('a route needs at least one point');
    for (const [lon, lat] of coordinates) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        throw new RangeError(`a route point must be a finite [lon, lat], got [${lon}, ${lat}]`);
      }
    }
    const points = densifyGreatCircle(coordinates, options.maxSegmentM ?? DEFAULT_MAX_SEGMENT_M);
    // A single point is a route of one degenerate segment, so every query still has an answer.
    if (points.length === 1) points.push([points[0]![0], points[0]![1]]);
    const m = points.length - 1;
    const seg = new Float64Array(m * STRIDE);
    const tree = new Flatbush(m);
    let along = 0;
    let halfLatSpan = 0;
    for (let i = 0; i < m; i++) {
      const [lonA, latA] = points[i]!;
      const [lonB, latB] = points[i + 1]!;
      const kx = METRES_PER_DEGREE * Math.cos(((latA + latB) / 2) * RAD);
      const ux = (lonB - lonA) * kx;
      const uy = (latB - latA) * METRES_PER_DEGREE;
      const len2 = ux * ux + uy * uy;
      const length = Math.sqrt(len2);
      const o = i * STRIDE;
      seg[o + LON_A] = lonA;
      seg[o + LAT_A] = latA;
      seg[o + KX] = kx;
      seg[o + UX] = ux;
      seg[o + UY] = uy;
      seg[o + INV_LEN2] = len2 > 0 ? 1 / len2 : 0;
      seg[o + ALONG] = along;
      seg[o + LENGTH] = length;
      along += length;
      halfLatSpan = Math.max(halfLatSpan, Math.abs(latB - latA) / 2);
      tree.add(Math.min(lonA, lonB), Math.min(latA, latB), Math.max(lonA, lonB), Math.max(latA, latB));
    }
    tree.finish();
    this.seg = seg;
    this.tree = tree;
    this.lengthM = along;
    this.segmentCount = m;
    this.vertexCount = points.length;
    this.halfLatSpan = halfLatSpan;
  }

  locate(lon: number, lat: number, hint: number, acceptWithinM: number, out: CorridorMatch): CorridorMatch {
    const scratch = matchArray();
    this.locateInto(lon, lat, hint, acceptWithinM, scratch);
    return toMatch(scratch, out);
  }

  locateInto(lon: number, lat: number, hint: number, acceptWithinM: number, out: Float64Array): void {
    const m = this.segmentCount;
    if (!(hint >= 0 && hint < m)) return this.search(lon, lat, Math.max(acceptWithinM, 1), out);
    const s = this.seg;
    let bestJ = hint;
    let bestT = 0;
    let best2 = 0;
    {
      const o = hint * STRIDE;
      const x = (lon - s[o + LON_A]!) * s[o + KX]!;
      const y = (lat - s[o + LAT_A]!) * METRES_PER_DEGREE;
      const ux = s[o + UX]!;
      const uy = s[o + UY]!;
      let t = (x * ux + y * uy) * s[o + INV_LEN2]!;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = x - t * ux;
      const ey = y - t * uy;
      best2 = ex * ex + ey * ey;
      bestT = t;
    }
    let bestD = Math.sqrt(best2);
    let gaveUp = false;
    // Where each walk stops is decided from the segments already read: a segment starts exactly where the one before
    // it ends (ALONG is that very sum), so the segment past the stop is never fetched from memory.
    let bestEnd = s[hint * STRIDE + ALONG]! + s[hint * STRIDE + LENGTH]!;
    let start = bestEnd;
    // Forward: trucks move forward, so this is where the new fix nearly always is.
    for (let j = hint + 1; j < m; j++) {
      const o = j * STRIDE;
      if (start - bestEnd > bestD + WALK_SLACK_M) break;
      if (j - hint > MAX_WALK) {
        gaveUp = true;
        break;
      }
      const x = (lon - s[o + LON_A]!) * s[o + KX]!;
      const y = (lat - s[o + LAT_A]!) * METRES_PER_DEGREE;
      const ux = s[o + UX]!;
      const uy = s[o + UY]!;
      let t = (x * ux + y * uy) * s[o + INV_LEN2]!;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = x - t * ux;
      const ey = y - t * uy;
      const d2 = ex * ex + ey * ey;
      const end = start + s[o + LENGTH]!;
      if (d2 < best2) {
        best2 = d2;
        bestD = Math.sqrt(d2);
        bestJ = j;
        bestT = t;
        bestEnd = end;
      }
      start = end;
    }
    // Backward, with the distance found ahead as the bound: usually a segment or two.
    let bestStart = s[bestJ * STRIDE + ALONG]!;
    let end = s[hint * STRIDE + ALONG]!;
    for (let j = hint - 1; j >= 0 && !gaveUp; j--) {
      const o = j * STRIDE;
      if (bestStart - end > bestD + WALK_SLACK_M) break;
      if (hint - j > MAX_WALK) {
        gaveUp = true;
        break;
      }
      const x = (lon - s[o + LON_A]!) * s[o + KX]!;
      const y = (lat - s[o + LAT_A]!) * METRES_PER_DEGREE;
      const ux = s[o + UX]!;
      const uy = s[o + UY]!;
      let t = (x * ux + y * uy) * s[o + INV_LEN2]!;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = x - t * ux;
      const ey = y - t * uy;
      const d2 = ex * ex + ey * ey;
      if (d2 < best2) {
        best2 = d2;
        bestD = Math.sqrt(d2);
        bestJ = j;
        bestT = t;
        bestStart = s[o + ALONG]!;
      }
      end = s[o + ALONG]!;
    }
    if (bestD <= acceptWithinM && !gaveUp) return this.fill(out, bestJ, bestT, bestD, 0);
    // Nothing near enough around the hint: the whole route decides, within the distance already found.
    return this.search(lon, lat, gaveUp ? Math.max(acceptWithinM, 1) : bestD, out, bestJ, bestT, bestD);
  }

  nearest(lon: number, lat: number, out: CorridorMatch): CorridorMatch {
    const scratch = matchArray();
    this.search(lon, lat, 1_000, scratch);
    return toMatch(scratch, out);
  }

  pointAt(alongM: number): LatLon {
    const s = this.seg;
    let lo = 0;
    let hi = this.segmentCount - 1;
    // The last segment whose start is at or before alongM.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid * STRIDE + ALONG]! <= alongM) lo = mid;
      else hi = mid - 1;
    }
    const o = lo * STRIDE;
    const length = s[o + LENGTH]!;
    const t = length > 0 ? Math.min(1, Math.max(0, (alongM - s[o + ALONG]!) / length)) : 0;
    return { lat: s[o + LAT_A]! + (t * s[o + UY]!) / METRES_PER_DEGREE, lon: s[o + LON_A]! + (t * s[o + UX]!) / s[o + KX]! };
  }

  /** The vertices of the (densified) route, [lon, lat]. */
  coordinates(): Array<[number, number]> {
    const s = this.seg;
    const out: Array<[number, number]> = [];
    for (let i = 0; i < this.segmentCount; i++) out.push([s[i * STRIDE + LON_A]!, s[i * STRIDE + LAT_A]!]);
    const last = this.pointAt(this.lengthM);
    out.push([last.lon, last.lat]);
    return out;
  }

  /**
   * Exact nearest segment: boxes of radius r around the point, growing fourfold until the best candidate inside is
   * within r (then nothing outside the box can beat it). `knownJ` is a segment already found at `knownD`.
   */
  private search(lon: number, lat: number, radiusM: number, out: Float64Array, knownJ = -1, knownT = 0, knownD = Infinity): void {
    const s = this.seg;
    let bestJ = knownJ;
    let bestT = knownT;
    let bestD = knownD;
    let r = radiusM;
    for (;;) {
      // Past half the Earth's circumference a box means nothing any more: measure every segment.
      const exhaustive = !(r < HALF_CIRCUMFERENCE_M);
      const dLat = (r * 1.001) / METRES_PER_DEGREE + 1e-9;
      // A segment's x scale is taken at its middle latitude, which may lie poleward of the box: widen for it.
      const φ = Math.min(89.9, Math.abs(lat) + dLat + this.halfLatSpan);
      const dLon = (r * 1.001) / (METRES_PER_DEGREE * Math.cos(φ * RAD)) + 1e-9;
      const candidates = exhaustive
        ? null
        : this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
      const count = candidates === null ? this.segmentCount : candidates.length;
      for (let k = 0; k < count; k++) {
        const j = candidates === null ? k : candidates[k]!;
        const o = j * STRIDE;
        const x = (lon - s[o + LON_A]!) * s[o + KX]!;
        const y = (lat - s[o + LAT_A]!) * METRES_PER_DEGREE;
        const ux = s[o + UX]!;
        const uy = s[o + UY]!;
        let t = (x * ux + y * uy) * s[o + INV_LEN2]!;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = x - t * ux;
        const ey = y - t * uy;
        const d = Math.sqrt(ex * ex + ey * ey);
        // Ties go to the earlier segment, so the answer does not depend on the order the index returns them in.
        if (d < bestD || (d === bestD && j < bestJ)) {
          bestD = d;
          bestJ = j;
          bestT = t;
        }
      }
      if (exhaustive || bestD <= r) return this.fill(out, bestJ, bestT, bestD, 1);
      r *= 4;
    }
  }

  private fill(out: Float64Array, j: number, t: number, d: number, fromIndex: number): void {
    const s = this.seg;
    const o = j * STRIDE;
    const along = s[o + ALONG]! + t * s[o + LENGTH]!;
    out[MATCH.DISTANCE] = d;
    out[MATCH.SEGMENT] = j;
    out[MATCH.FRACTION] = t;
    out[MATCH.ALONG] = along;
    out[MATCH.REMAINING] = Math.max(0, this.lengthM - along);
    out[MATCH.LAT] = s[o + LAT_A]! + (t * s[o + UY]!) / METRES_PER_DEGREE;
    out[MATCH.LON] = s[o + LON_A]! + (t * s[o + UX]!) / s[o + KX]!;
    out[MATCH.FROM_INDEX] = fromIndex;
  }
}

function toMatch(a: Float64Array, out: CorridorMatch): CorridorMatch {
  out.distanceM = a[MATCH.DISTANCE]!;
  out.segment = a[MATCH.SEGMENT]!;
  out.fraction = a[MATCH.FRACTION]!;
  out.alongM = a[MATCH.ALONG]!;
  out.remainingM = a[MATCH.REMAINING]!;
  out.lat = a[MATCH.LAT]!;
  out.lon = a[MATCH.LON]!;
  out.source = a[MATCH.FROM_INDEX] === 1 ? 'index' : 'hint';
  return out;
}
