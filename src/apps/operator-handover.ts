/**
 * What the tracker's news means for the other countries' operators: an ETA at the crossing within the lead time sends
 * the next operator a transit notice, a border crossed hands tracking over, an alarm is forwarded along the route, and
 * the positions taken for a transit handed over go on to the operator tracking it.
 * As in tracking-consequences.ts, it resolves once the work is done, and a refusal on purpose (a peer not
 * configured) is the answer, not a fault.
 */
import type { NewsHandler } from '../ports/tracking-news.js';
import type { TransitHandover } from '../services/operators/transit-handover.js';
import type { TrackingListener } from '../services/tracking/listeners.js';
import { answered } from './settle.js';

type Handover = Pick<TransitHandover, 'etaChanged' | 'crossed' | 'alertRaised' | 'positionsTaken'>;

/**
 * `forwardOnNews`: across processes, where positions are told live only and no consumer group gets them, a moved
 * estimate or an event of the trip is what moves its positions on (forwarding reads them from the store after the
 * last ones sent, so any news of the trip serves). In one process `positionsForwarding` does it as they are taken.
 */
export function operatorHandover(handover: Handover, { forwardOnNews }: { forwardOnNews: boolean }): NewsHandler {
  return async (news, handled) => {
    if (news.kind === 'eta') await answered(handover.etaChanged(news.eta));
    if (news.kind === 'event' && news.event.type === 'border-crossed') await answered(handover.crossed(news.declarationId, news.event));
    if (news.kind === 'alert-raised') await answered(handover.alertRaised(news.declarationId, news.alert, handled));
    if (!forwardOnNews) return;
    if (news.kind === 'eta') await answered(handover.positionsTaken(news.eta.declarationId, news.eta.tripId));
    if (news.kind === 'event') await answered(handover.positionsTaken(news.declarationId, news.event.tripId));
  };
}

/** In one process, each batch of positions a trip took goes on at once to the operator tracking its transit. */
export function positionsForwarding(
  handover: Pick<Handover, 'positionsTaken'>,
  declarationOf: (tripId: string) => string | undefined,
  settle: (work: Promise<unknown>) => void,
): TrackingListener {
  return {
    positions(tripId) {
      const declarationId = declarationOf(tripId);
      if (declarationId !== undefined) settle(handover.positionsTaken(declarationId, tripId));
    },
  };
}
