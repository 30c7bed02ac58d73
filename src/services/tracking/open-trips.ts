/**
 * The trips under way as risk and the border queue see them: where each truck was last seen and how fast it goes
 * (ports/open-trips.ts), which are on their way to a crossing and when they are expected there
 * (ports/approaching-trucks.ts), from the tracker's live states; and the alerts each declaration's trip has raised,
 * from the store.
 */
import { TRIP_ALERT_TYPES, type TripAlertType, type TripSummary } from '../../core/risk/index.js';
import { fromE6, tripTime } from '../../core/tracking/index.js';
import type { ApproachingTruck, ApproachingTrucks } from '../../ports/approaching-trucks.js';
import type { OpenTrip, OpenTrips } from '../../ports/open-trips.js';
import type { Store } from '../../ports/store.js';
import type { Tracker } from './tracker.js';

/** More alerts than this on one trip are not counted further: the rules weigh a handful. */
const MAX_ALERTS_COUNTED = 1_000;

export class TrackerOpenTrips implements OpenTrips, ApproachingTrucks {
  constructor(
    private readonly tracker: Tracker,
    private readonly store: Store,
  ) {}

  async list(): Promise<OpenTrip[]> {
    const trips: OpenTrip[] = [];
    // A trip not yet located cannot be met on the road.
    for (const { stored, trip, state, eta } of this.tracker.followed()) {
      if (state.lastMs === null) continue;
      trips.push({
        tripId: stored.id,
        declarationId: stored.declarationId,
        route: stored.plan.route,
        lastPosition: { lat: fromE6(state.latE6), lon: fromE6(state.lonE6), at: new Date(tripTime(trip, state.lastMs)).toISOString() },
        speedKmh: eta.speedKmh,
      });
    }
    return trips;
  }

  toCrossing(crossing: string): ApproachingTruck[] {
    const place = `crossing:${crossing}`;
    const trucks: ApproachingTruck[] = [];
    for (const { stored, eta } of this.tracker.followed()) {
      if (stored.plan.crossing?.id === place && eta.crossingAt !== null) trucks.push({ tripId: stored.id, declarationId: stored.declarationId, etaAt: eta.crossingAt });
    }
    return trucks.sort((a, b) => a.etaAt - b.etaAt);
  }

  async alertsOf(declarationId: string): Promise<TripSummary | undefined> {
    const { items } = await this.store.trips.list({ declarationId, limit: 1, offset: 0 });
    const trip = items[0];
    if (trip === undefined) return undefined;
    const alerts: Partial<Record<TripAlertType, number>> = {};
    const { items: raised } = await this.store.alerts.list({ tripId: trip.id, limit: MAX_ALERTS_COUNTED, offset: 0 });
    for (const alert of raised) {
      const type = TRIP_ALERT_TYPES.find((t) => t === alert.type);
      if (type !== undefined) alerts[type] = (alerts[type] ?? 0) + 1;
    }
    return { alerts };
  }
}
