/**
 * Reads, deciding nothing, the memory a `step` of this trip on this input reads first — the state's slices, the
 * route around the last segment, the country cell — and returns a number of no meaning.
 *
 * Why: with tens of thousands of open trips, nothing of a trip is still in the processor's cache when its next
 * position comes, and a step then waits on a dozen memory reads one after another. A tracker that takes positions
 * in batches calls this for every input of a batch before stepping them: the reads of different trips do not
 * depend on each other, so the processor fetches them all at once, and the steps then find their data in cache.
 * Pure; calling it or not changes nothing but speed.
 */
import type { TrackingInput } from './pipeline.js';
import type { TripState } from './state.js';
import type { Trip } from './trip.js';

export function prefetchStep(trip: Trip, state: TripState, input: TrackingInput): number {
  let sum = state.receivedMs + state.segment + state.etaSpeedMmps + state.countryCell + trip.corridorWidthM + trip.openedAt;
  if (input.kind !== 'position') return sum;
  const p = input.position;
  if (trip.route.touch !== undefined) sum += trip.route.touch(state.segment);
  // The country grid is read only when the truck has left the last whole cell.
  const countries = trip.countries;
  if (countries !== null && (countries.cellOf(p.lon, p.lat) !== state.countryCell || countries.gridId !== state.countryGrid)) {
    sum += countries.touch(p.lon, p.lat);
  }
  return sum;
}
