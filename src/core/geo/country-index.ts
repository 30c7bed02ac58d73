/**
 * Which country a point is in, from country polygons (Natural Earth, via the adapter that reads them), prepared
 * once into a grid so that a lookup is, away from borders and coasts, one array read.
 *
 * Preparation. A regular grid of `cellDeg` cells over `bbox`. Every polygon edge is listed in the cells it passes
 * through. For each cell the country at its centre is found once, by a horizontal scan of the row's centre line
 * (crossings of every edge, sorted; even–odd per country feature). A cell that no edge passes through lies wholly
 * in that country (or in none).
 *
 * Lookup. In a cell without edges, the centre's answer. In a cell with edges, the segment from the cell's centre
 * to the point is tested against the cell's edges only: each crossing flips membership of the feature that owns
 * the edge, so the answer is the centre's membership with those flips applied. Parity is kept per feature, not
 * per country code, so a feature inside another's hole (Baikonur inside Kazakhstan's outline in Natural Earth)
 * and mapped to the same code still answers that code.
 *
 * Multipolygons and holes follow from even–odd over all rings of a feature. Where two features overlap (disputed
 * areas drawn by both), the first feature in input order wins. A point outside `bbox` or in no feature answers
 * null. Edges are straight in longitude and latitude, as in the source data; longitudes are not wrapped.
 */
import { ringsOf, type PolygonGeometry } from './polygon.js';

export interface CountryShape {
  /** ISO 3166-1 alpha-2 code (or another stable code) for every point of the geometry. */
  code: string;
  geometry: PolygonGeometry;
}

export interface CountryIndexOptions {
  /** Grid cell size, degrees; default 0.25 (about 28 × 18 km at 50°N). */
  cellDeg?: number;
  /** [minLon, minLat, maxLon, maxLat] the grid covers; default the whole world. */
  bbox?: readonly [number, number, number, number];
}

export class CountryIndex {
  /** Country code of each feature. */
  readonly featureCodes: readonly string[];
  readonly cellDeg: number;
  readonly bbox: readonly [number, number, number, number];
  /**
   * A number that tells grids apart (from the grid's size, extent and edges), so that a cell index saved with one
   * index is not taken for a cell of another.
   */
  readonly gridId: number;
  private readonly nx: number;
  private readonly ny: number;
  /** `bbox` again as plain fields: every located fix asks for its cell, and destructuring an array costs more. */
  private readonly minLon: number;
  private readonly minLat: number;
  private readonly maxLon: number;
  private readonly maxLat: number;
  /** Feature at each cell's centre, -1 for none. */
  private readonly cellFeature: Int32Array;
  /** Cell c's edges are cellEdges[cellStart[c] .. cellStart[c + 1]). */
  private readonly cellStart: Int32Array;
  private readonly cellEdges: Int32Array;
  /** x1, y1, x2, y2 per edge. */
  private readonly edges: Float64Array;
  private readonly edgeFeature: Int32Array;
  /** Scratch for the flips of one lookup: features seen in the cell and their parity. Never escapes a call. */
  private readonly flipFeature: Int32Array;
  private readonly flipOdd: Uint8Array;

