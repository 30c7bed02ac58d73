/**
 * Point in polygon for geofences: a polygon (or multipolygon) flattened once into typed arrays with its bounding
 * box, so that the common answer — far away — costs four comparisons.
 *
 * Rule: even–odd over every ring of every part, so holes are outside and the parts of a multipolygon (which do not
 * overlap in valid GeoJSON) each count. Edges are straight in longitude and latitude, as GeoJSON defines them. A
 * point exactly on an edge may fall either way; geofences are kilometres across and a GPS fix is good to metres,
 * so no rule depends on it.
 */
import { METRES_PER_DEGREE, RAD } from './distance.js';

type Position = ArrayLike<number>;
/** A GeoJSON Polygon or MultiPolygon (the model's Polygon fits, and so does @types/geojson's). */
export type PolygonGeometry =
  | { type: 'Polygon'; coordinates: ReadonlyArray<ReadonlyArray<Position>> }
  | { type: 'MultiPolygon'; coordinates: ReadonlyArray<ReadonlyArray<ReadonlyArray<Position>>> };

export interface PreparedPolygon {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
  /** Every ring's points, [lon, lat, lon, lat, …]. */
  readonly coords: Float64Array;
  /** Index (in points) where each ring starts, and one past the last point. */
  readonly ringStarts: Int32Array;
}

/** The rings of a Polygon or MultiPolygon, each as the GeoJSON array of positions. */
export function ringsOf(geometry: PolygonGeometry): ReadonlyArray<ReadonlyArray<Position>> {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function preparePolygon(geometry: PolygonGeometry): PreparedPolygon {
  const rings = ringsOf(geometry);
  let points = 0;
  for (const ring of rings) points += ring.length;
  if (points === 0) throw new RangeError('a polygon needs at least one ring with points');
  const coords = new Float64Array(points * 2);
  const ringStarts = new Int32Array(rings.length + 1);
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  let k = 0;
  rings.forEach((ring, r) => {
    ringStarts[r] = k;
    for (const position of ring) {
      const lon = position[0]!;
      const lat = position[1]!;
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new RangeError(`a polygon point must be finite, got [${lon}, ${lat}]`);
      coords[2 * k] = lon;
      coords[2 * k + 1] = lat;
      k++;
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  });
  ringStarts[rings.length] = k;
  return { minLon, minLat, maxLon, maxLat, coords, ringStarts };
}

export function polygonContains(polygon: PreparedPolygon, lon: number, lat: number): boolean {
  if (lon < polygon.minLon || lon > polygon.maxLon || lat < polygon.minLat || lat > polygon.maxLat) return false;
  const c = polygon.coords;
  const starts = polygon.ringStarts;
  let inside = false;
  for (let r = 0; r + 1 < starts.length; r++) {
    const start = starts[r]!;
    const end = starts[r + 1]!;
    // A ring need not repeat its first point: the edge from the last point back to the first closes it either way.
    for (let i = start, j = end - 1; i < end; j = i++) {
      const yi = c[2 * i + 1]!;
      const yj = c[2 * j + 1]!;
      if (yi > lat !== yj > lat) {
        const xi = c[2 * i]!;
        const xj = c[2 * j]!;
        if (lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** Distance from the point to the nearest edge of any ring, metres (flat projection at the point's latitude). */
export function distanceToBoundaryM(polygon: PreparedPolygon, lon: number, lat: number): number {
  const c = polygon.coords;
  const starts = polygon.ringStarts;
  const kx = METRES_PER_DEGREE * Math.cos(lat * RAD);
  let best2 = Infinity;
  for (let r = 0; r + 1 < starts.length; r++) {
    const start = starts[r]!;
    const end = starts[r + 1]!;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const ax = (c[2 * j]! - lon) * kx;
      const ay = (c[2 * j + 1]! - lat) * METRES_PER_DEGREE;
      const ux = (c[2 * i]! - c[2 * j]!) * kx;
      const uy = (c[2 * i + 1]! - c[2 * j + 1]!) * METRES_PER_DEGREE;
      const len2 = ux * ux + uy * uy;
      let t = len2 > 0 ? -(ax * ux + ay * uy) / len2 : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const ex = ax + t * ux;
      const ey = ay + t * uy;
      const d2 = ex * ex + ey * ey;
      if (d2 < best2) best2 = d2;
    }
  }
  return Math.sqrt(best2);
}

/**
 * Distance from the point to the polygon, metres: 0 inside, else to the nearest edge. The bounding box answers
 * first when it alone shows the point is further than `farM`, so far points cost no edge walk.
 */
export function distanceOutsideM(polygon: PreparedPolygon, lon: number, lat: number, farM = Infinity): number {
  if (polygonContains(polygon, lon, lat)) return 0;
  const dy = lat < polygon.minLat ? polygon.minLat - lat : lat > polygon.maxLat ? lat - polygon.maxLat : 0;
  const dx = lon < polygon.minLon ? polygon.minLon - lon : lon > polygon.maxLon ? lon - polygon.maxLon : 0;
  const boxM = Math.hypot(dx * METRES_PER_DEGREE * Math.cos(Math.min(89, Math.abs(lat) + dy) * RAD), dy * METRES_PER_DEGREE);
  if (boxM > farM) return boxM;
  return distanceToBoundaryM(polygon, lon, lat);
}
