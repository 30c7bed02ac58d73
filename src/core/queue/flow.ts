/**
 * The measured flow of the last hour, smoothed, and the pace the estimates take from it.
 *
 * Three exponentially weighted sums with time constant τ (an hour by default), each a function of event times only,
 * so the same events give the same figures however often anyone looks:
 * - `calls`: Σ e^(-(now - tᵢ)/τ) over calls — about the calls of the last hour; × 3600 s / τ it is trucks per hour;
 * - `served`: Σ e^(-(now - tᵢ)/τ) · sᵢ / τ over trucks that reached their lane, sᵢ the lane's nominal time for the
 *   truck's channel: lane-hours of nominal work done, per hour;
 * - `demand`: ∫ e^(-(now - s)/τ) · lanes(s) ds / τ over the time the crossing was open with trucks waiting in the
 *   order: lane-hours that were there to be worked, per hour.
 *
 * Raw throughput alone would mislead: ten green trucks an hour and three red ones may be the same work, and an hour
 * with nobody waiting says nothing about the lanes' speed. So the pace compares work done with work there was to do:
 * utilisation ρ = served / demand. ρ = 1 means the lanes worked at their nominal rates while trucks waited; ρ = 0.8
 * means calls came late, trucks were slow to arrive or did not show. The estimates stretch every service time by
 * 1/ρ, limited to [0.5, 4] so one odd hour cannot make them absurd, and only in proportion to the confidence: the
 * demand observed against a full hour of every lane (which a full hour gives as lanes × (1 - 1/e)).
 *
 * Open: hours in which the release rate, not the lanes, held the calls back lower ρ too; the plan already applies
 * the rate, so the stretch then only matters if the rate is raised, and fades within the hour.
 */
import type { OpeningSchedule } from './opening-schedule.js';

const HOUR = 3_600_000;
const MIN_PACE = 0.5;
const MAX_PACE = 4;

export interface FlowMeter {
  at: number;
  calls: number;
  served: number;
  demand: number;
}

export function createFlowMeter(at: number): FlowMeter {
  return { at, calls: 0, served: 0, demand: 0 };
}

/**
 * Brings the meter to `t`, in place: sums decayed, and demand added for the open time since `at` if trucks were
 * waiting then (the waiting state and open lanes hold between two state changes, and every change advances the
 * meter first). In place because every command advances its queue's meter, a new one each time was garbage made
 * several times a truck.
 */
export function advanceMeter(
  meter: FlowMeter,
  t: number,
  tau: number,
  trucksWaiting: boolean,
  openLanes: number,
  schedule: OpeningSchedule,
): void {
  if (!(t > meter.at)) return;
  const decay = Math.exp(-(t - meter.at) / tau);
  let demand = meter.demand * decay;
  if (trucksWaiting && openLanes > 0) {
    // A crossing open around the clock has its one window without the list of windows.
    if (schedule.alwaysOpen) demand += windowDemand(openLanes, meter.at, t, t, tau);
    else for (const [a, b] of schedule.openIntervals(meter.at, t)) demand += windowDemand(openLanes, a, b, t, tau);
  }
  meter.at = t;
  meter.calls *= decay;
  meter.served *= decay;
  meter.demand = demand;
}

/** The demand of `lanes` lanes over the open window [a, b), decayed to `t`. */
function windowDemand(lanes: number, a: number, b: number, t: number, tau: number): number {
  return lanes * (Math.exp(-(t - b) / tau) - Math.exp(-(t - a) / tau));
}

/** Counts a call, in place. */
export function countCall(meter: FlowMeter): void {
  meter.calls += 1;
}

/** Counts a truck that reached its lane, by its lane's nominal time for it, in place. */
export function countServed(meter: FlowMeter, nominalServiceMs: number, tau: number): void {
  if (Number.isFinite(nominalServiceMs)) meter.served += nominalServiceMs / tau;
}

export interface Pace {
  /** Service times in the estimates are multiplied by this. */
  factor: number;
  /** Calls an hour, smoothed. */
  throughputPerHour: number;
  /** Nominal work done per work there was to do while trucks waited; null with no demand observed. */
  utilisation: number | null;
  /** 0 to 1: how much of a full hour of demand the measurement rests on. */
  confidence: number;
}

/** The pace at `t` (decaying the meter to `t` without adding demand, which the state's own advance does). */
export function paceOf(meter: FlowMeter, t: number, tau: number, lanes: number): Pace {
  const decay = t > meter.at ? Math.exp(-(t - meter.at) / tau) : 1;
  const calls = meter.calls * decay;
  const served = meter.served * decay;
  const demand = meter.demand * decay;
  const throughputPerHour = (calls * HOUR) / tau;
  if (!(demand > 0) || lanes <= 0) return { factor: 1, throughputPerHour, utilisation: null, confidence: 0 };
  const utilisation = served / demand;
  const confidence = Math.min(1, demand / (lanes * (1 - Math.exp(-1))));
  const raw = utilisation > 0 ? Math.min(MAX_PACE, Math.max(MIN_PACE, 1 / utilisation)) : MAX_PACE;
  return { factor: 1 + confidence * (raw - 1), throughputPerHour, utilisation, confidence };
}
