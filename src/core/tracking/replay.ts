/**
 * Running a trip's stored positions (and, if wanted, timer ticks) through the engine again, in the order the live
 * engine took them: the order they were received (receive time, then device time, then sequence) when each came to
 * it as it was stored, as `positionInputs` gives them; otherwise the tracker's own record of the order says. So
 * replay raises the same events with the same ids as the live run did. Timer ticks are optional: a signal loss that
 * data later ended is found from the positions alone; one still open at the end needs a tick at the time the replay
 * covers up to.
 */
import type { Position } from '../model/position.js';
import type { TrackingEvent } from './events.js';
import { step, type Disposition, type TrackingInput } from './pipeline.js';
import { createTripState, type TripState } from './state.js';
import type { Trip } from './trip.js';

export interface ReplayResult {
  state: TripState;
  events: TrackingEvent[];
  /** How many inputs ended up each way. */
  dispositions: Record<Disposition, number>;
}

/** Positions in the order the engine takes them: receive time, then device time, then sequence. */
export function inReceiveOrder(positions: readonly Position[]): Position[] {
  return [...positions].sort(
    (a, b) => a.receivedTime - b.receivedTime || a.deviceTime - b.deviceTime || (a.sequence ?? 0) - (b.sequence ?? 0),
  );
}

/** Positions as inputs, in receive order. */
export function positionInputs(positions: readonly Position[]): TrackingInput[] {
  return inReceiveOrder(positions).map((position) => ({ kind: 'position', position }));
}

export function replay(trip: Trip, inputs: Iterable<TrackingInput>, from: TripState = createTripState(trip)): ReplayResult {
  let state = from;
  const events: TrackingEvent[] = [];
  const dispositions: Record<Disposition, number> = { located: 0, unlocated: 0, implausible: 0, late: 0, tick: 0, rejected: 0 };
  for (const input of inputs) {
    const result = step(trip, state, input);
    state = result.state;
    for (const event of result.events) events.push(event);
    dispositions[result.disposition] += 1;
  }
  return { state, events, dispositions };
}
