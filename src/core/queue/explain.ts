/**
 * Why one truck is ahead of another, and why a truck stands where it does: every ordering decision explained from
 * the rule in ageing.ts (class head starts, ageing, first come first served, sequence) and the states outside the
 * order (holding, booked, called).
 */
import { effectivePriority, isBefore } from './ageing.js';
import type { QueueEntry } from './entry.js';
import { estimateOf } from './estimate-columns.js';
import { listClass } from './order.js';
import { PRIORITY_CLASSES, type PriorityClass } from './priority-class.js';
import { duration, iso, reason, type Reason } from './reason.js';
import { rank } from './sorted-list.js';
import type { QueueState } from './state.js';
import { holdingReasons } from './transaction.js';

export interface OrderExplanation {
  /** The entry ahead; null when the two cannot be ordered (unknown, or neither has a place). */
  ahead: string | null;
  reasons: Reason[];
}

/** Reasons an entry is where it is outside the order. */
function outsideReasons(entry: QueueEntry): Reason[] {
  switch (entry.status) {
    case 'holding':
      return [reason('HOLDING', `${entry.id} is holding, out of the order, and blocks nobody`), ...holdingReasons(entry)];
    case 'booked':
      return [reason('BOOKED', `${entry.id} is booked and has not arrived; it joins the order when it checks in`)];
    case 'dropped':
      return [reason('DROPPED', `${entry.id} left the queue at ${iso(entry.doneAt ?? NaN)}`)];
    case 'called':
      return [reason('CALLED', `${entry.id} was called to lane ${entry.call?.lane} at ${iso(entry.calledAt ?? NaN)}`)];
    case 'served':
      return [reason('SERVED', `${entry.id} reached its lane at ${iso(entry.doneAt ?? NaN)}`)];
    default:
      return [];
  }
}

/** Notes on how an entry's place counts, beyond class and arrival. */
function placeNotes(entry: QueueEntry): Reason[] {
  const notes: Reason[] = [];
  if (entry.classOverride !== null) {
    notes.push(reason('STAFF_PRIORITY', `${entry.id}'s class ${entry.priorityClass} was set by ${entry.classOverride.by} at ${iso(entry.classOverride.at)}: ${entry.classOverride.reason}`));
  }
  if (entry.noShows > 0) {
    notes.push(reason('MOVED_BACK', `${entry.id} missed ${entry.noShows} call(s): its place counts from its move back, ${iso(entry.queuedAt)}`));
  } else if (entry.stream === 'booked' && entry.booking !== null) {
    notes.push(reason('ON_SLOT', `${entry.id} came for its booked slot: its place counts from the slot's start, ${iso(entry.booking.slotStart)}`));
  }
  return notes;
}

const through = (entry: QueueEntry) => entry.status === 'called' || entry.status === 'served';

