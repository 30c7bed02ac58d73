/**
 * Geofences for reference places: a regular hexagon around a point. A hexagon is a small polygon that every
 * geofence test handles and that stays within 14% of the circle it approximates, which is all a place known
 * to about a kilometre needs.
 */
import type { LatLon, Polygon, Ring } from '../model/geo.js';

const KM_PER_DEGREE_LAT = 111.32;

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A closed hexagonal ring (GeoJSON order, [lon, lat]) whose corners lie `radiusKm` from `center`. */
export function hexagonAround(center: LatLon, radiusKm: number): Polygon {
  if (!(radiusKm > 0)) throw new RangeError(`a geofence radius must be > 0 km, got ${radiusKm}`);
  const kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos((center.lat * Math.PI) / 180);
  const ring: Ring = [];
  for (let k = 0; k < 6; k++) {
    const angle = (k * Math.PI) / 3;
    ring.push([
      round6(center.lon + (radiusKm * Math.cos(angle)) / kmPerDegreeLon),
      round6(center.lat + (radiusKm * Math.sin(angle)) / KM_PER_DEGREE_LAT),
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return { type: 'Polygon', coordinates: [ring] };
}
