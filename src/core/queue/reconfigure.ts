/**
 * Changing a crossing's lanes and opening hours while its queue runs: the operator adds a lane, changes a lane's
 * capacity by channel, or moves the hours, at any time. A command like the others, so the store's log replays it
 * in its place.
 *
 * A lane that stays keeps its state (open or closed, busy until, the truck called to it); a new lane starts free
 * and open; a lane may go only when no truck is called to it, since that truck was told to drive there. The order
 * is the same for every lane, so nothing in it moves; the next calls and the next estimates use the new lanes.
 */
import type { OperatingHours } from '../model/places.js';
import { CHANNELS } from './channel.js';
import type { LaneConfig } from './queue-config.js';
import { validateQueueConfig } from './queue-config.js';
import { reason } from './reason.js';
import type { LaneState, QueueState } from './state.js';
import { begin, commit, precheck, refuse, record, requireReason, unchanged, type CommandBase, type QueueResult } from './transaction.js';

export interface ReconfigureCommand extends CommandBase {
  kind: 'reconfigure';
  reason: string;
  lanes: LaneConfig[];
  /** Null: open around the clock. */
  operatingHours: OperatingHours | null;
}

function laneMask(lane: LaneConfig): LaneState['mask'] {
  return [lane.capacityPerHour.green > 0, lane.capacityPerHour.yellow > 0, lane.capacityPerHour.red > 0] as const;
}

// Compared field by field, never as JSON text: a configuration read back from a store may list its keys in
// another order (PostgreSQL's jsonb does), and a replay must decide exactly as the live queue did.
function sameLanes(a: readonly LaneConfig[], b: readonly LaneConfig[]): boolean {
  return a.length === b.length && a.every((lane, i) => lane.id === b[i]!.id && CHANNELS.every((c) => lane.capacityPerHour[c] === b[i]!.capacityPerHour[c]));
}

function sameHours(a: OperatingHours | null, b: OperatingHours | null): boolean {
  return a === null || b === null ? a === b : a.open === b.open && a.close === b.close && a.timeZone === b.timeZone;
}

export function reconfigure(state: QueueState, command: Omit<ReconfigureCommand, 'kind'>): QueueResult {
  const refusal = precheck(state, command) ?? requireReason(state, command.reason);
  if (refusal !== null) return refusal;
  if (!Array.isArray(command.lanes)) return refuse(state, 'REQUIRED', 'lanes', 'the lanes are a list');
  const config = { ...state.config, lanes: command.lanes.map((lane) => ({ id: lane.id, capacityPerHour: { ...lane.capacityPerHour } })), operatingHours: command.operatingHours };
  const problem = validateQueueConfig(config)[0];
  if (problem !== undefined) return refuse(state, problem.code, problem.path, problem.message);
  const kept = new Set(config.lanes.map((lane) => lane.id));
  const busy = state.lanes.find((lane) => !kept.has(lane.id) && lane.calledEntry !== null);
  if (busy !== undefined) {
    return refuse(state, 'LANE_AWAITING_TRUCK', 'lanes', `lane ${busy.id} waits for ${busy.calledEntry}: record its arrival or no-show before removing the lane`);
  }
  if (sameLanes(config.lanes, state.config.lanes) && sameHours(config.operatingHours, state.config.operatingHours)) {
    return unchanged(state, [reason('NO_CHANGE', 'the lanes and hours are as they were')], {});
  }

  const tx = begin(state, command);
  const before = new Map(state.lanes.map((lane) => [lane.id, lane]));
  state.config = config;
  state.lanes = config.lanes.map((lane) => {
    const old = before.get(lane.id);
    return old === undefined
      ? { id: lane.id, config: lane, mask: laneMask(lane), open: true, busyUntil: tx.t, calledEntry: null }
      : { ...old, config: lane, mask: laneMask(lane) };
  });
  const summary = config.lanes.map((lane) => `${lane.id} ${lane.capacityPerHour.green}/${lane.capacityPerHour.yellow}/${lane.capacityPerHour.red}`).join(', ');
  const hours = config.operatingHours === null ? 'open around the clock' : `${config.operatingHours.open}–${config.operatingHours.close} ${config.operatingHours.timeZone}`;
  record(tx, null, 'configured', command.reason, { setting: 'lanes', lanes: summary, hours });
  return commit(tx, [reason('RECONFIGURED', `lanes (trucks an hour green/yellow/red): ${summary}; ${hours}`)], {});
}
