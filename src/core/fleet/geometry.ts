/**
 * Geometry for moving simulated trucks. Distances and points at a distance are great-circle formulas on a sphere of
 * the mean Earth radius (a fraction of a percent from WGS 84 at these scales). Lines between two points, though,
 * are straight in longitude and latitude, as GeoJSON defines a LineString's segments: the planned route is a
 * LineString, and a truck that followed great circles instead would drift kilometres off a long segment's
 * straight line and look like a deviation to any planar corridor check.
 */
import type { LatLon } from '../model/geo.js';

export const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Initial bearing from `a` to `b`, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: LatLon, b: LatLon): number {
  const φ1 = a.lat * RAD;
  const φ2 = b.lat * RAD;
  const dλ = (b.lon - a.lon) * RAD;
  const y = Math.sin(dλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
  return normalizeDeg(Math.atan2(y, x) * DEG);
}

/** The point `km` from `from` on the initial bearing `bearing`. */
export function destination(from: LatLon, bearing: number, km: number): LatLon {
  const δ = km / EARTH_RADIUS_KM;
  const θ = bearing * RAD;
  const φ1 = from.lat * RAD;
  const λ1 = from.lon * RAD;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: φ2 * DEG, lon: normalizeLon(λ2 * DEG) };
}

/** The point a fraction `f` of the way along the straight (longitude, latitude) line from `a` to `b`. */
export function interpolate(a: LatLon, b: LatLon, f: number): LatLon {
  const g = Math.max(0, Math.min(1, f));
  return { lat: a.lat + (b.lat - a.lat) * g, lon: a.lon + (b.lon - a.lon) * g };
}

/**
 * Heading along the straight (longitude, latitude) line from `a` to `b`, as seen at latitude `atLat`: degrees
 * clockwise from north in [0, 360).
 */
export function headingDeg(a: LatLon, b: LatLon, atLat: number = a.lat): number {
  return normalizeDeg(Math.atan2((b.lon - a.lon) * Math.cos(atLat * RAD), b.lat - a.lat) * DEG);
}

/** `point` moved by small offsets in metres to the north and east; for GPS noise and parking a few metres aside. */
export function offsetMetres(point: LatLon, northM: number, eastM: number): LatLon {
  const lat = point.lat + (northM / 1000 / EARTH_RADIUS_KM) * DEG;
  const lon = point.lon + (eastM / 1000 / (EARTH_RADIUS_KM * Math.cos(point.lat * RAD))) * DEG;
  return { lat, lon: normalizeLon(lon) };
}

/**
 * The shortest distance from `point` to the polyline through `vertices`, km. Each segment is projected on a local
 * flat plane around the point, which is exact to metres for segments of a few hundred kilometres at these latitudes.
 */
export function distanceToPolylineKm(point: LatLon, vertices: readonly LatLon[]): number {
  if (vertices.length === 0) return Infinity;
  if (vertices.length === 1) return distanceKm(point, vertices[0]!);
  const kx = EARTH_RADIUS_KM * RAD * Math.cos(point.lat * RAD);
  const ky = EARTH_RADIUS_KM * RAD;
  let best = Infinity;
  for (let i = 1; i < vertices.length; i++) {
    const a = vertices[i - 1]!;
    const b = vertices[i]!;
    const ax = (a.lon - point.lon) * kx;
    const ay = (a.lat - point.lat) * ky;
    const bx = (b.lon - point.lon) * kx;
    const by = (b.lat - point.lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

export function normalizeDeg(deg: number): number {
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

function normalizeLon(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}
