/**
 * The order of waiting trucks: one sorted list per (class, stream, channel), 4 × 2 × 3 = 24 lists, each in
 * (orderKey, seq) order. The order as a whole is the merge of the lists by the same key, and the next truck for a
 * lane is the least head among the lists that lane may take from: the lane's channels, and the backlog stream only
 * when a release token is there. That choice, chooseCall, is the one function both callNext and the estimates'
 * plan use, so the plan predicts exactly what the calls will do.
 */
import { isBefore, type Ordered } from './ageing.js';
import { CHANNELS, channelIndex, type Channel } from './channel.js';
import type { QueueEntry, Stream } from './entry.js';
import { classIndex, PRIORITY_CLASSES, type PriorityClass } from './priority-class.js';
import { createSortedList, first, insert, rank, remove, type SortedList } from './sorted-list.js';

export const STREAMS: readonly Stream[] = ['booked', 'backlog'];
export const LIST_COUNT = PRIORITY_CLASSES.length * STREAMS.length * CHANNELS.length;

export type QueueOrder = SortedList<QueueEntry>[];

export function createOrder(): QueueOrder {
  return Array.from({ length: LIST_COUNT }, () => createSortedList<QueueEntry>());
}

export function listIndex(priorityClass: PriorityClass, stream: Stream, channel: Channel): number {
  return (classIndex(priorityClass) * 2 + (stream === 'booked' ? 0 : 1)) * 3 + channelIndex(channel);
}

export function listClass(list: number): PriorityClass {
  return PRIORITY_CLASSES[Math.floor(list / 6)]!;
}

export function listStream(list: number): Stream {
  return Math.floor(list / 3) % 2 === 0 ? 'booked' : 'backlog';
}

export function listChannel(list: number): Channel {
  return CHANNELS[list % 3]!;
}

export function addToOrder(order: QueueOrder, entry: QueueEntry): void {
  insert(order[listIndex(entry.priorityClass, entry.stream, entry.channel)]!, entry);
}

export function removeFromOrder(order: QueueOrder, entry: QueueEntry): boolean {
  return remove(order[listIndex(entry.priorityClass, entry.stream, entry.channel)]!, entry);
}

export function orderSize(order: QueueOrder): number {
  let size = 0;
  for (const list of order) size += list.size;
  return size;
}

export function heads(order: QueueOrder): Array<QueueEntry | undefined> {
  return order.map((list) => first(list));
}

/** Trucks before a position in the whole order, per list. */
export function ranksBefore(order: QueueOrder, at: Ordered): number[] {
  return order.map((list) => rank(list, at));
}

/** Which channels a lane takes, by channel index. */
export type LaneMask = readonly [boolean, boolean, boolean];

export interface CallChoice {
  /** The list whose head to call; -1 when none. */
  list: number;
  /** True when the lane could take a backlog truck but has no release token for it. */
  waitingForToken: boolean;
  /** The least head the lane could take had it a token, when that is not the one chosen. */
  passedOver: number;
}

/**
 * The truck a lane calls: the first in the order among the heads it may take. Without a release token, backlog
 * trucks are passed over for the first booked one; with none, the lane waits for the token.
 */
export function chooseCall(listHeads: ReadonlyArray<QueueEntry | undefined>, mask: LaneMask, tokenAvailable: boolean): CallChoice {
  let best = -1;
  let bestAny = -1;
  let bestEntry: QueueEntry | undefined;
  let bestAnyEntry: QueueEntry | undefined;
  for (let list = 0; list < LIST_COUNT; list++) {
    if (!mask[list % 3]) continue;
    const head = listHeads[list];
    if (head === undefined) continue;
    if (bestAnyEntry === undefined || isBefore(head, bestAnyEntry)) {
      bestAny = list;
      bestAnyEntry = head;
    }
    const booked = Math.floor(list / 3) % 2 === 0;
    if ((booked || tokenAvailable) && (bestEntry === undefined || isBefore(head, bestEntry))) {
      best = list;
      bestEntry = head;
    }
  }
  return {
    list: best,
    waitingForToken: best === -1 && bestAny !== -1,
    passedOver: bestAny !== best ? bestAny : -1,
  };
}
