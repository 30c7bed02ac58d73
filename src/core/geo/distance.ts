/**
 * Great-circle geometry on a sphere of the Earth's mean radius. Against the WGS 84 ellipsoid the sphere is off by
 * at most about 0.5% (least on east–west lines at mid latitudes), which is far below what a corridor of hundreds
 * of metres or an ETA in hours can notice, and it keeps every formula closed-form and fast.
 *
 * Longitudes are taken as they come: nothing here wraps across the antimeridian, because the corridor's region
 * (about 35°E to 90°E) never reaches it. A route that did would need its longitudes unwrapped first.
 */
import type { LatLon } from '../model/geo.js';

/** The IUGG mean Earth radius, metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
export const RAD = Math.PI / 180;
export const DEG = 180 / Math.PI;
/** Metres in one degree of latitude (and of longitude at the equator) on the sphere. */
export const METRES_PER_DEGREE = EARTH_RADIUS_M * RAD;

/** Great-circle (haversine) distance between two points in degrees, metres. */
export function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s1 = Math.sin(dLat / 2);
  const s2 = Math.sin(dLon / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  // Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function distanceM(a: LatLon, b: LatLon): number {
  return haversineM(a.lat, a.lon, b.lat, b.lon);
}

/** Initial bearing from `a` to `b`, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: LatLon, b: LatLon): number {
  const φ1 = a.lat * RAD;
  const φ2 = b.lat * RAD;
  const dλ = (b.lon - a.lon) * RAD;
  const y = Math.sin(dλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(dλ);
  const deg = Math.atan2(y, x) * DEG;
  return deg < 0 ? deg + 360 : deg;
}

/** The point `distance` metres from `from` along the great circle leaving on `bearing` degrees. */
export function destinationPoint(from: LatLon, bearing: number, distance: number): LatLon {
  const δ = distance / EARTH_RADIUS_M;
  const θ = bearing * RAD;
  const φ1 = from.lat * RAD;
  const λ1 = from.lon * RAD;
  const sinφ2 = Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ);
  const φ2 = Math.asin(sinφ2);
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * sinφ2);
  return { lat: φ2 * DEG, lon: λ2 * DEG };
}

/** The point a fraction `f` (0..1) of the way from `a` to `b` along their great circle. */
export function interpolateGreatCircle(a: LatLon, b: LatLon, f: number): LatLon {
  const φ1 = a.lat * RAD;
  const λ1 = a.lon * RAD;
  const φ2 = b.lat * RAD;
  const λ2 = b.lon * RAD;
  const δ = haversineM(a.lat, a.lon, b.lat, b.lon) / EARTH_RADIUS_M;
  if (δ < 1e-12) return { lat: a.lat, lon: a.lon };
  const sinδ = Math.sin(δ);
  const wa = Math.sin((1 - f) * δ) / sinδ;
  const wb = Math.sin(f * δ) / sinδ;
  const x = wa * Math.cos(φ1) * Math.cos(λ1) + wb * Math.cos(φ2) * Math.cos(λ2);
  const y = wa * Math.cos(φ1) * Math.sin(λ1) + wb * Math.cos(φ2) * Math.sin(λ2);
  const z = wa * Math.sin(φ1) + wb * Math.sin(φ2);
  return { lat: Math.atan2(z, Math.hypot(x, y)) * DEG, lon: Math.atan2(y, x) * DEG };
}

/** `point` moved `northM` metres north and `eastM` metres east; for small offsets (GPS noise, a lay-by). */
export function offsetM(point: LatLon, northM: number, eastM: number): LatLon {
  return {
    lat: point.lat + northM / METRES_PER_DEGREE,
    lon: point.lon + eastM / (METRES_PER_DEGREE * Math.cos(point.lat * RAD)),
  };
}

/** Length of a [lon, lat] polyline along great circles, metres. */
export function polylineLengthM(coordinates: ReadonlyArray<readonly [number, number]>): number {
  let total = 0;
  for (let i = 1; i < coordinates.length; i++) {
    const a = coordinates[i - 1]!;
    const b = coordinates[i]!;
    total += haversineM(a[1], a[0], b[1], b[0]);
  }
  return total;
}
