import { describe, expect, it } from 'vitest';
import { DEMO_ROUTES, plannedRoute } from '../demo/index.js';
import { createRng } from '../random/index.js';
import { CorridorIndex, emptyMatch } from './corridor-index.js';
import { EARTH_RADIUS_M, METRES_PER_DEGREE, RAD, destinationPoint, haversineM, offsetM } from './distance.js';

type LonLat = [number, number];

/** Exact distance on the sphere from p to the great-circle arc a–b, metres (3-D vectors; the reference). */
function arcDistanceM(p: LonLat, a: LonLat, b: LonLat): number {
  const v = ([lon, lat]: LonLat): number[] => [Math.cos(lat * RAD) * Math.cos(lon * RAD), Math.cos(lat * RAD) * Math.sin(lon * RAD), Math.sin(lat * RAD)];
  const cross = (x: number[], y: number[]): number[] => [x[1]! * y[2]! - x[2]! * y[1]!, x[2]! * y[0]! - x[0]! * y[2]!, x[0]! * y[1]! - x[1]! * y[0]!];
  const dot = (x: number[], y: number[]): number => x[0]! * y[0]! + x[1]! * y[1]! + x[2]! * y[2]!;
  const angle = (x: number[], y: number[]): number => Math.atan2(Math.hypot(...cross(x, y)), dot(x, y));
  const P = v(p);
  const A = v(a);
  const B = v(b);
  const n = cross(A, B);
  const norm = Math.hypot(...n);
  if (norm < 1e-15) return angle(P, A) * EARTH_RADIUS_M;
  const N = n.map((x) => x / norm);
  const s = dot(P, N);
  const F = P.map((x, i) => x - s * N[i]!);
  if (dot(cross(A, F), N) >= 0 && dot(cross(F, B), N) >= 0) return Math.abs(Math.asin(s)) * EARTH_RADIUS_M;
  return Math.min(angle(P, A), angle(P, B)) * EARTH_RADIUS_M;
}

/** Brute force over every segment in the index's own flat metric: the reference for the search logic. */
function bruteForce(line: LonLat[], lon: number, lat: number): { distanceM: number; segment: number } {
  let best = Infinity;
  let segment = -1;
  for (let i = 0; i + 1 < line.length; i++) {
    const [lonA, latA] = line[i]!;
    const [lonB, latB] = line[i + 1]!;
    const kx = METRES_PER_DEGREE * Math.cos(((latA + latB) / 2) * RAD);
    const x = (lon - lonA) * kx;
    const y = (lat - latA) * METRES_PER_DEGREE;
    const ux = (lonB - lonA) * kx;
    const uy = (latB - latA) * METRES_PER_DEGREE;
    const len2 = ux * ux + uy * uy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, (x * ux + y * uy) / len2)) : 0;
    const d = Math.hypot(x - t * ux, y - t * uy);
    if (d < best) {
      best = d;
      segment = i;
    }
  }
  return { distanceM: best, segment };
}

/** A winding road of `n` vertices 80–300 m apart, heading drifting like a real road's. */
function windingRoad(seed: string, n: number): LonLat[] {
  const rng = createRng(seed);
  let p = { lat: 43.2, lon: 74.0 };
  let heading = 80;
  const out: LonLat[] = [[p.lon, p.lat]];
  for (let i = 1; i < n; i++) {
    heading += rng.normal(0, 6);
    heading = 80 + Math.max(-60, Math.min(60, heading - 80));
    p = destinationPoint(p, heading, 80 + 220 * rng.next());
    out.push([p.lon, p.lat]);
  }
  return out;
}

describe('CorridorIndex on a straight east–west route', () => {
  // 74°E to 75°E along 43°N: 81.3 km, cut into 5 km pieces.
  const index = new CorridorIndex([[74, 43], [75, 43]]);
  const length = haversineM(43, 74, 43, 75);

  it('measures the length along the route and splits it into short segments', () => {
    expect(index.lengthM).toBeCloseTo(length, 0);
    expect(index.segmentCount).toBe(Math.ceil(length / 5_000));
  });

  it('gives cross-track distance, progress and what remains for a point beside the middle', () => {
    const mid = index.pointAt(length / 2);
    const p = offsetM(mid, 300, 0);
    const m = index.nearest(p.lon, p.lat, emptyMatch());
    expect(m.distanceM).toBeCloseTo(300, 0);
    expect(m.alongM).toBeCloseTo(length / 2, 0);
    expect(m.remainingM).toBeCloseTo(length / 2, 0);
    expect(m.alongM + m.remainingM).toBeCloseTo(index.lengthM, 6);
  });

  it('answers 0 with the vertex progress for a point exactly at a vertex', () => {
    const line = index.coordinates();
    const [lon, lat] = line[5]!;
    const m = index.nearest(lon, lat, emptyMatch());
    expect(m.distanceM).toBe(0);
    expect(m.alongM).toBeCloseTo(index.lengthM * (5 / index.segmentCount), 3);
    expect([4, 5]).toContain(m.segment);
  });

  it('measures to the end points beyond either end', () => {
    const before = index.nearest(73.99, 43, emptyMatch());
    expect(before.alongM).toBe(0);
    expect(before.distanceM).toBeCloseTo(haversineM(43, 73.99, 43, 74), 0);
    const after = index.nearest(75.02, 43.01, emptyMatch());
    expect(after.remainingM).toBe(0);
    expect(after.distanceM).toBeCloseTo(haversineM(43.01, 75.02, 43, 75), 0);
  });

  it('pointAt is the inverse of progress, clamped to the route', () => {
    for (const along of [0, 1234.5, 40_000, index.lengthM]) {
      const p = index.pointAt(along);
      expect(index.nearest(p.lon, p.lat, emptyMatch()).alongM).toBeCloseTo(along, 3);
    }
    expect(index.pointAt(-5)).toEqual(index.pointAt(0));
    expect(index.pointAt(1e9)).toEqual(index.pointAt(index.lengthM));
  });
});

