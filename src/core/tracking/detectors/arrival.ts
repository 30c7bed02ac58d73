/**
 * Arrival: the first time the truck is in the office of destination's geofence. Raised once per trip; leaving and
 * coming back is told by the geofence events.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected } from '../events.js';
import type { ArrivalState } from '../state.js';
import type { Trip } from '../trip.js';

export interface ArrivalInput {
  position: Position;
  /** The places the truck is in after this fix. */
  inside: readonly string[];
}

export function detectArrival(state: ArrivalState, input: ArrivalInput, trip: Trip): Detected<ArrivalState> {
  if (state.arrivedAt !== null || !input.inside.includes(trip.destinationId)) return { state, events: NO_EVENTS };
  const at = input.position.deviceTime;
  const event = trackingEvent(trip.id, 'arrived', at, positionOf(input.position), 'arrival.destination-geofence', {}, {
    placeId: trip.destinationId,
    durationMs: at - trip.plan.openedAt,
    expectedDurationMs: trip.plan.expectedDurationMs,
  });
  return { state: { arrivedAt: at }, events: [event] };
}
