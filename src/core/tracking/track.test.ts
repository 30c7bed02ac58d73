import { describe, expect, it } from 'vitest';
import { CorridorIndex, emptyMatch } from '../geo/index.js';
import { demoTrip, transit } from './test-support.js';
import { trackFeature } from './track.js';

describe('track for replay', () => {
  const trip = demoTrip('bishkek-almaty');
  const positions = transit(trip, 'track').positions;

  it('is a GeoJSON LineString of the valid fixes in time order, simplified within the tolerance', () => {
    const shuffled = [...positions].reverse();
    shuffled.push({ ...positions[5]!, valid: false, lat: 0, lon: 0 });
    const track = trackFeature([...shuffled, positions[10]!], 50);
    expect(track.geometry.type).toBe('LineString');
    expect(track.properties.fixes).toBe(positions.length);
    expect(track.geometry.coordinates.length).toBeLessThan(positions.length / 5);
    expect(track.properties.times).toEqual([...track.properties.times].sort((a, b) => a - b));
    const line = new CorridorIndex(track.geometry.coordinates);
    for (const p of positions) expect(line.nearest(p.lon, p.lat, emptyMatch()).distanceM).toBeLessThanOrEqual(50.5);
  });

  it('keeps every fix at tolerance 0 unless exactly in line', () => {
    expect(trackFeature(positions, 0).geometry.coordinates.length).toBeGreaterThan(positions.length * 0.5);
  });
});
