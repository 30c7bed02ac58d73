import { describe, expect, it } from 'vitest';
import { step } from './pipeline.js';
import { createTripState, type TripState } from './state.js';
import { demoTrip, Driver, HOUR, MINUTE } from './test-support.js';

const trip = demoTrip('almaty-chelyabinsk');

function run(driver: Driver, from: TripState = createTripState(trip)): TripState {
  let state = from;
  for (const input of driver.inputs()) state = step(trip, state, input).state;
  return state;
}

describe('ETA', () => {
  it('starts from the planned speed and converges on the speed driven', () => {
    const start = createTripState(trip);
    expect(start.eta.destinationAt).toBe(Math.round(trip.plan.openedAt + trip.plan.expectedDurationMs));
    const d = new Driver(trip, 'eta').driveKm(400, 85);
    const state = run(d);
    expect(state.eta.speedMps * 3.6).toBeGreaterThan(80);
    expect(state.eta.speedMps * 3.6).toBeLessThan(90);
    // Driving on at 85 km/h, the truck reaches the crossing and the office when the estimates say, to 2%.
    const crossingAt = state.eta.crossingAt!;
    const destinationAt = state.eta.destinationAt;
    const reachCrossing = state.eta.at + ((trip.declaredCrossingAlongM! - state.corridor.alongM!) / (85 / 3.6)) * 1000;
    const reachOffice = state.eta.at + ((trip.route.lengthM - state.corridor.alongM!) / (85 / 3.6)) * 1000;
    expect(Math.abs(crossingAt - reachCrossing)).toBeLessThan(0.02 * (reachCrossing - state.eta.at));
    expect(Math.abs(destinationAt - reachOffice)).toBeLessThan(0.02 * (reachOffice - state.eta.at));
  });

  it('leaves stops out of the speed and never goes below the floor', () => {
    const d = new Driver(trip, 'eta-stop').driveKm(200, 80);
    const moving = run(d);
    d.stand(10 * HOUR, 5 * MINUTE);
    const rested = run(d);
    expect(rested.eta.speedMps).toBeCloseTo(moving.eta.speedMps, 6);
    d.driveKm(20, 8);
    const crawling = run(d);
    expect(crawling.eta.speedMps * 3.6).toBeLessThan(20);
    const left = trip.route.lengthM - crawling.corridor.alongM!;
    expect(crawling.eta.destinationAt).toBe(Math.round(crawling.eta.at + (left / (20 / 3.6)) * 1000));
  });

  it('drops the crossing estimate once past it and holds the arrival time once arrived', () => {
    const d = new Driver(trip, 'eta-end').drive(trip.declaredCrossingAlongM! + 5_000, 80);
    expect(run(d).eta.crossingAt).toBeNull();
    d.drive(trip.route.lengthM, 60).stand(30 * MINUTE);
    const state = run(d);
    expect(state.arrival.arrivedAt).not.toBeNull();
    expect(state.eta.destinationAt).toBe(state.arrival.arrivedAt);
  });
});
