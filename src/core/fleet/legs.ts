/**
 * A truck's trip as a sequence of legs on the simulated clock: driving along the planned route, driving off it in
 * a straight line (a deviation), or standing still. Where the truck is at any moment is read off its legs, so a
 * report can be taken at any time, in any order of calls, with the same answer.
 */
import type { LatLon } from '../model/geo.js';
import type { StopKind } from './ground-truth.js';
import { headingDeg, interpolate } from './geometry.js';
import type { RoutePath } from './route-path.js';

export type Leg =
  /** Along the planned route from `fromKm` to `toKm`. */
  | { kind: 'route'; from: number; to: number; fromKm: number; toKm: number; speedKmh: number }
  /** Off the route, straight from `start` to `end`. */
  | { kind: 'line'; from: number; to: number; start: LatLon; end: LatLon; speedKmh: number }
  | { kind: 'stop'; from: number; to: number; at: LatLon; stop: StopKind };

export interface LegSample extends LatLon {
  moving: boolean;
  /** km/h as planned for the leg, before any measurement noise. */
  speedKmh: number;
  /** Direction of travel; undefined when standing. */
  course: number | undefined;
}

export function sampleLeg(leg: Leg, path: RoutePath, time: number): LegSample {
  const span = leg.to - leg.from;
  const f = span <= 0 ? 1 : Math.max(0, Math.min(1, (time - leg.from) / span));
  switch (leg.kind) {
    case 'route': {
      const p = path.pointAt(leg.fromKm + (leg.toKm - leg.fromKm) * f);
      return { lat: p.lat, lon: p.lon, moving: true, speedKmh: leg.speedKmh, course: p.course };
    }
    case 'line': {
      const p = interpolate(leg.start, leg.end, f);
      return { lat: p.lat, lon: p.lon, moving: true, speedKmh: leg.speedKmh, course: headingDeg(leg.start, leg.end, p.lat) };
    }
    case 'stop':
      return { lat: leg.at.lat, lon: leg.at.lon, moving: false, speedKmh: 0, course: undefined };
  }
}

/** Index of the leg under way at `time` (the later one on a boundary), searching from `hint` onwards. */
export function legIndexAt(legs: readonly Leg[], time: number, hint = 0): number {
  let i = Math.max(0, Math.min(hint, legs.length - 1));
  while (i > 0 && legs[i]!.from > time) i--;
  while (i < legs.length - 1 && legs[i]!.to <= time) i++;
  return i;
}
