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
 * Results go into the estimate columns (estimate-columns.ts; read them with estimateOf), the first estimate of each
 * truck kept for accuracy. They are derived data: a refresh changes no version. The passes read the keys the order's
 * chunks keep and write the columns by slot, never touching the entries, whose scattered objects would cost a cache
 * miss each.
 */
import { advanceMeter, paceOf, type Pace } from './flow.js';
import { bestOfAll, chooseCall, emptyHeadKeys, LIST_COUNT, listStream, setHeadKey, WAIT_FOR_TOKEN, type QueueOrder } from './order.js';
import { columnGet, columnSet } from './slot-column.js';
import { serviceMs } from './queue-config.js';
import { iso, reason, type Reason } from './reason.js';
import { openLaneCount, scheduleOf, type QueueState } from './state.js';
import { consumeToken, hasToken, tokenReadyAt } from './token-bucket.js';

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
  // Advanced on a copy: a look at the pace changes nothing of the queue.
  const meter = { ...state.flow };
  advanceMeter(meter, Math.max(now, state.flow.at), tau, waiting, lanes, scheduleOf(state));
  return paceOf(meter, now, tau, lanes);
}

/**
 * A walk over the order's lists without taking anything out: per list a chunk and an index, and the heads' keys for
 * chooseCall. It reads the keys and slots the chunks keep beside their entries, never the entries themselves.
 */
class OrderWalk {
  readonly heads = emptyHeadKeys();
  private readonly chunk = new Int32Array(LIST_COUNT);
  private readonly index = new Int32Array(LIST_COUNT);

  constructor(private readonly order: QueueOrder) {
    for (let list = 0; list < LIST_COUNT; list++) this.load(list);
  }

  private load(list: number): void {
    const chunk = this.order[list]!.chunks[this.chunk[list]!];
    const i = this.index[list]!;
    setHeadKey(this.heads, list, chunk === undefined ? Infinity : chunk.keys[i]!, chunk === undefined ? Infinity : chunk.seqs[i]!);
  }

  /** The slot of the list's current head. */
  slot(list: number): number {
    return this.order[list]!.chunks[this.chunk[list]!]!.slots[this.index[list]!]!;
  }

  step(list: number): void {
    const chunks = this.order[list]!.chunks;
    const i = this.index[list]! + 1;
    if (i >= chunks[this.chunk[list]!]!.keys.length) {
      this.chunk[list] = this.chunk[list]! + 1;
      this.index[list] = 0;
    } else {
      this.index[list] = i;
    }
    this.load(list);
  }
}

/** Positions 1..n in the order: a merge of the 24 lists by (orderKey, seq). Clears the previous estimates. */
function assignPositions(state: QueueState, now: number): number {
  const walk = new OrderWalk(state.order);
  const { position: positions, callAt, madeAt } = state.estimates;
  let position = 0;
  for (;;) {
    const best = bestOfAll(walk.heads);
    if (best < 0) return position;
    const slot = walk.slot(best);
    columnSet(positions, slot, ++position);
    columnSet(callAt, slot, NaN);
    columnSet(madeAt, slot, now);
    walk.step(best);
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

  const walk = new OrderWalk(state.order);
  const { callAt, firstCallAt, firstMadeAt } = state.estimates;
  // A copy: the plan spends tokens the real bucket still has.
  const bucket = { ...state.bucket };
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
    const list = chooseCall(walk.heads, lanes[k]!.mask, hasToken(bucket, t));
    if (list < 0) {
      const ready = list === WAIT_FOR_TOKEN ? tokenReadyAt(bucket, t) : Infinity;
      if (Number.isFinite(ready)) free[k] = schedule.nextOpen(ready);
      else active[k] = false;
      continue;
    }
    const slot = walk.slot(list);
    columnSet(callAt, slot, t);
    if (Number.isNaN(columnGet(firstCallAt, slot))) {
      columnSet(firstCallAt, slot, t);
      columnSet(firstMadeAt, slot, now);
    }
    estimated++;
    lastCallAt = t;
    if (listStream(list) === 'backlog') {
      consumeToken(bucket, t);
      backlogClearedAt = t;
    }
    free[k] = schedule.nextOpen(t + service[k]![list % 3]!);
    walk.step(list);
  }

  if (estimated < waiting) {
    const stopped = bucket.ratePerHour === 0 ? 'the backlog release rate is 0' : 'no open lane takes their channel';
    reasons.push(reason('NOT_ESTIMATED', `${waiting - estimated} trucks have no estimate: ${stopped}`));
  }
  if (lastCallAt !== null) reasons.push(reason('PLAN', `at this pace the last waiting truck is called at ${iso(lastCallAt)}`));
  return { at: now, waiting, estimated, pace, lastCallAt, backlogClearedAt, reasons };
}
