/**
 * What follows from the tracker's news elsewhere in the platform:
 * - an alert raised on a trip has its declaration re-assessed by risk (a higher channel then reaches the queue
 *   and the roadside teams through risk's own listeners);
 * - a seal entering the zone of its declaration's border crossing checks its truck in to that crossing's queue.
 *
 * Resolves once the work is done (or refused on purpose, see settle.ts), so a consumer of the bus acknowledges the
 * news only then. Each keeps the news' handled mark with what it stores (see services/tracking/handled-once.ts).
 */
import type { TrackingEvent } from '../core/tracking/index.js';
import type { NewsHandler } from '../ports/tracking-news.js';
import type { QueueService } from '../services/queue/queue-service.js';
import type { AssessmentService } from '../services/risk/assessment-service.js';
import { answered } from './settle.js';

const CROSSING_PLACE = 'crossing:';

export function trackingConsequences(
  assessments: Pick<AssessmentService, 'reassessOnAlert'>,
  queue: Pick<QueueService, 'checkInFromSeal'>,
): NewsHandler {
  return async (news, handled) => {
    if (news.kind === 'alert-raised') await answered(assessments.reassessOnAlert(news.declarationId, news.alert.type, handled));
    if (news.kind !== 'event') return;
    const checkIn = crossingCheckIn(news.event, news.declarationId);
    if (checkIn !== undefined) await answered(queue.checkInFromSeal(checkIn, handled));
  };
}

function crossingCheckIn(event: TrackingEvent, declarationId: string) {
  if (event.type !== 'geofence-entered' || event.position === null) return undefined;
  const place = event.details.placeId;
  if (typeof place !== 'string' || !place.startsWith(CROSSING_PLACE)) return undefined;
  return { crossing: place.slice(CROSSING_PLACE.length), deviceId: event.position.deviceId, declarationId };
}
