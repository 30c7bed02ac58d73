/**
 * What really happened to each simulated truck, recorded when its trip is planned, so that a test can hold the
 * tracking engine to it: every misbehaviour with when and where, and the normal stops that must raise nothing.
 * Times are milliseconds since the Unix epoch, on the simulated clock.
 */
import type { LatLon } from '../model/geo.js';

export type StopKind =
  /** Seal armed at the office of departure, before driving off. */
  | 'departure'
  /** A driver's break of under an hour at the roadside. */
  | 'break'
  /** The daily rest, in a designated rest area. */
  | 'rest'
  /** Waiting in the queue in front of a border crossing, crawling forward between waits. */
  | 'border-queue'
  /** Border and customs control at the posts. */
  | 'border-control'
  /** At the office of destination, where the seal is opened and removed. */
  | 'arrival'
  /** A stop that belongs to a misbehaviour (door opened, cable cut, long unexplained stop, deviation). */
  | 'unplanned';

export interface StopTruth {
  kind: StopKind;
  from: number;
  to: number;
  at: LatLon;
}

export type MisbehaviourTruth =
  /** The cargo doors' lock opened outside every allowed zone, then closed again. */
  | { kind: 'door-open'; from: number; to: number; at: LatLon }
  /** A tamper alarm: the flag raised at `from`, cleared at `to`. */
  | { kind: 'tamper'; from: number; to: number; at: LatLon }
  /** The locking cable cut at `from`; it stays cut to the end of the trip. */
  | { kind: 'cable-cut'; from: number; at: LatLon }
  /** Off the corridor from `from` to `to`, as far as `farthestKm` from the planned route at `farthest`. */
  | { kind: 'deviation'; from: number; to: number; leftAt: LatLon; farthest: LatLon; farthestKm: number; rejoinedAt: LatLon }
  /** Stopped for hours on the corridor, away from every rest area, town and crossing. */
  | { kind: 'long-stop'; from: number; to: number; at: LatLon }
  /** No reports sent from `from` to `to`; the fixes taken meanwhile are sent at `to`, late, as stored data. */
  | { kind: 'signal-loss'; from: number; to: number }
  /** The battery charge fell below `thresholdPercent` at `from`. */
  | { kind: 'low-battery'; from: number; thresholdPercent: number };

export interface CrossingTruth {
  code: string;
  /** Joined the queue, about two kilometres before the posts. */
  queueFrom: number;
  /** Reached the posts. */
  controlFrom: number;
  /** Drove off after control. */
  leftAt: number;
}

export interface TruckTruth {
  truckId: string;
  deviceId: string;
  routeId: string;
  departureOffice: string;
  destinationOffice: string;
  /** The declared crossing; `crossings` lists every crossing on the way, an earlier border included. */
  crossing: string;
  /** First report: the seal armed at the office of departure. */
  armedAt: number;
  departedAt: number;
  /** Inside the office of destination. */
  arrivedAt: number;
  /** The lock opened at the office of destination: allowed, not a misbehaviour. */
  unsealedAt: number;
  /** Last report; the seal is taken off the truck after it. */
  endsAt: number;
  crossings: CrossingTruth[];
  stops: StopTruth[];
  misbehaviours: MisbehaviourTruth[];
}

/** Only what had begun by `time`: the trucks' plans with later stops and misbehaviours left out. */
export function truthUntil(truths: readonly TruckTruth[], time: number): TruckTruth[] {
  return truths
    .filter((t) => t.armedAt <= time)
    .map((t) => ({
      ...t,
      crossings: t.crossings.filter((c) => c.queueFrom <= time),
      stops: t.stops.filter((s) => s.from <= time),
      misbehaviours: t.misbehaviours.filter((m) => m.from <= time),
    }));
}
