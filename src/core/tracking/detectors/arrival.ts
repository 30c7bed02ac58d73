/**
 * Arrival: the first time the truck is in the office of destination's geofence. Raised once per trip; leaving and
 * coming back is told by the geofence events.
 */
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected } from '../events.js';
import type { Fix } from '../fix.js';
import { NOT_ARRIVED, type ArrivalState } from '../state.js';
import type { Trip } from '../trip.js';

const ON_THE_WAY = idle(NOT_ARRIVED);

/** `inside`: the places the truck is in after this fix (the geofence detector's verdict). */
export function detectArrival(state: ArrivalState, fix: Fix, trip: Trip, inside: readonly string[]): Detected<ArrivalState> {
  if (state.arrivedMs !== null || inside.length === 0 || !inside.includes(trip.destinationId)) {
    return state === NOT_ARRIVED ? ON_THE_WAY : { state, events: NO_EVENTS };
  }
  const event = trackingEvent(trip.id, 'arrived', fix.position.deviceTime, positionOf(fix.position), 'arrival.destination-geofence', {}, {
    placeId: trip.destinationId,
    durationMs: fix.ms,
    expectedDurationMs: trip.plan.expectedDurationMs,
  });
  return { state: { arrivedMs: fix.ms }, events: [event] };
}