  constructor(shapes: readonly CountryShape[], options: CountryIndexOptions = {}) {
    const cellDeg = options.cellDeg ?? 0.25;
    if (!(cellDeg > 0)) throw new RangeError(`cellDeg must be > 0, got ${cellDeg}`);
    const [minLon, minLat, maxLon, maxLat] = options.bbox ?? [-180, -90, 180, 90];
    if (!(maxLon > minLon && maxLat > minLat)) throw new RangeError('bbox must be [minLon, minLat, maxLon, maxLat] with max > min');
    this.featureCodes = shapes.map((s) => s.code);
    this.cellDeg = cellDeg;
    this.bbox = [minLon, minLat, maxLon, maxLat];
    this.minLon = minLon;
    this.minLat = minLat;
    this.maxLon = maxLon;
    this.maxLat = maxLat;
    const nx = Math.ceil((maxLon - minLon) / cellDeg - 1e-9);
    const ny = Math.ceil((maxLat - minLat) / cellDeg - 1e-9);
    this.nx = nx;
    this.ny = ny;

    // Edges that can matter: those reaching the grid's latitudes and not wholly east of it (the row scan runs in
    // from the west, so edges west of the grid still count there).
    const ex: number[] = [];
    const ef: number[] = [];
    shapes.forEach((shape, f) => {
      for (const ring of ringsOf(shape.geometry)) {
        const n = ring.length;
        for (let i = 0; i < n; i++) {
          const a = ring[i === 0 ? n - 1 : i - 1]!;
          const b = ring[i]!;
          const x1 = a[0]!;
          const y1 = a[1]!;
          const x2 = b[0]!;
          const y2 = b[1]!;
          if (x1 === x2 && y1 === y2) continue;
          if (Math.max(y1, y2) < minLat || Math.min(y1, y2) > maxLat || Math.min(x1, x2) > maxLon) continue;
          ex.push(x1, y1, x2, y2);
          ef.push(f);
        }
      }
    });
    const edges = Float64Array.from(ex);
    const edgeFeature = Int32Array.from(ef);
    const edgeCount = edgeFeature.length;
    this.edges = edges;
    this.edgeFeature = edgeFeature;

    // Edges into cells (counting sort of (cell, edge) pairs).
    const pairCell: number[] = [];
    const pairEdge: number[] = [];
    for (let e = 0; e < edgeCount; e++) {
      const x1 = edges[4 * e]!;
      const y1 = edges[4 * e + 1]!;
      const x2 = edges[4 * e + 2]!;
      const y2 = edges[4 * e + 3]!;
      const i0 = Math.max(0, Math.floor((Math.min(x1, x2) - minLon) / cellDeg));
      const i1 = Math.min(nx - 1, Math.floor((Math.max(x1, x2) - minLon) / cellDeg));
      const j0 = Math.max(0, Math.floor((Math.min(y1, y2) - minLat) / cellDeg));
      const j1 = Math.min(ny - 1, Math.floor((Math.max(y1, y2) - minLat) / cellDeg));
      const few = (i1 - i0 + 1) * (j1 - j0 + 1) <= 4;
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          const cx0 = minLon + i * cellDeg;
          const cy0 = minLat + j * cellDeg;
          if (!few && !segmentTouchesBox(x1, y1, x2, y2, cx0, cy0, cx0 + cellDeg, cy0 + cellDeg)) continue;
          pairCell.push(j * nx + i);
          pairEdge.push(e);
        }
      }
    }
    const cellStart = new Int32Array(nx * ny + 1);
    for (const c of pairCell) cellStart[c + 1]! += 1;
    for (let c = 0; c < nx * ny; c++) cellStart[c + 1]! += cellStart[c]!;
    const fill = cellStart.slice(0, nx * ny);
    const cellEdges = new Int32Array(pairCell.length);
    for (let k = 0; k < pairCell.length; k++) cellEdges[fill[pairCell[k]!]!++] = pairEdge[k]!;
    this.cellStart = cellStart;
    this.cellEdges = cellEdges;

    let id = Math.imul(nx, 73_856_093) ^ Math.imul(ny, 19_349_663) ^ Math.imul(edgeCount, 83_492_791) ^ Math.imul(shapes.length, 2_654_435_761);
    id ^= Math.imul(Math.round((minLon + 180) * 1e4) + Math.round((minLat + 90) * 1e4) * 3_600_000, 668_265_263);
    this.gridId = id & 0x3fffffff;
    this.cellFeature = scanCellCentres(edges, edgeFeature, shapes.length, nx, ny, minLon, minLat, cellDeg);
    this.flipFeature = new Int32Array(Math.max(1, shapes.length));
    this.flipOdd = new Uint8Array(Math.max(1, shapes.length));
  }

  /** The country code at the point, or null outside every country (sea) and outside the grid. */
  codeAt(lon: number, lat: number): string | null {
    const f = this.featureAt(lon, lat);
    return f < 0 ? null : this.featureCodes[f]!;
  }

  /** The grid cell of the point, -1 outside the grid. */
  cellOf(lon: number, lat: number): number {
    const { minLon, minLat, maxLon, maxLat } = this;
    if (!(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat)) return -1;
    const i = Math.min(this.nx - 1, Math.floor((lon - minLon) / this.cellDeg));
    const j = Math.min(this.ny - 1, Math.floor((lat - minLat) / this.cellDeg));
    return j * this.nx + i;
  }

  /** Whether no border runs through the cell, so every point of it has one answer. */
  isWholeCell(cell: number): boolean {
    return cell >= 0 && this.cellStart[cell] === this.cellStart[cell + 1];
  }

  /** Index of the feature containing the point, -1 for none. */
  featureAt(lon: number, lat: number): number {
    const { minLon, minLat, maxLon, maxLat } = this;
    if (!(lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat)) return -1;
    const cell = this.cellDeg;
    const i = Math.min(this.nx - 1, Math.floor((lon - minLon) / cell));
    const j = Math.min(this.ny - 1, Math.floor((lat - minLat) / cell));
    const c = j * this.nx + i;
    const start = this.cellStart[c]!;
    const end = this.cellStart[c + 1]!;
    const centre = this.cellFeature[c]!;
    if (start === end) return centre;
    const cx = minLon + (i + 0.5) * cell;
    const cy = minLat + (j + 0.5) * cell;
    const e4 = this.edges;
    const flipFeature = this.flipFeature;
    const flipOdd = this.flipOdd;
    let seen = 0;
    for (let k = start; k < end; k++) {
      const e = this.cellEdges[k]!;
      if (!segmentsCross(cx, cy, lon, lat, e4[4 * e]!, e4[4 * e + 1]!, e4[4 * e + 2]!, e4[4 * e + 3]!)) continue;
      const f = this.edgeFeature[e]!;
      let s = 0;
      while (s < seen && flipFeature[s] !== f) s++;
      if (s === seen) {
        flipFeature[seen] = f;
        flipOdd[seen] = 0;
        seen++;
      }
      flipOdd[s] = flipOdd[s]! ^ 1;
    }
    // The centre's feature, unless flipped out; else the first feature flipped in.
    let centreKept = centre >= 0;
    let entered = -1;
    for (let s = 0; s < seen; s++) {
      if (flipOdd[s] === 0) continue;
      const f = flipFeature[s]!;
      if (f === centre) centreKept = false;
      else if (entered < 0 || f < entered) entered = f;
    }
    if (centreKept && (entered < 0 || centre < entered)) return centre;
    return entered;
  }
}

