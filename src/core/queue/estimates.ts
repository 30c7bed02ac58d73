/**
 * Each waiting truck's estimated time of being called, and its position, for the whole queue at once.
 *
 * The estimate is a plan: the calls the lanes would make from `now` if no truck arrived, joined or left, run with the
 * very choice callNext makes (chooseCall in order.ts) on cursors over the order instead of taking trucks out. Each
 * open lane is free from `now` or the end of its current truck; the earliest-free lane (the first in the
 * configuration on a tie) calls next, at an instant the crossing is open; a backlog truck needs a release token of a
 * copy of the bucket; the lane is then busy for its nominal time for the truck's channel, multiplied by the pace
 * the measured flow gives (flow.ts). So the estimate follows the position, the channels of the trucks ahead, each
 * lane's capacity for them, the opening hours, the release rate and the recent flow.
 *
 * What it cannot know: trucks arriving with an earlier key (higher class) will go ahead, and trucks ahead may leave
 * or not show. The accuracy summary (accuracy.ts) measures how much that matters.
 *
 * One pass over the order for positions (a 24-way merge) and one for the plan: linear in the queue, no sort.
 * Results are written into the entries (estimatedCallAt, estimatePosition, estimateMadeAt; the first estimate is
 * kept for accuracy) and are derived data: a refresh changes no version.
 */
import type { QueueEntry } from './entry.js';
import { advanceFlow, paceOf, type Pace } from './flow.js';
import { chooseCall, LIST_COUNT } from './order.js';
import { serviceMs } from './queue-config.js';
import { iso, reason, type Reason } from './reason.js';
import { openLaneCount, scheduleOf, type QueueState } from './state.js';
import { hasToken, take, tokenReadyAt } from './token-bucket.js';

export interface EstimateRefresh {
  at: number;
  /** Trucks in the order. */
  waiting: number;
  /** Trucks in the order given an estimate; the rest have no lane for their channel, or the backlog is stopped. */
  estimated: number;
  pace: Pace;
  /** When the plan calls the last waiting truck; null with none. */
  lastCallAt: number | null;
  /** When the plan calls the last backlog truck; null with none. */
  backlogClearedAt: number | null;
  reasons: Reason[];
}

/** The measured pace at `now`, including the demand since the last change. */
export function currentPace(state: QueueState, now: number): Pace {
  const lanes = openLaneCount(state);
  let waiting = false;
  for (const list of state.order) if (list.size > 0) waiting = true;
  const tau = state.config.flowTimeConstantMs;
  const meter = advanceFlow(state.flow, Math.max(now, state.flow.at), tau, waiting, lanes, scheduleOf(state));
  return paceOf(meter, now, tau, lanes);
}

/** Positions 1..n in the order: a merge of the 24 lists by (orderKey, seq). Clears the previous estimates. */
function assignPositions(state: QueueState, now: number): number {
  const lists = state.order;
  const chunk = new Int32Array(LIST_COUNT);
  const index = new Int32Array(LIST_COUNT);
  const listHeads: Array<QueueEntry | undefined> = lists.map((list) => list.chunks[0]?.[0]);
  let position = 0;
  for (;;) {
    let best = -1;
    let bestKey = Infinity;
    let bestSeq = Infinity;
    for (let l = 0; l < LIST_COUNT; l++) {
      const head = listHeads[l];
      if (head === undefined) continue;
      if (head.orderKey < bestKey || (head.orderKey === bestKey && head.seq < bestSeq)) {
        best = l;
        bestKey = head.orderKey;
        bestSeq = head.seq;
      }
    }
    if (best < 0) return position;
    const entry = listHeads[best]!;
    entry.estimatePosition = ++position;
    entry.estimatedCallAt = null;
    entry.estimateMadeAt = now;
    const chunks = lists[best]!.chunks;
    let c = chunk[best]!;
    let i = index[best]! + 1;
    if (i >= chunks[c]!.length) {
      c++;
      i = 0;
    }
    chunk[best] = c;
    index[best] = i;
    listHeads[best] = chunks[c]?.[i];
  }
}

