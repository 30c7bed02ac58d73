/**
 * Many geofences (customs offices, border crossings, inspection posts, parking areas) answering "which of them
 * contain this point". A handful are scanned by their bounding boxes in one typed array; beyond that a static
 * R-tree (flatbush) over the boxes picks the candidates, and only those get the point-in-polygon test.
 */
import Flatbush from 'flatbush';
import { distanceOutsideM, polygonContains, preparePolygon, type PolygonGeometry, type PreparedPolygon } from './polygon.js';

export interface GeofenceInput {
  id: string;
  geometry: PolygonGeometry;
}

/** Up to this many geofences a linear scan of the boxes beats walking a tree. */
const LINEAR_SCAN_MAX = 32;

export class GeofenceSet {
  readonly size: number;
  private readonly ids: readonly string[];
  private readonly polygons: readonly PreparedPolygon[];
  private readonly byId: ReadonlyMap<string, number>;
  /** minLon, minLat, maxLon, maxLat per geofence. */
  private readonly boxes: Float64Array;
  private readonly tree: Flatbush | null;

  constructor(entries: readonly GeofenceInput[]) {
    const byId = new Map<string, number>();
    entries.forEach((entry, i) => {
      if (byId.has(entry.id)) throw new RangeError(`geofence id ${JSON.stringify(entry.id)} appears twice`);
      byId.set(entry.id, i);
    });
    this.ids = entries.map((e) => e.id);
    this.polygons = entries.map((e) => preparePolygon(e.geometry));
    this.byId = byId;
    this.size = entries.length;
    this.boxes = new Float64Array(entries.length * 4);
    this.polygons.forEach((p, i) => this.boxes.set([p.minLon, p.minLat, p.maxLon, p.maxLat], i * 4));
    if (entries.length > LINEAR_SCAN_MAX) {
      const tree = new Flatbush(entries.length);
      for (const p of this.polygons) tree.add(p.minLon, p.minLat, p.maxLon, p.maxLat);
      tree.finish();
      this.tree = tree;
    } else {
      this.tree = null;
    }
  }

  id(index: number): string {
    const id = this.ids[index];
    if (id === undefined) throw new RangeError(`no geofence at index ${index}`);
    return id;
  }

  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Indices of the geofences containing the point, ascending, appended to `out` (cleared first). */
  containing(lon: number, lat: number, out: number[] = []): number[] {
    out.length = 0;
    if (this.tree !== null) {
      for (const i of this.tree.search(lon, lat, lon, lat)) if (polygonContains(this.polygons[i]!, lon, lat)) out.push(i);
      out.sort((a, b) => a - b);
      return out;
    }
    const b = this.boxes;
    for (let i = 0; i < this.size; i++) {
      const o = i * 4;
      if (lon < b[o]! || lat < b[o + 1]! || lon > b[o + 2]! || lat > b[o + 3]!) continue;
      if (polygonContains(this.polygons[i]!, lon, lat)) out.push(i);
    }
    return out;
  }

  /** Whether the point is in any geofence's bounding box (no polygon test): the cheap "nowhere near" answer. */
  inAnyBox(lon: number, lat: number): boolean {
    const b = this.boxes;
    if (this.tree !== null) return this.tree.collides(lon, lat, lon, lat);
    for (let i = 0; i < this.size; i++) {
      const o = i * 4;
      if (lon >= b[o]! && lat >= b[o + 1]! && lon <= b[o + 2]! && lat <= b[o + 3]!) return true;
    }
    return false;
  }

  /** Whether any geofence contains the point. */
  anyContains(lon: number, lat: number): boolean {
    if (this.tree !== null) return this.tree.search(lon, lat, lon, lat).some((i) => polygonContains(this.polygons[i]!, lon, lat));
    const b = this.boxes;
    for (let i = 0; i < this.size; i++) {
      const o = i * 4;
      if (lon < b[o]! || lat < b[o + 1]! || lon > b[o + 2]! || lat > b[o + 3]!) continue;
      if (polygonContains(this.polygons[i]!, lon, lat)) return true;
    }
    return false;
  }

  contains(index: number, lon: number, lat: number): boolean {
    const polygon = this.polygons[index];
    return polygon !== undefined && polygonContains(polygon, lon, lat);
  }

  /** Metres from the point to geofence `index`: 0 inside; values beyond `farM` are only bounds. */
  distanceOutsideM(index: number, lon: number, lat: number, farM = Infinity): number {
    const polygon = this.polygons[index];
    if (polygon === undefined) throw new RangeError(`no geofence at index ${index}`);
    return distanceOutsideM(polygon, lon, lat, farM);
  }

  /** The centre of geofence `index`'s bounding box; where a place stands when one point has to represent it. */
  centre(index: number): { lat: number; lon: number } {
    const o = index * 4;
    return { lon: (this.boxes[o]! + this.boxes[o + 2]!) / 2, lat: (this.boxes[o + 1]! + this.boxes[o + 3]!) / 2 };
  }
}
