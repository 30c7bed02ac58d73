/**
 * What follows from the tracker's events elsewhere in the platform:
 * - an alert raised on a trip has its declaration re-assessed by risk (a higher channel then reaches the queue
 *   and the roadside teams through risk's own listeners);
 * - a seal entering the zone of its declaration's border crossing checks its truck in to that crossing's queue.
 *
 * The work runs after the tracker's call, its faults reported (see settle.ts).
 */
import type { TrackingEvent } from '../core/tracking/index.js';
import type { QueueService } from '../services/queue/queue-service.js';
import type { AssessmentService } from '../services/risk/assessment-service.js';
import type { TrackingListener } from '../services/tracking/listeners.js';
import type { Tracker } from '../services/tracking/tracker.js';
import { settler } from './settle.js';

const CROSSING_PLACE = 'crossing:';

export function trackingConsequences(
  tracker: Pick<Tracker, 'declarationOf'>,
  assessments: Pick<AssessmentService, 'reassessOnAlert'>,
  queue: Pick<QueueService, 'checkInFromSeal'>,
  onError: (error: unknown) => void = () => {},
): TrackingListener {
  const settle = settler(onError);
  return {
    alertRaised(alert) {
      const declarationId = tracker.declarationOf(alert.tripId);
      if (declarationId !== undefined) settle(assessments.reassessOnAlert(declarationId, alert.type));
    },
    events(events) {
      for (const event of events) {
        const checkIn = crossingCheckIn(event, tracker.declarationOf(event.tripId));
        if (checkIn !== undefined) settle(queue.checkInFromSeal(checkIn));
      }
    },
  };
}

function crossingCheckIn(event: TrackingEvent, declarationId: string | undefined) {
  if (event.type !== 'geofence-entered' || declarationId === undefined || event.position === null) return undefined;
  const place = event.details.placeId;
  if (typeof place !== 'string' || !place.startsWith(CROSSING_PLACE)) return undefined;
  return { crossing: place.slice(CROSSING_PLACE.length), deviceId: event.position.deviceId, declarationId };
}
