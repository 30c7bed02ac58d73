import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, resolveThresholds } from './thresholds.js';
import { openAlarms, createTripState } from './state.js';
import { demoPlan, demoTrip } from './test-support.js';
import { prepareTrip, TripPlanError, validateTripPlan } from './trip.js';

describe('trip plans', () => {
  it('prepares a demo plan: route, places, crossings on the route and the planned speed', () => {
    const trip = demoTrip('bishkek-chelyabinsk');
    expect(trip.route.lengthM).toBeGreaterThan(2_000_000);
    // Korday on the way, then Troitsk, the declared crossing.
    expect(trip.crossingsOnRoute.map((c) => c.id)).toEqual(['crossing:KORDAY-AKZHOL', 'crossing:TROITSK-KAIRAK']);
    expect(trip.declaredCrossingAlongM).toBe(trip.crossingsOnRoute[1]!.alongM);
    expect(trip.plannedSpeedMps * 3.6).toBeCloseTo(60, 6);
    expect(trip.openingPlaces.map((i) => trip.places.id(i))).toEqual(['office:KG100010', 'office:10504010']);
  });

  it('lists every problem of a bad plan with a code and a path', () => {
    const plan = demoPlan('bishkek-almaty', {
      id: '',
      sealIds: [],
      corridorWidthM: 0,
      expectedDurationMs: -1,
      route: { type: 'LineString', coordinates: [[74, 43], [74, 43], [200, 43]] },
      places: [demoPlan('bishkek-almaty').origin],
      sealOpeningPlaceIds: ['nowhere'],
      thresholds: { maxStopMs: -5 },
    });
    const codes = validateTripPlan(plan).map((i) => `${i.code} ${i.path}`);
    expect(codes).toEqual([
      'TRIP_ID_EMPTY id',
      'SEALS_EMPTY sealIds',
      'ROUTE_POINT_INVALID route.coordinates[2]',
      'ROUTE_TOO_SHORT route.coordinates',
      'CORRIDOR_WIDTH_INVALID corridorWidthM',
      'DURATION_INVALID expectedDurationMs',
      'PLACE_ID_DUPLICATE places[0].id',
      'OPENING_PLACE_UNKNOWN sealOpeningPlaceIds[0]',
      'THRESHOLD_INVALID thresholds',
    ]);
    expect(() => prepareTrip(plan)).toThrow(TripPlanError);
  });

  it('resolves thresholds over the defaults and refuses unknown or negative ones', () => {
    expect(resolveThresholds({ maxStopMs: 1 }).maxStopMs).toBe(1);
    expect(resolveThresholds().corridorLeaveFixes).toBe(DEFAULT_THRESHOLDS.corridorLeaveFixes);
    expect(() => resolveThresholds({ nonsense: 1 } as never)).toThrow(RangeError);
    expect(() => resolveThresholds({ maxSpeedKmh: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });

  it('opens a state with the seal armed, nothing seen and no alarm', () => {
    const trip = demoTrip('bishkek-almaty');
    const state = createTripState(trip);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(openAlarms(state)).toEqual([]);
    expect(state.receivedMs).toBe(0);
  });
});
