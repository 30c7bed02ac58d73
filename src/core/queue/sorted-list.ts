/**
 * A list kept in (orderKey, seq) order, stored as a sequence of short sorted chunks. With 100,000 trucks a full
 * sort per operation is out of the question; chunks keep insertion, removal of any item, the head, in-order
 * traversal and rank each within a few microseconds: the right chunk is found by binary search over the chunks'
 * last items, and only that chunk (at most 2 × CHUNK items) is spliced. Appending, the common case of a truck
 * arriving now, touches only the last chunk.
 *
 * Plain data (arrays), so a queue state can be deep-copied with structuredClone. Items must not change their
 * orderKey or seq while in a list: take them out, change them, put them back.
 */
import { isBefore, type Ordered } from './ageing.js';

const CHUNK = 512;

export interface SortedList<T extends Ordered> {
  chunks: T[][];
  size: number;
}

export function createSortedList<T extends Ordered>(): SortedList<T> {
  return { chunks: [], size: 0 };
}

/** Index of the first chunk whose last item is not before `item`; `chunks.length` when every chunk ends before it. */
function chunkFor<T extends Ordered>(list: SortedList<T>, item: Ordered): number {
  let lo = 0;
  let hi = list.chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const chunk = list.chunks[mid]!;
    if (isBefore(chunk[chunk.length - 1]!, item)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item in `chunk` that is not before `item`. */
function indexIn<T extends Ordered>(chunk: readonly T[], item: Ordered): number {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(chunk[mid]!, item)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function insert<T extends Ordered>(list: SortedList<T>, item: T): void {
  list.size++;
  const chunks = list.chunks;
  if (chunks.length === 0) {
    chunks.push([item]);
    return;
  }
  const lastChunk = chunks[chunks.length - 1]!;
  let c: number;
  let chunk: T[];
  if (isBefore(lastChunk[lastChunk.length - 1]!, item)) {
    c = chunks.length - 1;
    chunk = lastChunk;
    chunk.push(item);
  } else {
    c = chunkFor(list, item);
    chunk = chunks[c]!;
    chunk.splice(indexIn(chunk, item), 0, item);
  }
  if (chunk.length >= 2 * CHUNK) chunks.splice(c + 1, 0, chunk.splice(CHUNK));
}

/** Removes `item` (the same object); false when it is not in the list. */
export function remove<T extends Ordered>(list: SortedList<T>, item: T): boolean {
  const c = chunkFor(list, item);
  const chunk = list.chunks[c];
  if (chunk === undefined) return false;
  const i = indexIn(chunk, item);
  if (chunk[i] !== item) return false;
  chunk.splice(i, 1);
  if (chunk.length === 0) list.chunks.splice(c, 1);
  list.size--;
  return true;
}

export function first<T extends Ordered>(list: SortedList<T>): T | undefined {
  return list.chunks[0]?.[0];
}

export function last<T extends Ordered>(list: SortedList<T>): T | undefined {
  const chunk = list.chunks[list.chunks.length - 1];
  return chunk?.[chunk.length - 1];
}

/** How many items are before the position (orderKey, seq). */
export function rank<T extends Ordered>(list: SortedList<T>, at: Ordered): number {
  const c = chunkFor(list, at);
  let count = 0;
  for (let k = 0; k < c; k++) count += list.chunks[k]!.length;
  const chunk = list.chunks[c];
  return chunk === undefined ? count : count + indexIn(chunk, at);
}

/** The n-th item (0-based) in order. */
export function nth<T extends Ordered>(list: SortedList<T>, n: number): T | undefined {
  if (n < 0) return undefined;
  let rest = n;
  for (const chunk of list.chunks) {
    if (rest < chunk.length) return chunk[rest];
    rest -= chunk.length;
  }
  return undefined;
}

export function toArray<T extends Ordered>(list: SortedList<T>): T[] {
  return list.chunks.flat();
}

/** A read position in a list, for walking several lists in step without taking anything out. */
export interface Cursor {
  chunk: number;
  index: number;
}

export function cursorItem<T extends Ordered>(list: SortedList<T>, cursor: Cursor): T | undefined {
  return list.chunks[cursor.chunk]?.[cursor.index];
}

export function advance<T extends Ordered>(list: SortedList<T>, cursor: Cursor): void {
  cursor.index++;
  const chunk = list.chunks[cursor.chunk];
  if (chunk !== undefined && cursor.index >= chunk.length) {
    cursor.chunk++;
    cursor.index = 0;
  }
}

/** A cursor at the first item not before `at`. */
export function cursorFrom<T extends Ordered>(list: SortedList<T>, at: Ordered): Cursor {
  const c = chunkFor(list, at);
  const chunk = list.chunks[c];
  return chunk === undefined ? { chunk: c, index: 0 } : { chunk: c, index: indexIn(chunk, at) };
}
