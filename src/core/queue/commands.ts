/**
 * Every command the queue takes, as one union, and the one function that applies any of them: what the store
 * records and replays, what the API and the gateway-driven check-in send, and what the what-if simulator drives on
 * its simulated clock. The typed functions (checkIn, callNext, …) are the same thing one command at a time.
 */
import { archive, type ArchiveCommand } from './archive.js';
import { arrive, callNext, laneFreed, noShow, type ArriveCommand, type CallNextCommand, type LaneFreedCommand, type NoShowCommand } from './calling.js';
import { book, checkIn, updateDeclaration, type BookCommand, type CheckInCommand, type UpdateDeclarationCommand } from './entering.js';
import {
  hold,
  release,
  removeEntry,
  reprioritise,
  setBacklogRate,
  setLaneOpen,
  type HoldCommand,
  type ReleaseCommand,
  type RemoveCommand,
  type ReprioritiseCommand,
  type SetBacklogRateCommand,
  type SetLaneOpenCommand,
} from './staff-actions.js';
import { reconfigure, type ReconfigureCommand } from './reconfigure.js';
import type { QueueState } from './state.js';
import { refuse, type QueueResult, type Refusal } from './transaction.js';

export type QueueCommand =
  | BookCommand
  | CheckInCommand
  | UpdateDeclarationCommand
  | HoldCommand
  | ReleaseCommand
  | ReprioritiseCommand
  | RemoveCommand
  | SetBacklogRateCommand
  | SetLaneOpenCommand
  | ReconfigureCommand
  | CallNextCommand
  | ArriveCommand
  | NoShowCommand
  | LaneFreedCommand
  | ArchiveCommand;

export type CommandResult = QueueResult<object> | (Refusal & { retryAt?: number });

export function applyCommand(state: QueueState, command: QueueCommand): CommandResult {
  switch (command.kind) {
    case 'book':
      return book(state, command);
    case 'check_in':
      return checkIn(state, command);
    case 'update_declaration':
      return updateDeclaration(state, command);
    case 'hold':
      return hold(state, command);
    case 'release':
      return release(state, command);
    case 'reprioritise':
      return reprioritise(state, command);
    case 'remove':
      return removeEntry(state, command);
    case 'set_backlog_rate':
      return setBacklogRate(state, command);
    case 'set_lane_open':
      return setLaneOpen(state, command);
    case 'reconfigure':
      return reconfigure(state, command);
    case 'call_next':
      return callNext(state, command);
    case 'arrive':
      return arrive(state, command);
    case 'no_show':
      return noShow(state, command);
    case 'lane_freed':
      return laneFreed(state, command);
    case 'archive':
      return archive(state, command);
    default:
      return refuse(state, 'UNKNOWN_COMMAND', 'kind', `unknown command ${(command as { kind?: unknown }).kind}`);
  }
}
