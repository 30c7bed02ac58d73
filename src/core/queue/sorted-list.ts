/**
 * A list kept in (orderKey, seq) order, stored as a sequence of short sorted chunks. With 100,000 trucks a full
 * sort per operation is out of the question; chunks keep insertion, removal of any item, the head, in-order
 * traversal and rank each within a few microseconds: the right chunk is found by binary search over the chunks'
 * last keys, and only that chunk (at most 2 × CHUNK items) is spliced. Appending, the common case of a truck
 * arriving now, touches only the last chunk.
 *
 * Each chunk keeps its items' keys, sequence numbers and slots in arrays beside the items, so searching and walking
 * the order read numbers packed side by side instead of chasing a pointer to each entry: with entries scattered over
 * the heap, that is the difference between a refresh of 100,000 trucks in a few milliseconds and in a hundred.
 *
 * Plain data (arrays), so a queue state can be deep-copied with structuredClone. Items must not change their
 * orderKey or seq while in a list: take them out, change them, put them back.
 */
import type { Ordered } from './ageing.js';

const CHUNK = 512;

export interface Slotted extends Ordered {
  /** A number unique to the item, for columns of numbers beside it (slot-column.ts). */
  slot: number;
}

export interface Chunk<T extends Slotted> {
  items: T[];
  keys: number[];
  seqs: number[];
  slots: number[];
}

export interface SortedList<T extends Slotted> {
  chunks: Chunk<T>[];
  size: number;
}

export function createSortedList<T extends Slotted>(): SortedList<T> {
  return { chunks: [], size: 0 };
}

const before = (key: number, seq: number, atKey: number, atSeq: number) => key < atKey || (key === atKey && seq < atSeq);

/** Index of the first chunk whose last item is not before (key, seq); `chunks.length` when every chunk ends before. */
function chunkFor<T extends Slotted>(list: SortedList<T>, key: number, seq: number): number {
  let lo = 0;
  let hi = list.chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const chunk = list.chunks[mid]!;
    const last = chunk.keys.length - 1;
    if (before(chunk.keys[last]!, chunk.seqs[last]!, key, seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item in `chunk` that is not before (key, seq). */
function indexIn<T extends Slotted>(chunk: Chunk<T>, key: number, seq: number): number {
  let lo = 0;
  let hi = chunk.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(chunk.keys[mid]!, chunk.seqs[mid]!, key, seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function split<T extends Slotted>(list: SortedList<T>, c: number): void {
  const chunk = list.chunks[c]!;
  list.chunks.splice(c + 1, 0, {
    items: chunk.items.splice(CHUNK),
    keys: chunk.keys.splice(CHUNK),
    seqs: chunk.seqs.splice(CHUNK),
    slots: chunk.slots.splice(CHUNK),
  });
}

export function insert<T extends Slotted>(list: SortedList<T>, item: T): void {
  const key = item.orderKey;
  const seq = item.seq;
  list.size++;
  const chunks = list.chunks;
  if (chunks.length === 0) {
    chunks.push({ items: [item], keys: [key], seqs: [seq], slots: [item.slot] });
    return;
  }
  const lastChunk = chunks[chunks.length - 1]!;
  const last = lastChunk.keys.length - 1;
  let c: number;
  if (before(lastChunk.keys[last]!, lastChunk.seqs[last]!, key, seq)) {
    c = chunks.length - 1;
    lastChunk.items.push(item);
    lastChunk.keys.push(key);
    lastChunk.seqs.push(seq);
    lastChunk.slots.push(item.slot);
  } else {
    c = chunkFor(list, key, seq);
    const chunk = chunks[c]!;
    const i = indexIn(chunk, key, seq);
    chunk.items.splice(i, 0, item);
    chunk.keys.splice(i, 0, key);
    chunk.seqs.splice(i, 0, seq);
    chunk.slots.splice(i, 0, item.slot);
  }
  if (chunks[c]!.items.length >= 2 * CHUNK) split(list, c);
}

/** Removes `item` (the same object); false when it is not in the list. */
export function remove<T extends Slotted>(list: SortedList<T>, item: T): boolean {
  const c = chunkFor(list, item.orderKey, item.seq);
  const chunk = list.chunks[c];
  if (chunk === undefined) return false;
  const i = indexIn(chunk, item.orderKey, item.seq);
  if (chunk.items[i] !== item) return false;
  if (chunk.items.length === 1) {
    removeAt(list.chunks, c);
  } else {
    removeAt(chunk.items, i);
    removeAt(chunk.keys, i);
    removeAt(chunk.seqs, i);
    removeAt(chunk.slots, i);
  }
  list.size--;
  return true;
}

/**
 * Takes out the element at `i`. A call takes the head of a list, and V8 shifts the first element off a long array
 * by moving the array's start, where splice(0, 1) moves every element after it: a chunk of 500 trucks took a
 * hundred times as long.
 */
function removeAt(array: unknown[], i: number): void {
  if (i === 0) array.shift();
  else array.splice(i, 1);
}

export function first<T extends Slotted>(list: SortedList<T>): T | undefined {
  return list.chunks[0]?.items[0];
}

export function last<T extends Slotted>(list: SortedList<T>): T | undefined {
  const chunk = list.chunks[list.chunks.length - 1];
  return chunk?.items[chunk.items.length - 1];
}

/** How many items are before the position (orderKey, seq). */
export function rank<T extends Slotted>(list: SortedList<T>, at: Ordered): number {
  const c = chunkFor(list, at.orderKey, at.seq);
  let count = 0;
  for (let k = 0; k < c; k++) count += list.chunks[k]!.items.length;
  const chunk = list.chunks[c];
  return chunk === undefined ? count : count + indexIn(chunk, at.orderKey, at.seq);
}

/** The n-th item (0-based) in order. */
export function nth<T extends Slotted>(list: SortedList<T>, n: number): T | undefined {
  if (n < 0) return undefined;
  let rest = n;
  for (const chunk of list.chunks) {
    if (rest < chunk.items.length) return chunk.items[rest];
    rest -= chunk.items.length;
  }
  return undefined;
}

export function toArray<T extends Slotted>(list: SortedList<T>): T[] {
  return list.chunks.flatMap((chunk) => chunk.items);
}

/** A read position in a list, for walking several lists in step without taking anything out. */
export interface Cursor {
  chunk: number;
  index: number;
}

export function cursorItem<T extends Slotted>(list: SortedList<T>, cursor: Cursor): T | undefined {
  return list.chunks[cursor.chunk]?.items[cursor.index];
}

export function advance<T extends Slotted>(list: SortedList<T>, cursor: Cursor): void {
  cursor.index++;
  const chunk = list.chunks[cursor.chunk];
  if (chunk !== undefined && cursor.index >= chunk.items.length) {
    cursor.chunk++;
    cursor.index = 0;
  }
}

/** A cursor at the first item not before `at`. */
export function cursorFrom<T extends Slotted>(list: SortedList<T>, at: Ordered): Cursor {
  const c = chunkFor(list, at.orderKey, at.seq);
  const chunk = list.chunks[c];
  return chunk === undefined ? { chunk: c, index: 0 } : { chunk: c, index: indexIn(chunk, at.orderKey, at.seq) };
}
