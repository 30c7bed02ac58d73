/** Geographic primitives shared by the whole domain. Coordinates are WGS 84 degrees. */
import Type from 'typebox';
import { Latitude, Longitude } from './text.js';

export const LatLonSchema = Type.Object({ lat: Latitude, lon: Longitude }, { additionalProperties: false });
export type LatLon = Type.Static<typeof LatLonSchema>;

/** A [lon, lat] pair, GeoJSON order. */
const PointSchema = Type.Tuple([Longitude, Latitude]);

/** A closed ring of [lon, lat] pairs; the first and last points are equal. */
export const RingSchema = Type.Array(PointSchema, { minItems: 4, maxItems: 10_000 });
export type Ring = Array<[number, number]>;

/** A GeoJSON Polygon geometry: the outer ring, then any holes. */
export const PolygonSchema = Type.Object(
  { type: Type.Literal('Polygon'), coordinates: Type.Array(RingSchema, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export type Polygon = { type: 'Polygon'; coordinates: Ring[] };

/** A GeoJSON LineString geometry, [lon, lat] pairs in travel order. */
export const LineStringSchema = Type.Object(
  { type: Type.Literal('LineString'), coordinates: Type.Array(PointSchema, { maxItems: 100_000 }) },
  { additionalProperties: false },
);
export type LineString = { type: 'LineString'; coordinates: Array<[number, number]> };
