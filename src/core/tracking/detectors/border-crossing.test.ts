import { describe, expect, it } from 'vitest';
import { createTripState, type CountryState } from '../state.js';
import { demoTrip, fixAt, fixOf, T0 } from '../test-support.js';
import { detectBorderCrossing } from './border-crossing.js';

const trip = demoTrip('bishkek-almaty');

function run(codes: Array<string | null>, from: CountryState = createTripState(trip).country) {
  let state = from;
  const events: Array<Record<string, unknown>> = [];
  codes.forEach((code, i) => {
    const r = detectBorderCrossing(state, fixOf(trip, fixAt(trip, 15_000 + i * 500, T0 + i * 60_000)), trip, code);
    state = r.state;
    events.push(...r.events.map((e) => ({ type: e.type, ...e.details })));
  });
  return { state, events };
}

describe('border crossing', () => {
  it('sets the first country silently and confirms a change after two fixes in the new country', () => {
    const r = run(['KG', 'KG', 'KZ', 'KZ', 'KZ']);
    expect(r.events).toEqual([
      { type: 'border-crossed', from: 'KG', to: 'KZ', since: T0 + 2 * 60_000, nearestCrossingId: 'crossing:KORDAY-AKZHOL', fromNearestCrossingM: Math.round(Math.abs(trip.crossingsOnRoute[0]!.alongM - 16_500)) },
    ]);
    expect(r.state.code).toBe('KZ');
  });

  it('raises nothing for a truck whose fixes flap across the line while it queues', () => {
    expect(run(['KG', 'KZ', 'KG', 'KZ', 'KG', 'KZ', 'KG']).events).toEqual([]);
  });

  it('takes a fix in no country as no evidence either way', () => {
    expect(run(['KG', 'KZ', null, 'KZ']).events.map((e) => e['type'])).toEqual(['border-crossed']);
    expect(run([null, null]).state.code).toBeNull();
  });
});
