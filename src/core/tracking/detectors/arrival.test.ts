import { describe, expect, it } from 'vitest';
import { createTripState } from '../state.js';
import { demoTrip, fixAt, fixOf, T0 } from '../test-support.js';
import { detectArrival } from './arrival.js';

const trip = demoTrip('bishkek-almaty');

describe('arrival', () => {
  it('is raised the first time the truck is in the destination office, and only then', () => {
    const start = createTripState(trip).arrival;
    const p = fixAt(trip, trip.route.lengthM, T0 + 4 * 3_600_000);
    const fix = fixOf(trip, p);
    expect(detectArrival(start, fix, trip, ['crossing:KORDAY-AKZHOL']).events).toEqual([]);
    const arrived = detectArrival(start, fix, trip, ['office:KZ751000']);
    expect(arrived.events.map((e) => e.type)).toEqual(['arrived']);
    expect(arrived.events[0]!.details).toMatchObject({ placeId: 'office:KZ751000', durationMs: 4 * 3_600_000 });
    const later = fixOf(trip, { ...p, deviceTime: p.deviceTime + 60_000 });
    expect(detectArrival(arrived.state, later, trip, ['office:KZ751000']).events).toEqual([]);
  });
});
