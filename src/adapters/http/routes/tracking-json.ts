/** Trips, events and alerts as the API writes them: instants as ISO 8601 UTC, the rest as stored. */
import type { EventPosition, TrackingEvent } from '../../../core/tracking/index.js';
import type { Alert } from '../../../ports/tracking-store.js';
import type { TripView } from '../../../services/tracking/trip-service.js';

/** An instant in ms as ISO 8601; a device time beyond what a Date holds (a broken device clock) as null. */
export function isoOf(ms: number | null): string | null {
  if (ms === null) return null;
  const time = new Date(ms);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

function positionOf(position: EventPosition | null) {
  return position === null ? null : { ...position, deviceTime: isoOf(position.deviceTime) };
}

/** The trip with its state and ETA; the plan (route, places) only when asked, as it is large. */
export function tripJson(view: TripView, withPlan: boolean) {
  const { plan, ...trip } = view.trip;
  const progress = view.progress && {
    ...view.progress,
    lastFix: view.progress.lastFix && { ...view.progress.lastFix, at: isoOf(view.progress.lastFix.at) },
    arrivedAt: isoOf(view.progress.arrivedAt),
  };
  const eta = view.eta && { destinationAt: isoOf(view.eta.destinationAt), crossingAt: isoOf(view.eta.crossingAt), speedKmh: view.eta.speedKmh };
  return {
    ...trip,
    corridorWidthM: plan.corridorWidthM,
    expectedDurationMs: plan.expectedDurationMs,
    progress,
    eta,
    ...(withPlan ? { plan } : {}),
  };
}

export function eventJson(event: TrackingEvent) {
  return { ...event, at: isoOf(event.at), position: positionOf(event.position) };
}

export function alertJson(alert: Alert) {
  return {
    ...alert,
    firstSeen: isoOf(alert.firstSeen),
    lastSeen: isoOf(alert.lastSeen),
    endedAt: isoOf(alert.endedAt),
    position: positionOf(alert.position),
  };
}
