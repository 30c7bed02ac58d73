/**
 * Prepared routes shared by the trips on one planned route. A route's indexes (its corridor, its places) take far
 * more memory than a trip's state; on a corridor where most trucks drive a handful of gazetted routes, 20,000 open
 * trips hold a few dozen of them instead of 20,000. The core's prepareTrip checks a shared route against the plan.
 *
 * Each route counts the followed trips on it and goes when the last one does; routes prepared for a trip that was
 * never followed (a replay of a closed trip, an arming refused) go at the next sweep.
 */
import { createHash } from 'node:crypto';
import { prepareRoute, type PreparedRoute, type RoutePlan } from '../../core/tracking/index.js';

interface Entry {
  prepared: PreparedRoute;
  trips: number;
}

export class RouteCache {
  private readonly entries = new Map<string, Entry>();

  /** The prepared route of a valid plan, shared with every other trip on the same route and places. */
  get(plan: RoutePlan): PreparedRoute {
    const key = keyOf(plan);
    let entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, (entry = { prepared: prepareRoute(plan), trips: 0 }));
    return entry.prepared;
  }

  /** A trip prepared on `trip.route` is followed: the route stays while it is. A trip is a prepared route too. */
  retain(plan: RoutePlan, trip: PreparedRoute): void {
    const key = keyOf(plan);
    const entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, { prepared: trip, trips: 1 });
    else if (entry.prepared.route === trip.route) entry.trips += 1;
  }

  /** A trip retained on its route is no longer followed. */
  release(plan: RoutePlan, trip: PreparedRoute): void {
    const key = keyOf(plan);
    const entry = this.entries.get(key);
    // A trip prepared while another preparation of its route was cached never counted on this one.
    if (entry === undefined || entry.prepared.route !== trip.route) return;
    entry.trips -= 1;
    if (entry.trips <= 0) this.entries.delete(key);
  }

  /** Drops the routes no followed trip is on. */
  sweep(): void {
    for (const [key, entry] of this.entries) if (entry.trips <= 0) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function keyOf(plan: RoutePlan): string {
  const { route, origin, destination, crossing, places, stopZones, sealOpeningPlaceIds } = plan;
  return createHash('sha256')
    .update(JSON.stringify([route.coordinates, origin, destination, crossing, places, stopZones, sealOpeningPlaceIds ?? null]))
    .digest('base64url');
}
