/**
 * The order of waiting trucks: one sorted list per (class, stream, channel), 4 × 2 × 3 = 24 lists, each in
 * (orderKey, seq) order. The order as a whole is the merge of the lists by the same key, and the next truck for a
 * lane is the least head among the lists that lane may take from: the lane's channels, and the backlog stream only
 * when a release token is there. That choice, chooseCall, is the one function both callNext and the estimates'
 * plan use, so the plan predicts exactly what the calls will do.
 */
import { CHANNELS, channelIndex, type Channel } from './channel.js';
import type { QueueEntry, Stream } from './entry.js';
import { classIndex, PRIORITY_CLASSES, type PriorityClass } from './priority-class.js';
import { createSortedList, first, insert, remove, type SortedList } from './sorted-list.js';

/** Four classes, two streams (booked, backlog), three channels. */
export const LIST_COUNT = PRIORITY_CLASSES.length * 2 * CHANNELS.length;

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

/**
 * The lists' heads as numbers: key and sequence number per list, Infinity for an empty list, and for each of the
 * six groups of lists of one stream and channel the list with the least head among its four classes. Choosing
 * between heads then reads a few small typed arrays instead of two dozen entries scattered over the heap, and
 * moving one list on updates only its group: what keeps the estimate refresh of 100,000 trucks within its budget.
 */
export interface HeadKeys {
  key: Float64Array;
  seq: Float64Array;
  /** Per group (stream × 3 + channel, which is list % 6), its best list, or -1 when all four are empty. */
  groupBest: Int32Array;
}

const GROUPS = 6;

export function emptyHeadKeys(): HeadKeys {
  return {
    key: new Float64Array(LIST_COUNT).fill(Infinity),
    seq: new Float64Array(LIST_COUNT).fill(Infinity),
    groupBest: new Int32Array(GROUPS).fill(-1),
  };
}

/** Sets a list's head (Infinity for none) and works out its group's best again. */
export function setHeadKey(heads: HeadKeys, list: number, key: number, seq: number): void {
  heads.key[list] = key;
  heads.seq[list] = seq;
  updateGroupBest(heads, list % GROUPS);
}

function updateGroupBest(heads: HeadKeys, group: number): void {
  let best = -1;
  let bestKey = Infinity;
  let bestSeq = Infinity;
  for (let l = group; l < LIST_COUNT; l += GROUPS) {
    const k = heads.key[l]!;
    if (k < bestKey || (k === bestKey && k !== Infinity && heads.seq[l]! < bestSeq)) {
      best = l;
      bestKey = k;
      bestSeq = heads.seq[l]!;
    }
  }
  heads.groupBest[group] = best;
}

/**
 * The heads of the order's lists, written into `heads` (a fresh set unless given). A caller that needs them only
 * for the length of one call passes a scratch set it keeps: three typed arrays a call were a tenth of a
 * simulation's time.
 */
export function headKeys(order: QueueOrder, heads: HeadKeys = emptyHeadKeys()): HeadKeys {
  const { key, seq } = heads;
  for (let list = 0; list < LIST_COUNT; list++) {
    // Most of the lists are empty at any time: their size says so without reaching for a first chunk.
    const head = order[list]!.size === 0 ? undefined : first(order[list]!);
    key[list] = head === undefined ? Infinity : head.orderKey;
    seq[list] = head === undefined ? Infinity : head.seq;
  }
  // Each group's best once all heads are in, not again after each of its four lists: callNext does this per call.
  for (let group = 0; group < GROUPS; group++) updateGroupBest(heads, group);
  return heads;
}

/** The list with the least head of all; -1 when the order is empty. */
export function bestOfAll(heads: HeadKeys): number {
  let best = -1;
  for (let group = 0; group < GROUPS; group++) {
    const l = heads.groupBest[group]!;
    if (l >= 0 && (best < 0 || heads.key[l]! < heads.key[best]! || (heads.key[l] === heads.key[best] && heads.seq[l]! < heads.seq[best]!))) best = l;
  }
  return best;
}

/** Which channels a lane takes, by channel index. */
export type LaneMask = readonly [boolean, boolean, boolean];

/** chooseCall's answer when no truck the lane takes is in the order. */
export const NOTHING = -1;
/** chooseCall's answer when the lane could take only backlog trucks and has no release token. */
export const WAIT_FOR_TOKEN = -2;

/**
 * The list whose head a lane calls: the first in the order among the heads it may take. Without a release token,
 * backlog trucks are passed over for the first booked one; with none, the lane waits for the token (WAIT_FOR_TOKEN).
 */
export function chooseCall(heads: HeadKeys, mask: LaneMask, tokenAvailable: boolean): number {
  const { key, seq, groupBest } = heads;
  let best = NOTHING;
  let backlogWaits = false;
  for (let group = 0; group < GROUPS; group++) {
    const list = groupBest[group]!;
    if (list < 0 || !mask[group % 3]) continue;
    // Groups 0–2 are the booked stream's channels, 3–5 the backlog's.
    if (!tokenAvailable && group >= 3) {
      backlogWaits = true;
      continue;
    }
    if (best < 0 || key[list]! < key[best]! || (key[list] === key[best] && seq[list]! < seq[best]!)) best = list;
  }
  return best === NOTHING && backlogWaits ? WAIT_FOR_TOKEN : best;
}
