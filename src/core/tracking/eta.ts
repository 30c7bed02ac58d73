/**
 * Estimated arrival at the declared crossing and at the office of destination: the route length still ahead
 * divided by a recent speed. The speed is progress along the route per time between two consecutive moving fixes
 * (so detours and winding roads count as they are driven), smoothed exponentially with `etaTimeConstantMs` —
 * weighted by the time each interval covers, so a burst of close fixes does not outweigh an hour of driving —
 * and never taken below `etaSpeedFloorKmh`. Stops and gaps longer than `etaMaxGapMs` are left out of it: a driver's
 * rest says nothing about the speed on the road. It starts from the speed the plan implies.
 *
 * The estimate is for driving time only; a queue at the crossing or a daily rest ahead is the queue's and the
 * planner's to add.
 */
import type { Fix } from './fix.js';
import type { TripState } from './state.js';
import type { Trip } from './trip.js';

/** The ETA fields of the state after a located fix. */
export interface Eta {
  etaSpeedMmps: number;
  etaDestinationMs: number;
  etaCrossingMs: number | null;
}

/**
 * `before`: the state before this fix (its last location and ETA); `outsideCorridor` and `arrivedMs`: the corridor
 * and arrival verdicts after this fix.
 */
export function updateEta(before: TripState, fix: Fix, trip: Trip, outsideCorridor: boolean, arrivedMs: number | null): Eta {
  const t = trip.thresholds;
  const ms = fix.ms;
  let speedMmps = before.etaSpeedMmps;
  const previousMs = before.lastMs;
  if (previousMs !== null && !outsideCorridor && before.speedKmh > t.stopSpeedKmh && fix.position.speed > t.stopSpeedKmh) {
    const dt = ms - previousMs;
    if (dt > 0 && dt <= t.etaMaxGapMs) {
      const speed = speedMmps / 1000;
      const observed = Math.min(t.maxSpeedKmh / 3.6, Math.max(0, fix.alongM - before.alongM) / (dt / 1000));
      speedMmps = Math.round((speed + (1 - Math.exp(-dt / t.etaTimeConstantMs)) * (observed - speed)) * 1000);
    }
  }
  const effective = Math.max(speedMmps / 1000, t.etaSpeedFloorKmh / 3.6);
  // While off the route, the way back to it is part of what is left.
  const ahead = fix.remainingM + (outsideCorridor ? fix.distanceM : 0);
  const crossing = trip.declaredCrossingAlongM;
  return {
    etaSpeedMmps: speedMmps,
    etaDestinationMs: arrivedMs ?? Math.round(ms + (ahead / effective) * 1000),
    etaCrossingMs: crossing === null || fix.alongM >= crossing ? null : Math.round(ms + ((crossing - fix.alongM) / effective) * 1000),
  };
}
