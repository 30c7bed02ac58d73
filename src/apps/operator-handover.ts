/**
 * What the tracker's news means for the other countries' operators: an ETA at the crossing within the lead time sends
 * the next operator a transit notice, a border crossed hands tracking over, an alarm is forwarded along the route.
 * As in tracking-consequences.ts, it resolves once the work is done, and a refusal on purpose (a peer not
 * configured) is the answer, not a fault.
 */
import type { NewsHandler } from '../ports/tracking-news.js';
import type { TransitHandover } from '../services/operators/transit-handover.js';
import { answered } from './settle.js';

export function operatorHandover(handover: Pick<TransitHandover, 'etaChanged' | 'crossed' | 'alertRaised'>): NewsHandler {
  return async (news) => {
    if (news.kind === 'eta') await answered(handover.etaChanged(news.eta));
    if (news.kind === 'event' && news.event.type === 'border-crossed') await answered(handover.crossed(news.declarationId, news.event));
    if (news.kind === 'alert-raised') await answered(handover.alertRaised(news.declarationId, news.alert));
  };
}
