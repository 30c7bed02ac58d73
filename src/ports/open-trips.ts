/**
 * What risk needs of the tracker: the trips under way, where each is and how fast it goes (for roadside proposals),
 * and the alerts each has raised (for the trip rules). The tracker implements it (services/tracking/open-trips.ts).
 */
import type { LineString } from '../core/model/index.js';
import type { TripSummary } from '../core/risk/index.js';

export interface OpenTrip {
  tripId: string;
  declarationId: string;
  /** The planned route the truck follows. */
  route: LineString;
  /** The last fix: where the truck was, and when (ISO 8601). */
  lastPosition: { lat: number; lon: number; at: string };
  /** Recent average speed, km/h; what the arrival times along the route are estimated from. */
  speedKmh: number;
}

export interface OpenTrips {
  /** Every trip under way. */
  list(): Promise<OpenTrip[]>;
  /** The alerts raised on the declaration's trip since its seals were armed; undefined before there is a trip. */
  alertsOf(declarationId: string): Promise<TripSummary | undefined>;
}
