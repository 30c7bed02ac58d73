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
import type { Position } from '../model/position.js';
import type { EtaState, LastFix } from './state.js';
import type { Trip } from './trip.js';

export interface EtaInput {
  position: Position;
  previous: LastFix | null;
  alongM: number;
  /** Distance from the route, metres: added to what is left while the truck is off it. */
  offRouteM: number;
  outsideCorridor: boolean;
  arrivedAt: number | null;
}

export function updateEta(state: EtaState, input: EtaInput, trip: Trip): EtaState {
  const t = trip.thresholds;
  const p = input.position;
  const time = p.deviceTime;
  let speed = state.speedMps;
  const prev = input.previous;
  if (prev !== null && !input.outsideCorridor && prev.speedKmh > t.stopSpeedKmh && p.speed > t.stopSpeedKmh) {
    const dt = time - prev.time;
    if (dt > 0 && dt <= t.etaMaxGapMs) {
      const observed = Math.min(t.maxSpeedKmh / 3.6, Math.max(0, input.alongM - prev.alongM) / (dt / 1000));
      speed += (1 - Math.exp(-dt / t.etaTimeConstantMs)) * (observed - speed);
    }
  }
  const effective = Math.max(speed, t.etaSpeedFloorKmh / 3.6);
  const ahead = Math.max(0, trip.route.lengthM - input.alongM) + (input.outsideCorridor ? input.offRouteM : 0);
  const crossing = trip.declaredCrossingAlongM;
  return {
    speedMps: speed,
    at: time,
    destinationAt: input.arrivedAt ?? Math.round(time + (ahead / effective) * 1000),
    crossingAt: crossing === null || input.alongM >= crossing ? null : Math.round(time + ((crossing - input.alongM) / effective) * 1000),
  };
}