/** Orientation of c against the directed line a→b: > 0 left, < 0 right, 0 on it. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/**
 * Whether segment p→q crosses edge a→b. Both tests are half-open (a point on a line counts as the right side), so
 * a path through a shared vertex of two edges is counted once when it crosses and zero or two times when it
 * touches, keeping even–odd exact.
 */
function segmentsCross(px: number, py: number, qx: number, qy: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (orient(ax, ay, bx, by, px, py) > 0 === orient(ax, ay, bx, by, qx, qy) > 0) return false;
  return orient(px, py, qx, qy, ax, ay) > 0 !== orient(px, py, qx, qy, bx, by) > 0;
}

/** Whether a segment meets an axis-aligned box (Liang–Barsky clipping). */
function segmentTouchesBox(x1: number, y1: number, x2: number, y2: number, bx0: number, by0: number, bx1: number, by1: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const clip = (p: number, q: number): boolean => {
    if (p === 0) return q >= 0;
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
    return true;
  };
  return clip(-dx, x1 - bx0) && clip(dx, bx1 - x1) && clip(-dy, y1 - by0) && clip(dy, by1 - y1);
}

/** Feature at each cell centre, by scanning each row's centre line from the west with even–odd per feature. */
function scanCellCentres(
  edges: Float64Array,
  edgeFeature: Int32Array,
  featureCount: number,
  nx: number,
  ny: number,
  minLon: number,
  minLat: number,
  cellDeg: number,
): Int32Array {
  const cellFeature = new Int32Array(nx * ny).fill(-1);
  // Bucket edges by the rows whose centre line they cross (half-open in y, as in the lookup's ray rule).
  const rowCount = new Int32Array(ny + 1);
  const edgeCount = edgeFeature.length;
  const rowRange = (e: number): [number, number] => {
    const y1 = edges[4 * e + 1]!;
    const y2 = edges[4 * e + 3]!;
    const lo = Math.min(y1, y2);
    const hi = Math.max(y1, y2);
    // Rows j with lo <= centre_j < hi; centre_j = minLat + (j + 0.5) * cellDeg.
    const j0 = Math.max(0, Math.ceil((lo - minLat) / cellDeg - 0.5));
    const j1 = Math.min(ny - 1, Math.ceil((hi - minLat) / cellDeg - 0.5) - 1);
    return [j0, j1];
  };
  for (let e = 0; e < edgeCount; e++) {
    const [j0, j1] = rowRange(e);
    for (let j = j0; j <= j1; j++) rowCount[j + 1]! += 1;
  }
  for (let j = 0; j < ny; j++) rowCount[j + 1]! += rowCount[j]!;
  const fill = rowCount.slice(0, ny);
  const rowEdges = new Int32Array(rowCount[ny]!);
  for (let e = 0; e < edgeCount; e++) {
    const [j0, j1] = rowRange(e);
    for (let j = j0; j <= j1; j++) rowEdges[fill[j]!++] = e;
  }

  const parity = new Uint8Array(Math.max(1, featureCount));
  const odd: number[] = [];
  for (let j = 0; j < ny; j++) {
    const yc = minLat + (j + 0.5) * cellDeg;
    const crossings: Array<[number, number]> = [];
    for (let k = rowCount[j]!; k < rowCount[j + 1]!; k++) {
      const e = rowEdges[k]!;
      const x1 = edges[4 * e]!;
      const y1 = edges[4 * e + 1]!;
      const x2 = edges[4 * e + 2]!;
      const y2 = edges[4 * e + 3]!;
      if (y1 > yc === y2 > yc) continue;
      crossings.push([x1 + ((yc - y1) * (x2 - x1)) / (y2 - y1), edgeFeature[e]!]);
    }
    crossings.sort((a, b) => a[0] - b[0]);
    parity.fill(0);
    odd.length = 0;
    let next = 0;
    for (let i = 0; i < nx; i++) {
      const xc = minLon + (i + 0.5) * cellDeg;
      while (next < crossings.length && crossings[next]![0] < xc) {
        const f = crossings[next]![1];
        parity[f] = parity[f]! ^ 1;
        if (parity[f]) odd.push(f);
        else odd.splice(odd.indexOf(f), 1);
        next++;
      }
      if (odd.length > 0) cellFeature[j * nx + i] = Math.min(...odd);
    }
  }
  return cellFeature;
}
