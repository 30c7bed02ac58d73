/**
 * What the tracker tells those who follow it: alerts raised and changed, trips' estimated arrivals, and the
 * positions it took, and the events raised. The border queue and the risk re-assessment subscribe here; so does
 * the live stream.
 * Listeners are called after the change is stored, synchronously, and must not throw (a throw is logged and
 * ignored, so one listener cannot stop the tracker or the others).
 */
import type { Position } from '../../core/model/index.js';
import type { TrackingEvent } from '../../core/tracking/index.js';
import type { TripEta } from '../../ports/tracking-news.js';
import type { Alert } from '../../ports/tracking-store.js';

export interface TrackingListener {
  alertRaised?(alert: Alert): void;
  /** A repeat folded in, its condition ended, or an operator acted on it. */
  alertChanged?(alert: Alert): void;
  etaChanged?(eta: TripEta): void;
  /** Every event a batch or tick raised, of consequence or not (a seal entering a crossing's zone), once stored. */
  events?(events: readonly TrackingEvent[]): void;
  /** Positions of a trip the tracker took, in the order it took them. */
  positions?(tripId: string, positions: readonly Position[]): void;
}
