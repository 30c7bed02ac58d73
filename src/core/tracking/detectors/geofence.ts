/**
 * Entering and leaving the trip's reported places (offices, crossings, inspection posts). Entering is immediate;
 * leaving needs the fix to be more than `geofenceExitMarginM` outside, so a truck parked on a geofence's edge with
 * a wandering fix does not go in and out. The trip's first fix sets where the truck is without events: a trip
 * starts inside its office of departure, and leaving it is the first event worth telling.
 */
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected, type TrackingEvent } from '../events.js';
import type { Fix } from '../fix.js';
import { IN_NO_PLACE, type GeofenceState } from '../state.js';
import type { Trip } from '../trip.js';

const RULE = 'geofence.membership';
const NOWHERE = idle(IN_NO_PLACE);

export function detectGeofences(state: GeofenceState, fix: Fix, trip: Trip): Detected<GeofenceState> {
  const p = fix.position;
  const places = trip.places;
  const unchanged = state === IN_NO_PLACE ? NOWHERE : { state, events: NO_EVENTS };
  // Nearly every fix is on the road between places: settled by the boxes alone, without allocating.
  if (state.inside.length === 0 && !places.inAnyBox(p.lon, p.lat)) return unchanged;
  const containing = places.containing(p.lon, p.lat);
  if (containing.length === 0 && state.inside.length === 0) return unchanged;
  const margin = trip.thresholds.geofenceExitMarginM;
  const params = { geofenceExitMarginM: margin };
  const events: TrackingEvent[] = [];
  const kept = new Set<number>(containing);
  for (const id of state.inside) {
    const index = places.indexOf(id);
    if (index < 0 || kept.has(index)) continue;
    if (places.distanceOutsideM(index, p.lon, p.lat, margin) <= margin) {
      kept.add(index);
      continue;
    }
    events.push(trackingEvent(trip.id, 'geofence-left', p.deviceTime, positionOf(p), RULE, params, { placeId: id, kind: trip.placeKinds[index]! }, id));
  }
  if (!fix.first) {
    for (const index of containing) {
      const id = places.id(index);
      if (state.inside.includes(id)) continue;
      events.push(trackingEvent(trip.id, 'geofence-entered', p.deviceTime, positionOf(p), RULE, params, { placeId: id, kind: trip.placeKinds[index]! }, id));
    }
  }
  const inside = [...kept].sort((a, b) => a - b).map((i) => places.id(i));
  const same = inside.length === state.inside.length && inside.every((id, i) => id === state.inside[i]);
  return { state: same ? state : inside.length === 0 ? IN_NO_PLACE : { inside }, events: events.length > 0 ? events : NO_EVENTS };
}