export function refreshEstimates(state: QueueState, now: number): EstimateRefresh {
  const waiting = assignPositions(state, now);
  const pace = currentPace(state, now);
  const reasons: Reason[] = [];
  if (pace.factor !== 1) {
    reasons.push(reason('PACE', `lane times × ${pace.factor.toFixed(2)}: the last hour's work ran at ${((pace.utilisation ?? 1) * 100).toFixed(0)}% of nominal while trucks waited`));
  }
  const schedule = scheduleOf(state);
  const lanes = state.lanes.filter((lane) => lane.open);
  if (lanes.length === 0) reasons.push(reason('NO_LANE_OPEN', 'every lane is closed: no estimates'));
  const free = new Float64Array(lanes.length);
  const active = lanes.map(() => true);
  // Per lane and channel, the plan's time per truck.
  const service = lanes.map((lane) => [
    serviceMs(lane.config, 'green') * pace.factor,
    serviceMs(lane.config, 'yellow') * pace.factor,
    serviceMs(lane.config, 'red') * pace.factor,
  ]);
  // Lane times are kept as the instants the lane can next call, opening hours applied, so that the earliest is the
  // one that calls (the first in the configuration on a tie), as a lane would.
  lanes.forEach((lane, k) => {
    free[k] = schedule.nextOpen(Math.max(now, lane.busyUntil));
  });

  const lists = state.order;
  const chunk = new Int32Array(LIST_COUNT);
  const index = new Int32Array(LIST_COUNT);
  const listHeads: Array<QueueEntry | undefined> = lists.map((list) => list.chunks[0]?.[0]);
  let bucket = state.bucket;
  let estimated = 0;
  let lastCallAt: number | null = null;
  let backlogClearedAt: number | null = null;

  for (;;) {
    let k = -1;
    let earliest = Infinity;
    for (let j = 0; j < lanes.length; j++) {
      if (active[j] && free[j]! < earliest) {
        earliest = free[j]!;
        k = j;
      }
    }
    if (k < 0) break;
    const t = earliest;
    const choice = chooseCall(listHeads, lanes[k]!.mask, hasToken(bucket, t));
    if (choice.list < 0) {
      const ready = choice.waitingForToken ? tokenReadyAt(bucket, t) : Infinity;
      if (Number.isFinite(ready)) free[k] = schedule.nextOpen(ready);
      else active[k] = false;
      continue;
    }
    const l = choice.list;
    const entry = listHeads[l]!;
    entry.estimatedCallAt = t;
    if (entry.firstEstimateCallAt === null) {
      entry.firstEstimateCallAt = t;
      entry.firstEstimateMadeAt = now;
    }
    estimated++;
    lastCallAt = t;
    if (entry.stream === 'backlog') {
      bucket = take(bucket, t);
      backlogClearedAt = t;
    }
    free[k] = schedule.nextOpen(t + service[k]![l % 3]!);
    const chunks = lists[l]!.chunks;
    let c = chunk[l]!;
    let i = index[l]! + 1;
    if (i >= chunks[c]!.length) {
      c++;
      i = 0;
    }
    chunk[l] = c;
    index[l] = i;
    listHeads[l] = chunks[c]?.[i];
  }

  if (estimated < waiting) {
    const stopped = bucket.ratePerHour === 0 ? 'the backlog release rate is 0' : 'no open lane takes their channel';
    reasons.push(reason('NOT_ESTIMATED', `${waiting - estimated} trucks have no estimate: ${stopped}`));
  }
  if (lastCallAt !== null) reasons.push(reason('PLAN', `at this pace the last waiting truck is called at ${iso(lastCallAt)}`));
  return { at: now, waiting, estimated, pace, lastCallAt, backlogClearedAt, reasons };
}