export function explainOrder(state: QueueState, aId: string, bId: string, now: number = state.now): OrderExplanation {
  const a = state.entries.get(aId);
  const b = state.entries.get(bId);
  if (a === undefined || b === undefined) {
    return { ahead: null, reasons: [reason('NOT_FOUND', `no entry ${a === undefined ? aId : bId}`)] };
  }
  if (a === b) return { ahead: null, reasons: [reason('SAME_ENTRY', 'the same entry')] };

  if (through(a) || through(b)) {
    if (through(a) && through(b)) {
      const first = (a.calledAt ?? Infinity) <= (b.calledAt ?? Infinity) ? a : b;
      return { ahead: first.id, reasons: [reason('CALLED_FIRST', `${first.id} was called first`), ...outsideReasons(a), ...outsideReasons(b)] };
    }
    const done = through(a) ? a : b;
    return { ahead: done.id, reasons: outsideReasons(done) };
  }
  if (a.status !== 'waiting' || b.status !== 'waiting') {
    if (a.status !== 'waiting' && b.status !== 'waiting') {
      return { ahead: null, reasons: [reason('NEITHER_IN_ORDER', 'neither truck is in the order'), ...outsideReasons(a), ...outsideReasons(b)] };
    }
    const inOrder = a.status === 'waiting' ? a : b;
    const out = inOrder === a ? b : a;
    return {
      ahead: inOrder.id,
      reasons: [reason('NOT_IN_ORDER', `${inOrder.id} is in the order and ${out.id} is not`), ...outsideReasons(out)],
    };
  }

  const [first, second] = isBefore(a, b) ? [a, b] : [b, a];
  const heads = state.config.headStarts;
  const reasons: Reason[] = [];
  if (first.priorityClass === second.priorityClass) {
    if (first.queuedAt !== second.queuedAt) {
      reasons.push(
        reason('FIRST_COME_FIRST_SERVED', `both are ${first.priorityClass}: first come, first served; ${first.id} counts from ${iso(first.queuedAt)}, ${second.id} from ${iso(second.queuedAt)}`),
      );
    } else {
      reasons.push(reason('SEQUENCE', `both are ${first.priorityClass} and count from ${iso(first.queuedAt)}: ${first.id} entered the order first`));
    }
  } else {
    const firstHead = heads[first.priorityClass];
    const secondHead = heads[second.priorityClass];
    const waitedLonger = second.queuedAt - first.queuedAt;
    if (firstHead > secondHead && waitedLonger < 0) {
      reasons.push(
        reason(
          'CLASS_HEAD_START',
          `${first.id} is ${first.priorityClass} (head start ${duration(firstHead)}), ${second.id} is ${second.priorityClass} (${duration(secondHead)}): ` +
            `the difference, ${duration(firstHead - secondHead)}, outweighs the ${duration(-waitedLonger)} ${second.id} has waited longer`,
        ),
      );
    } else if (firstHead > secondHead) {
      reasons.push(reason('CLASS_AND_ARRIVAL', `${first.id} has the better class (${first.priorityClass} against ${second.priorityClass}) and counts from earlier`));
    } else if (firstHead < secondHead) {
      reasons.push(
        reason(
          'AGEING',
          `${second.id} has the better class (${second.priorityClass}, head start ${duration(secondHead)} against ${duration(firstHead)}), ` +
            `but ${first.id} has waited ${duration(waitedLonger)} longer, more than the difference of ${duration(secondHead - firstHead)}: ageing puts it ahead`,
        ),
      );
    } else if (first.orderKey !== second.orderKey) {
      reasons.push(reason('EQUAL_HEAD_STARTS', `the two classes have the same head start; ${first.id} counts from earlier`));
    } else {
      reasons.push(reason('SEQUENCE', `equal keys: ${first.id} entered the order first`));
    }
  }
  const pFirst = effectivePriority(first.queuedAt, first.priorityClass, heads, now);
  const pSecond = effectivePriority(second.queuedAt, second.priorityClass, heads, now);
  reasons.push(
    reason(
      'EFFECTIVE_PRIORITY',
      `at ${iso(now)}, head start plus time waited: ${first.id} ${duration(pFirst)}, ${second.id} ${duration(pSecond)}; both grow at one hour an hour, so this order holds until one of them leaves`,
    ),
  );
  reasons.push(...placeNotes(first), ...placeNotes(second));
  if (first.channel !== second.channel || first.stream !== second.stream) {
    reasons.push(
      reason(
        'LANES_DECIDE_TOO',
        'the order is the same for every lane, but a lane calls only channels it takes, and a backlog truck waits for the release rate while a booked one may be called',
      ),
    );
  }
  return { ahead: first.id, reasons };
}

export interface PositionExplanation {
  entryId: string;
  status: QueueEntry['status'];
  /** 1-based place in the order; null when not in it. */
  position: number | null;
  /** Trucks ahead, by class. */
  aheadByClass: Record<PriorityClass, number>;
  /** The last refresh's estimate, while in the order. */
  estimatedCallAt: number | null;
  reasons: Reason[];
}

/** Where an entry stands and why: the trucks ahead by class and what puts each class ahead. Live, not from a refresh. */
export function explainPosition(state: QueueState, entryId: string): PositionExplanation | null {
  const entry = state.entries.get(entryId);
  if (entry === undefined) return null;
  const aheadByClass = Object.fromEntries(PRIORITY_CLASSES.map((c) => [c, 0])) as Record<PriorityClass, number>;
  if (entry.status !== 'waiting') {
    return { entryId, status: entry.status, position: null, aheadByClass, estimatedCallAt: null, reasons: outsideReasons(entry) };
  }
  let total = 0;
  state.order.forEach((list, l) => {
    const n = rank(list, entry);
    aheadByClass[listClass(l)] += n;
    total += n;
  });
  const heads = state.config.headStarts;
  const own = heads[entry.priorityClass];
  const reasons: Reason[] = [reason('POSITION', `${total} trucks are ahead in the order`)];
  for (const c of PRIORITY_CLASSES) {
    const n = aheadByClass[c];
    if (n === 0) continue;
    if (c === entry.priorityClass) reasons.push(reason('SAME_CLASS', `${n} ${c}: same class, counted from earlier`));
    else if (heads[c] > own) reasons.push(reason('BETTER_CLASS', `${n} ${c}: a head start ${duration(heads[c] - own)} longer than yours, and counting from less than that after you`));
    else reasons.push(reason('WAITED_LONGER', `${n} ${c}: a head start ${duration(own - heads[c])} shorter, but counting from more than that before you (ageing)`));
  }
  reasons.push(...placeNotes(entry));
  return { entryId, status: entry.status, position: total + 1, aheadByClass, estimatedCallAt: estimateOf(state.estimates, entry)?.callAt ?? null, reasons };
}
