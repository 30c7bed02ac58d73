/** Open trips held in memory, set by the test: risk's view of the tracker (ports/open-trips.ts) without one. */
import type { TripAlertType, TripSummary } from '../../src/core/risk/index.js';
import type { OpenTrip, OpenTrips } from '../../src/ports/open-trips.js';

export class MemoryOpenTrips implements OpenTrips {
  private readonly trips = new Map<string, OpenTrip>();
  private readonly alerts = new Map<string, Partial<Record<TripAlertType, number>>>();

  /** Adds or replaces a trip, keyed by its declaration; its alerts start at none. */
  put(trip: OpenTrip): void {
    this.trips.set(trip.declarationId, trip);
    if (!this.alerts.has(trip.declarationId)) this.alerts.set(trip.declarationId, {});
  }

  /** Counts one more alert of `type` on the declaration's trip. */
  raise(declarationId: string, type: TripAlertType): void {
    const alerts = this.alerts.get(declarationId) ?? {};
    alerts[type] = (alerts[type] ?? 0) + 1;
    this.alerts.set(declarationId, alerts);
  }

  /** The trip has ended: it is no longer proposed, and its alerts stay readable. */
  close(declarationId: string): void {
    this.trips.delete(declarationId);
  }

  async list(): Promise<OpenTrip[]> {
    return [...this.trips.values()];
  }

  async alertsOf(declarationId: string): Promise<TripSummary | undefined> {
    const alerts = this.alerts.get(declarationId);
    return alerts === undefined ? undefined : { alerts: { ...alerts } };
  }
}
