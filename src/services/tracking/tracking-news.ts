/**
 * The tracker's news as bus items and back (see ports/tracking-news.ts): each item made with the id it has whenever
 * it is told again, and an item told to listeners as the tracker itself would tell them.
 */
import type { Position } from '../../core/model/index.js';
import type { TrackingEvent } from '../../core/tracking/index.js';
import type { DurableNews, TrackingNews, TripEta } from '../../ports/tracking-news.js';
import type { Alert } from '../../ports/tracking-store.js';
import type { TrackingListener } from './listeners.js';

export const eventNews = (event: TrackingEvent, declarationId: string): DurableNews => ({ kind: 'event', id: event.id, declarationId, event });

export const alertRaisedNews = (alert: Alert, declarationId: string): DurableNews => ({ kind: 'alert-raised', id: `alert:${alert.id}:raised`, declarationId, alert });

/** A change is told again with the same id: the alert's time of change, status and count name it. */
export const alertChangedNews = (alert: Alert, declarationId: string): DurableNews => ({
  kind: 'alert-changed',
  id: `alert:${alert.id}:${alert.updatedAt}:${alert.status}:${alert.occurrences}`,
  declarationId,
  alert,
});

export const etaNews = (eta: TripEta): DurableNews => ({ kind: 'eta', id: `eta:${eta.tripId}:${eta.destinationAt}:${eta.crossingAt ?? '-'}`, eta });

export function positionsNews(tripId: string, positions: readonly Position[]): TrackingNews {
  const last = positions[positions.length - 1]!;
  return { kind: 'positions', id: `positions:${tripId}:${last.deviceId}:${last.deviceTime}:${last.receivedTime}`, tripId, positions: [...positions] };
}

/** Tells `listener` an item as the tracker tells its listeners. */
export function announceNews(news: TrackingNews, listener: TrackingListener): void {
  switch (news.kind) {
    case 'event':
      return listener.events?.([news.event]);
    case 'alert-raised':
      return listener.alertRaised?.(news.alert);
    case 'alert-changed':
      return listener.alertChanged?.(news.alert);
    case 'eta':
      return listener.etaChanged?.(news.eta);
    case 'positions':
      return listener.positions?.(news.tripId, news.positions);
  }
}

/**
 * A listener that hands on what the tracker tells as durable items, with each trip's declaration from `declarationOf`
 * (news of a trip it cannot name is passed over). Positions are not handed on: they are not durable news (the one
 * consumer that follows them in one process listens to them itself, see apps/operator-handover.ts).
 */
export function newsListener(declarationOf: (tripId: string) => string | undefined, deliver: (news: DurableNews) => void): TrackingListener {
  const withDeclaration = (tripId: string, make: (declarationId: string) => DurableNews) => {
    const declarationId = declarationOf(tripId);
    if (declarationId !== undefined) deliver(make(declarationId));
  };
  return {
    events(events) {
      for (const event of events) withDeclaration(event.tripId, (declarationId) => eventNews(event, declarationId));
    },
    alertRaised(alert) {
      withDeclaration(alert.tripId, (declarationId) => alertRaisedNews(alert, declarationId));
    },
    alertChanged(alert) {
      withDeclaration(alert.tripId, (declarationId) => alertChangedNews(alert, declarationId));
    },
    etaChanged(eta) {
      deliver(etaNews(eta));
    },
  };
}