describe('CorridorIndex on degenerate routes', () => {
  it('handles repeated vertices (zero-length segments) without NaN', () => {
    const index = new CorridorIndex([[74, 43], [74, 43], [74.01, 43], [74.01, 43], [74.02, 43.001]]);
    const m = index.locate(74.005, 43.0005, 1, 100, emptyMatch());
    expect(Number.isNaN(m.distanceM)).toBe(false);
    expect(m.distanceM).toBeCloseTo(haversineM(43.0005, 74.005, 43, 74.005), 0);
    const atDuplicate = index.nearest(74.01, 43, emptyMatch());
    expect(atDuplicate.distanceM).toBe(0);
  });

  it('treats a single point as a route of length 0', () => {
    const index = new CorridorIndex([[74, 43]]);
    const m = index.nearest(74, 43.01, emptyMatch());
    expect(index.lengthM).toBe(0);
    expect(m.distanceM).toBeCloseTo(haversineM(43.01, 74, 43, 74), 3);
    expect(m.alongM).toBe(0);
  });

  it('refuses empty and non-finite routes', () => {
    expect(() => new CorridorIndex([])).toThrow(RangeError);
    expect(() => new CorridorIndex([[74, Number.NaN]])).toThrow(RangeError);
    expect(() => new CorridorIndex([[74, 95]])).toThrow(RangeError);
  });
});

describe('CorridorIndex search', () => {
  const road = windingRoad('corridor-search', 3_000);
  const index = new CorridorIndex(road);
  const rng = createRng('corridor-search/points');

  it('walking from a nearby hint finds the same nearest segment as brute force', () => {
    let fromHint = 0;
    for (let k = 0; k < 500; k++) {
      const i = rng.int(0, road.length - 2);
      const [lon, lat] = road[i]!;
      const p = offsetM({ lat, lon }, rng.normal(0, 40), rng.normal(0, 40));
      const m = index.locate(p.lon, p.lat, Math.max(0, i - rng.int(0, 6)), 500, emptyMatch());
      const truth = bruteForce(road, p.lon, p.lat);
      expect(m.distanceM).toBeCloseTo(truth.distanceM, 6);
      if (m.source === 'hint') fromHint++;
    }
    expect(fromHint).toBeGreaterThan(490);
  });

  it('falls back to the spatial index for a stale hint, a far point and no hint, exactly', () => {
    for (let k = 0; k < 200; k++) {
      const i = rng.int(0, road.length - 2);
      const [lon, lat] = road[i]!;
      const far = rng.chance(0.5);
      const p = offsetM({ lat, lon }, rng.normal(0, far ? 20_000 : 50), rng.normal(0, far ? 20_000 : 50));
      const hint = rng.chance(0.3) ? -1 : rng.int(0, index.segmentCount - 1);
      const m = index.locate(p.lon, p.lat, hint, 500, emptyMatch());
      const truth = bruteForce(road, p.lon, p.lat);
      // Within the accepting radius the walk may settle on another segment just as close; beyond it, exact.
      if (m.source === 'index') expect(m.distanceM).toBeCloseTo(truth.distanceM, 6);
      else expect(m.distanceM).toBeLessThanOrEqual(500);
      expect(m.distanceM).toBeGreaterThanOrEqual(truth.distanceM - 1e-6);
    }
  });

  it('follows a truck along the route from hint to hint', () => {
    const out = emptyMatch();
    let hint = -1;
    let last = 0;
    for (let along = 0; along <= index.lengthM; along += 700) {
      const p = index.pointAt(along);
      index.locate(p.lon, p.lat, hint, 500, out);
      expect(out.distanceM).toBeLessThan(0.01);
      expect(out.alongM).toBeGreaterThanOrEqual(last - 0.01);
      last = out.alongM;
      hint = out.segment;
    }
  });
});

describe('CorridorIndex error bounds against exact spherical geometry', () => {
  it('is within a metre of the great-circle cross-track distance near a demo route, and 0.1% + 1 m to 10 km', () => {
    const route = plannedRoute(DEMO_ROUTES.find((r) => r.id === 'bishkek-moscow')!);
    const coarse = route.coordinates as LonLat[];
    const index = CorridorIndex.fromLineString(route);
    const rng = createRng('corridor-error');
    let worst = 0;
    for (let k = 0; k < 400; k++) {
      const on = index.pointAt(rng.next() * index.lengthM);
      const d = k % 2 === 0 ? rng.next() * 2_000 : 2_000 + rng.next() * 8_000;
      const p = destinationPoint(on, rng.next() * 360, d);
      let exact = Infinity;
      for (let i = 0; i + 1 < coarse.length; i++) exact = Math.min(exact, arcDistanceM([p.lon, p.lat], coarse[i]!, coarse[i + 1]!));
      const ours = index.nearest(p.lon, p.lat, emptyMatch()).distanceM;
      const allowed = d <= 2_000 ? 1 : 1 + 0.001 * exact;
      worst = Math.max(worst, Math.abs(ours - exact) / allowed);
    }
    expect(worst).toBeLessThan(1);
  });
});
