/** Geographic primitives shared by the whole domain. Coordinates are WGS 84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** A closed ring of [lon, lat] pairs, GeoJSON order; the first and last points are equal. */
export type Ring = Array<[number, number]>;

/** A GeoJSON Polygon geometry: the outer ring, then any holes. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Ring[];
}

/** A GeoJSON LineString geometry, [lon, lat] pairs in travel order. */
export interface LineString {
  type: 'LineString';
  coordinates: Array<[number, number]>;
}
