/**
 * A trip's track for the replay view: its valid fixes in device-time order as a GeoJSON LineString feature,
 * simplified to a tolerance in metres (Douglas–Peucker), with the time of each kept point beside the coordinates.
 */
import { simplifyIndices } from '../geo/index.js';
import type { Position } from '../model/position.js';

export interface TrackFeature {
  type: 'Feature';
  geometry: { type: 'LineString'; coordinates: Array<[number, number]> };
  properties: {
    /** Device time of each coordinate, ms since the epoch. */
    times: number[];
    /** Fixes before simplification. */
    fixes: number;
    toleranceM: number;
  };
}

export function trackFeature(positions: readonly Position[], toleranceM: number): TrackFeature {
  const fixes = positions
    .filter((p) => p.valid && Number.isFinite(p.lat) && Number.isFinite(p.lon) && Number.isFinite(p.deviceTime))
    .sort((a, b) => a.deviceTime - b.deviceTime);
  // The same fix delivered twice (a resend) is one point of the track.
  const unique = fixes.filter((p, i) => i === 0 || p.deviceTime !== fixes[i - 1]!.deviceTime || p.lat !== fixes[i - 1]!.lat || p.lon !== fixes[i - 1]!.lon);
  const kept = simplifyIndices(unique, toleranceM);
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: kept.map((i) => [unique[i]!.lon, unique[i]!.lat]) },
    properties: { times: kept.map((i) => unique[i]!.deviceTime), fixes: unique.length, toleranceM },
  };
}
