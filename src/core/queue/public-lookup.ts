/**
 * What a driver or anyone with the plate and the code sees: position, estimate and status, and nothing else — not
 * the declaration, the class, the channel, the reasons for a hold or who decided anything. A wrong code and an
 * unknown plate give the same answer, so the lookup cannot be used to learn which trucks are queued.
 */
import { normalisePlate, type QueueEntry } from './entry.js';
import { estimateOf } from './estimate-columns.js';
import { rank } from './sorted-list.js';
import type { QueueState } from './state.js';

export type PublicStatus = 'booked' | 'holding' | 'waiting' | 'called' | 'done';

export type PublicLookup =
  | { found: true; status: PublicStatus; position: number | null; estimatedCallAt: number | null }
  | { found: false };

const NOT_FOUND: PublicLookup = Object.freeze({ found: false });

function livePosition(state: QueueState, entry: QueueEntry): number {
  let ahead = 0;
  for (const list of state.order) ahead += rank(list, entry);
  return ahead + 1;
}

/**
 * The projection for the public: by plate (any country; spaces and dashes ignored) and the booking code or the
 * lookup code given at check-in. The position is live; the estimate is the last refresh's.
 */
export function publicLookup(state: QueueState, plate: string, code: string): PublicLookup {
  const wanted = normalisePlate(plate);
  if (wanted.length === 0 || code.length === 0) return NOT_FOUND;
  const id = state.byCode.get(code);
  const match = id === undefined ? undefined : state.entries.get(id);
  // Plates are unique within a country, not across countries; the code tells the trucks apart.
  if (match === undefined || normalisePlate(match.truck.plate) !== wanted) return NOT_FOUND;
  switch (match.status) {
    case 'booked':
      return { found: true, status: 'booked', position: null, estimatedCallAt: null };
    case 'holding':
      return { found: true, status: 'holding', position: null, estimatedCallAt: null };
    case 'waiting':
      return { found: true, status: 'waiting', position: livePosition(state, match), estimatedCallAt: estimateOf(state.estimates, match)?.callAt ?? null };
    case 'called':
      return { found: true, status: 'called', position: null, estimatedCallAt: match.calledAt };
    default:
      return { found: true, status: 'done', position: null, estimatedCallAt: null };
  }
}
