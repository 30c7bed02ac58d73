/** An entry of the live queue as the store keeps it (ports/queue-store.ts). */
import { firstEstimateOf, type QueueEntry, type QueueState } from '../../core/queue/index.js';
import type { QueueEntryRow } from '../../ports/queue-store.js';

export function entryRow(state: QueueState, entry: QueueEntry, owner: string): QueueEntryRow {
  const first = firstEstimateOf(state.estimates, entry);
  return {
    id: entry.id,
    crossing: state.config.crossing,
    declarationId: entry.declarationId,
    owner,
    plate: entry.truck.plate,
    country: entry.truck.country,
    route: entry.route,
    status: entry.status,
    priorityClass: entry.priorityClass,
    channel: entry.channel,
    bookingCode: entry.booking?.code ?? null,
    slotStart: entry.booking?.slotStart ?? null,
    slotEnd: entry.booking?.slotEnd ?? null,
    lookupCode: entry.lookupCode,
    enteredAt: entry.enteredAt,
    arrivedAt: entry.arrivedAt,
    calledAt: entry.calledAt,
    doneAt: entry.doneAt,
    noShows: entry.noShows,
    // The plan's instants carry fractions of a millisecond; the store keeps whole ones.
    firstEstimate: first === null ? null : { madeAt: Math.round(first.madeAt), callAt: Math.round(first.callAt) },
  };
}
