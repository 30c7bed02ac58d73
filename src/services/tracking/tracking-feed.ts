/**
 * Listeners of the tracker's news, each told in turn; one that throws is reported and the others are still told.
 * The tracker tells its own listeners through one; the live stream watches another, which the tracker feeds in one
 * process and the bus feeds in `corridor api` (which follows no trips itself).
 */
import type { TrackingListener } from './listeners.js';

export class TrackingFeed {
  private readonly listeners = new Set<TrackingListener>();

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  subscribe(listener: TrackingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  announce(call: (listener: TrackingListener) => void): void {
    for (const listener of this.listeners) {
      try {
        call(listener);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  /** Hands on everything it is told to this feed's listeners. */
  readonly relay: TrackingListener = {
    alertRaised: (alert) => this.announce((l) => l.alertRaised?.(alert)),
    alertChanged: (alert) => this.announce((l) => l.alertChanged?.(alert)),
    etaChanged: (eta) => this.announce((l) => l.etaChanged?.(eta)),
    events: (events) => this.announce((l) => l.events?.(events)),
    positions: (tripId, positions) => this.announce((l) => l.positions?.(tripId, positions)),
  };
}
