/**
 * What the tracker's news means for the other countries' operators: an ETA at the crossing within the lead time sends
 * the next operator a transit notice, a border crossed hands tracking over, an alarm is forwarded along the route, and
 * the positions taken for a transit handed over go on to the operator tracking it.
 * As in tracking-consequences.ts, the work runs after the listener returns and its failures are reported, not thrown;
 * a refusal on purpose (a peer not configured) is the answer, not a fault.
 */
import type { TrackingListener } from '../services/tracking/listeners.js';
import type { Tracker } from '../services/tracking/tracker.js';
import type { TransitHandover } from '../services/operators/transit-handover.js';
import { settler } from './settle.js';

export function operatorHandover(
  tracker: Pick<Tracker, 'declarationOf'>,
  handover: Pick<TransitHandover, 'etaChanged' | 'crossed' | 'alertRaised' | 'positionsTaken'>,
  onError: (error: unknown) => void = () => {},
): TrackingListener {
  const settle = settler(onError);
  return {
    etaChanged(eta) {
      settle(handover.etaChanged(eta));
    },
    events(events) {
      for (const event of events) {
        const declarationId = tracker.declarationOf(event.tripId);
        if (event.type === 'border-crossed' && declarationId !== undefined) settle(handover.crossed(declarationId, event));
      }
    },
    alertRaised(alert) {
      const declarationId = tracker.declarationOf(alert.tripId);
      if (declarationId !== undefined) settle(handover.alertRaised(declarationId, alert));
    },
    positions(tripId) {
      const declarationId = tracker.declarationOf(tripId);
      if (declarationId !== undefined) settle(handover.positionsTaken(declarationId, tripId));
    },
  };
}
