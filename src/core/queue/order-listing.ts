/** The order as a list, a page at a time: the merge of the order's lists by key, as the lanes would call them. */
import { isBefore } from './ageing.js';
import type { QueueEntry } from './entry.js';
import { LIST_COUNT } from './order.js';
import { advance, cursorItem, type Cursor } from './sorted-list.js';
import type { QueueState } from './state.js';

/** Waiting entries from 0-based position `offset`, at most `limit` of them, first in the order first. */
export function orderedEntries(state: QueueState, offset: number, limit: number): QueueEntry[] {
  const cursors: Cursor[] = Array.from({ length: LIST_COUNT }, () => ({ chunk: 0, index: 0 }));
  const page: QueueEntry[] = [];
  for (let position = 0; position < offset + limit; position++) {
    const entry = takeNext(state, cursors);
    if (entry === undefined) break;
    if (position >= offset) page.push(entry);
  }
  return page;
}

/** The first of the entries under the cursors (one per list of the order), moving its cursor past it. */
export function takeNext(state: QueueState, cursors: Cursor[]): QueueEntry | undefined {
  let best = -1;
  let bestEntry: QueueEntry | undefined;
  for (let list = 0; list < LIST_COUNT; list++) {
    const item = cursorItem(state.order[list]!, cursors[list]!);
    if (item !== undefined && (bestEntry === undefined || isBefore(item, bestEntry))) {
      best = list;
      bestEntry = item;
    }
  }
  if (bestEntry !== undefined) advance(state.order[best]!, cursors[best]!);
  return bestEntry;
}
