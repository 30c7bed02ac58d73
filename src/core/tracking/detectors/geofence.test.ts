import { describe, expect, it } from 'vitest';
import { offsetM } from '../../geo/index.js';
import type { Position } from '../../model/position.js';
import { findBorderCrossing, findCustomsOffice } from '../../reference/index.js';
import { createTripState, type GeofenceState } from '../state.js';
import { demoTrip, fixAt, fixOf, T0 } from '../test-support.js';
import { detectGeofences } from './geofence.js';

const trip = demoTrip('bishkek-almaty');
const bishkek = findCustomsOffice('KG100010')!.location;
const korday = findBorderCrossing('KORDAY-AKZHOL')!.location;

function at(lat: number, lon: number, i: number): Position {
  return { ...fixAt(trip, 0, T0 + i * 60_000), lat, lon };
}

function run(points: Array<{ lat: number; lon: number }>, from: GeofenceState = createTripState(trip).geofences, first = true) {
  let state = from;
  const events: Array<[string, unknown]> = [];
  points.forEach((p, i) => {
    const position = at(p.lat, p.lon, i);
    const r = detectGeofences(state, fixOf(trip, position, first && i === 0), trip);
    state = r.state;
    for (const e of r.events) events.push([e.type, e.details['placeId']]);
  });
  return { state, events };
}

describe('geofence enter and leave', () => {
  it('takes the first fix as where the trip starts, without events, and reports leaving the office', () => {
    const r = run([bishkek, offsetM(bishkek, 200, 0), offsetM(bishkek, 5_000, 0)]);
    expect(r.events).toEqual([['geofence-left', 'office:KG100010']]);
    expect(r.state.inside).toEqual([]);
  });

  it('reports entering a crossing and leaving it', () => {
    const r = run([offsetM(korday, -5_000, 0), offsetM(korday, -1_000, 0), korday, offsetM(korday, 3_000, 0)]);
    expect(r.events).toEqual([
      ['geofence-entered', 'crossing:KORDAY-AKZHOL'],
      ['geofence-left', 'crossing:KORDAY-AKZHOL'],
    ]);
  });

  it('does not leave while the fix wanders within the exit margin of the edge', () => {
    // The hexagon's flat side is ~1.3 km from the centre due north; fixes around it, never 30 m beyond.
    const edge = 1_299;
    const wander = [korday, ...Array.from({ length: 20 }, (_, i) => offsetM(korday, edge + (i % 2 === 0 ? 15 : -15), 0))];
    expect(run(wander).events).toEqual([]);
  });

  it('keeps the same state object while the truck is in no place', () => {
    const empty = createTripState(trip).geofences;
    const position = at(43.1, 75.5, 0);
    expect(detectGeofences(empty, fixOf(trip, position, false), trip).state).toBe(empty);
  });
});
