import { describe, expect, it } from 'vitest';
import { step } from './pipeline.js';
import { createTripState, estimatedArrival, tripTime, type TripState } from './state.js';
import { demoTrip, Driver, HOUR, MINUTE } from './test-support.js';

const trip = demoTrip('almaty-chelyabinsk');

function run(driver: Driver, from: TripState = createTripState(trip)): TripState {
  let state = from;
  for (const input of driver.inputs()) state = step(trip, state, input).state;
  return state;
}

describe('ETA', () => {
  it('starts from the planned speed and converges on the speed driven', () => {
    const start = estimatedArrival(trip, createTripState(trip));
    expect(Math.abs(start.destinationAt - (trip.plan.openedAt + trip.plan.expectedDurationMs))).toBeLessThan(1_000);
    const d = new Driver(trip, 'eta').driveKm(400, 85);
    const state = run(d);
    const eta = estimatedArrival(trip, state);
    expect(eta.speedKmh).toBeGreaterThan(80);
    expect(eta.speedKmh).toBeLessThan(90);
    // Driving on at 85 km/h, the truck reaches the crossing and the office when the estimates say, to 2%.
    const now = tripTime(trip, state.lastMs!);
    const reachCrossing = now + ((trip.declaredCrossingAlongM! - state.alongM) / (85 / 3.6)) * 1000;
    const reachOffice = now + ((trip.route.lengthM - state.alongM) / (85 / 3.6)) * 1000;
    expect(Math.abs(eta.crossingAt! - reachCrossing)).toBeLessThan(0.02 * (reachCrossing - now));
    expect(Math.abs(eta.destinationAt - reachOffice)).toBeLessThan(0.02 * (reachOffice - now));
  });

  it('leaves stops out of the speed and never goes below the floor', () => {
    const d = new Driver(trip, 'eta-stop').driveKm(200, 80);
    const moving = run(d);
    d.stand(10 * HOUR, 5 * MINUTE);
    const rested = run(d);
    expect(rested.etaSpeedMmps).toBe(moving.etaSpeedMmps);
    d.driveKm(20, 8);
    const crawling = run(d);
    expect(estimatedArrival(trip, crawling).speedKmh).toBeLessThan(20);
    const left = trip.route.lengthM - crawling.alongM;
    // The state keeps progress in whole metres: the estimate agrees to a fraction of a second.
    const expected = tripTime(trip, crawling.lastMs!) + (left / (20 / 3.6)) * 1000;
    expect(Math.abs(estimatedArrival(trip, crawling).destinationAt - expected)).toBeLessThan(200);
  });

  it('drops the crossing estimate once past it and holds the arrival time once arrived', () => {
    const d = new Driver(trip, 'eta-end').drive(trip.declaredCrossingAlongM! + 5_000, 80);
    expect(run(d).etaCrossingMs).toBeNull();
    d.drive(trip.route.lengthM, 60).stand(30 * MINUTE);
    const state = run(d);
    expect(state.arrival.arrivedMs).not.toBeNull();
    expect(state.etaDestinationMs).toBe(state.arrival.arrivedMs);
  });
});
