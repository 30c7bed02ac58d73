import { describe, expect, it } from 'vitest';
import type { LineString } from '../model/index.js';
import { proposeStops, type RoadsideCandidate } from './roadside.js';

/** West to east along the 43rd parallel, where a degree of longitude is about 81.4 km. */
const EAST: LineString = { type: 'LineString', coordinates: [[74, 43], [75, 43], [76, 43]] };
const ELSEWHERE: LineString = { type: 'LineString', coordinates: [[70, 50], [71, 50]] };
const TEAM = { lat: 43.01, lon: 75 };

function truck(tripId: string, lon: number, speedKmh: number, risk: RoadsideCandidate['risk'], route = EAST): RoadsideCandidate {
  return { tripId, declarationId: `d-${tripId}`, route, position: { lat: 43, lon }, speedKmh, risk };
}

describe('proposeStops', () => {
  it('proposes the trucks that reach the team within the horizon, riskiest first', () => {
    const proposals = proposeStops(
      TEAM,
      [
        truck('near-yellow', 74.9, 60, { channel: 'yellow', score: 40 }),
        truck('far-red', 74.5, 100, { channel: 'red', score: 70 }),
        truck('near-red-lower', 74.95, 80, { channel: 'red', score: 60 }),
        truck('unassessed', 74.99, 80, null),
        truck('too-far', 74.0, 80, { channel: 'red', score: 99 }),
        truck('passed', 75.2, 80, { channel: 'red', score: 99 }),
        truck('parked', 74.9, 0, { channel: 'red', score: 99 }),
        truck('other-road', 70.5, 80, { channel: 'red', score: 99 }, ELSEWHERE),
      ],
      { withinMinutes: 40, reachM: 2_000 },
    );
    expect(proposals.map((p) => p.tripId)).toEqual(['far-red', 'near-red-lower', 'near-yellow', 'unassessed']);
    const far = proposals[0]!;
    // 0.5 degrees of longitude at 43° is about 40.7 km: at 100 km/h, about 24 minutes.
    expect(far.etaMinutes).toBeGreaterThan(24);
    expect(far.etaMinutes).toBeLessThan(25);
    expect(far.reachM).toBeCloseTo(1_112, -1);
    expect(far.declarationId).toBe('d-far-red');
  });

  it('passes over a route that does not come within reach, and a horizon too short', () => {
    expect(proposeStops({ lat: 43.1, lon: 75 }, [truck('a', 74.9, 60, null)], { withinMinutes: 60, reachM: 2_000 })).toEqual([]);
    expect(proposeStops(TEAM, [truck('a', 74.9, 60, null)], { withinMinutes: 5, reachM: 2_000 })).toEqual([]);
  });
});
