/**
 * Letting go of finished entries: trucks that reached their lane or left the queue before a given time are taken
 * out of the state and handed back, for the store to keep in its archive. A queue that runs for months (or a
 * simulation of a million trucks) would otherwise hold every truck it ever saw. Once archived, a declaration is no
 * longer recognised as served: a repeated check-in of it would make a new entry, so archive only what is old
 * enough that its seal has long left the crossing's geofence.
 */
import type { QueueEntry } from './entry.js';
import { reason } from './reason.js';
import type { QueueState } from './state.js';
import { begin, commit, precheck, refuse, unchanged, type CommandBase, type QueueResult } from './transaction.js';

export interface ArchiveCommand extends CommandBase {
  kind: 'archive';
  /** Entries served or dropped before this instant go. */
  before: number;
}

export function archive(state: QueueState, command: Omit<ArchiveCommand, 'kind'>): QueueResult<{ archived: QueueEntry[] }> {
  const refusal = precheck(state, command);
  if (refusal !== null) return refusal;
  if (!Number.isFinite(command.before)) return refuse(state, 'BAD_TIME', 'before', 'the archive limit is not a finite time');
  const archived: QueueEntry[] = [];
  for (const entry of state.entries.values()) {
    if ((entry.status === 'served' || entry.status === 'dropped') && entry.doneAt !== null && entry.doneAt < command.before) archived.push(entry);
  }
  if (archived.length === 0) return unchanged(state, [reason('NOTHING_TO_ARCHIVE', 'no finished entry is that old')], { archived });
  const tx = begin(state, command);
  for (const entry of archived) {
    state.entries.delete(entry.id);
    if (state.byDeclaration.get(entry.declarationId) === entry.id) state.byDeclaration.delete(entry.declarationId);
    if (state.byTruck.get(entry.truckKey) === entry.id) state.byTruck.delete(entry.truckKey);
    if (entry.lookupCode !== null && state.byCode.get(entry.lookupCode) === entry.id) state.byCode.delete(entry.lookupCode);
  }
  return commit(tx, [reason('ARCHIVED', `${archived.length} finished entries handed to the archive`)], { archived });
}
