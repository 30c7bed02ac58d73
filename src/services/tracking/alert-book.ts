/**
 * From events to alerts. Each event of consequence (an alarm or a warning) becomes an alert, unless an unresolved
 * alert of the same fold key is open on the trip: then it folds into it (one more occurrence, the latest time and
 * position). The event ending a condition (back in the corridor, signal restored, stop ended, seal closed, battery
 * recovered) marks the alert's condition ended, and does not resolve it: an operator does, with a note. A repeat
 * after the end makes the condition current again.
 *
 * The book holds the unresolved alerts of open trips in memory, so folding reads nothing from the store.
 */
import type { TrackingEvent, TrackingEventType } from '../../core/tracking/index.js';
import type { Alert, AlertFold } from '../../ports/tracking-store.js';

/** Per seal: two seals of one trip are two conditions. */
const PER_SEAL: ReadonlySet<TrackingEventType> = new Set(['seal-opened', 'seal-tamper', 'seal-cable-cut', 'battery-low', 'seal-closed', 'battery-restored']);

/** The event that ends each condition, and the condition it ends. */
const ENDS: Partial<Record<TrackingEventType, TrackingEventType>> = {
  'seal-closed': 'seal-opened',
  'corridor-returned': 'corridor-left',
  'long-stop-ended': 'long-stop',
  'signal-restored': 'signal-lost',
  'battery-restored': 'battery-low',
};

export function foldKey(type: TrackingEventType, event: TrackingEvent): string {
  return PER_SEAL.has(type) ? `${type}:${event.position?.deviceId ?? ''}` : type;
}

/** What one batch of events did to the alerts. */
export interface AlertChanges {
  created: Alert[];
  folded: Alert[];
  folds: AlertFold[];
}

export class AlertBook {
  /** Unresolved alerts by trip, then by fold key. */
  private readonly open = new Map<string, Map<string, Alert>>();

  constructor(private readonly newId: () => string) {}

  /** Takes an unresolved alert in (when loading after a restart). */
  add(alert: Alert): void {
    let keys = this.open.get(alert.tripId);
    if (keys === undefined) this.open.set(alert.tripId, (keys = new Map()));
    keys.set(alert.foldKey, alert);
  }

  /** Forgets a resolved alert: the next event of its key opens a new one. */
  resolved(alert: Pick<Alert, 'tripId' | 'foldKey' | 'id'>): void {
    const keys = this.open.get(alert.tripId);
    if (keys?.get(alert.foldKey)?.id === alert.id) keys.delete(alert.foldKey);
  }

  /** Every unresolved alert held. */
  held(): Alert[] {
    return [...this.open.values()].flatMap((keys) => [...keys.values()]);
  }

  forgetTrip(tripId: string): void {
    this.open.delete(tripId);
  }

  clear(): void {
    this.open.clear();
  }

  /** Applies a batch's events in order; `now` stamps the alerts' updates (ISO 8601). */
  apply(events: readonly TrackingEvent[], now: string): AlertChanges {
    const created = new Map<string, Alert>();
    const folded = new Map<string, Alert>();
    for (const event of events) {
      if (event.severity !== 'info') {
        const key = foldKey(event.type, event);
        const existing = this.open.get(event.tripId)?.get(key);
        if (existing === undefined) {
          const alert = newAlert(this.newId(), key, event, now);
          this.add(alert);
          created.set(alert.id, alert);
        } else {
          existing.occurrences += 1;
          existing.lastSeen = event.at;
          existing.position = event.position;
          existing.lastEventId = event.id;
          existing.endedAt = null;
          existing.updatedAt = now;
          if (!created.has(existing.id)) folded.set(existing.id, existing);
        }
        continue;
      }
      const ended = ENDS[event.type];
      if (ended === undefined) continue;
      const existing = this.open.get(event.tripId)?.get(foldKey(ended, event));
      if (existing === undefined) continue;
      existing.endedAt = event.at;
      existing.updatedAt = now;
      if (!created.has(existing.id)) folded.set(existing.id, existing);
    }
    const folds = [...folded.values()].map(({ id, lastSeen, occurrences, endedAt, position, lastEventId, updatedAt }) => ({
      id,
      lastSeen,
      occurrences,
      endedAt,
      position,
      lastEventId,
      updatedAt,
    }));
    // Copies: the book keeps mutating its own.
    return { created: [...created.values()].map((a) => ({ ...a })), folded: [...folded.values()].map((a) => ({ ...a })), folds };
  }
}

function newAlert(id: string, foldKey: string, event: TrackingEvent, now: string): Alert {
  return {
    id,
    tripId: event.tripId,
    type: event.type,
    foldKey,
    severity: event.severity,
    status: 'open',
    firstSeen: event.at,
    lastSeen: event.at,
    occurrences: 1,
    endedAt: null,
    position: event.position,
    rule: event.rule,
    details: event.details,
    firstEventId: event.id,
    lastEventId: event.id,
    assignee: null,
    resolutionNote: null,
    createdAt: now,
    updatedAt: now,
  };
}
