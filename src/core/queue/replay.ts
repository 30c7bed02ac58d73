/**
 * The record a queue's log keeps, and how a queue is rebuilt from it. The log holds every command that changed
 * the state, in the order applied, and every estimate refresh with its time: refreshes change no version, but the
 * first estimate of each truck (kept for the accuracy measure) is what the refresh at that moment gave, so a queue
 * rebuilt without them would measure its accuracy against other estimates. Replayed in order from the same
 * configuration and start, the records give the same state, the same estimates and the same accuracy.
 */
import type { Issue } from '../model/issue.js';
import { applyCommand, type QueueCommand } from './commands.js';
import { refreshEstimates } from './estimates.js';
import { issue } from './reason.js';
import type { QueueState } from './state.js';

export interface RefreshRecord {
  kind: 'refresh';
  at: number;
}

export type QueueLogRecord = QueueCommand | RefreshRecord;

/**
 * Applies one record of a log being replayed. A command must be accepted and change the state by exactly one
 * version, as it did when it was logged; anything else means the log and the code disagree, reported, not hidden.
 */
export function replayRecord(state: QueueState, record: QueueLogRecord): Issue | null {
  if (record.kind === 'refresh') {
    refreshEstimates(state, record.at);
    return null;
  }
  const before = state.version;
  const result = applyCommand(state, record);
  if (!result.ok) return issue('REPLAY_REFUSED', record.kind, `the logged ${record.kind} at version ${before + 1} is refused on replay: ${result.error.message}`);
  if (state.version !== before + 1) return issue('REPLAY_DIVERGED', record.kind, `the logged ${record.kind} at version ${before + 1} left the queue at version ${state.version}`);
  return null;
}
