/**
 * A column of numbers by entry slot (each entry's number), in pages of 4096 so that growing never copies: the
 * estimates of a hundred thousand trucks are written here, side by side in memory, rather than into the entry
 * objects scattered over the heap, which is what lets a full refresh run in milliseconds. NaN means none.
 */

const PAGE_BITS = 12;
const PAGE = 1 << PAGE_BITS;
const MASK = PAGE - 1;

export interface SlotColumn {
  pages: Float64Array[];
}

export function createColumn(): SlotColumn {
  return { pages: [] };
}

export function columnGet(column: SlotColumn, slot: number): number {
  const page = column.pages[slot >>> PAGE_BITS];
  return page === undefined ? NaN : page[slot & MASK]!;
}

export function columnSet(column: SlotColumn, slot: number, value: number): void {
  let page = column.pages[slot >>> PAGE_BITS];
  if (page === undefined) {
    // A missing page reads NaN already: clearing a slot (as every call does) makes no page of its own.
    if (Number.isNaN(value)) return;
    while (column.pages.length <= slot >>> PAGE_BITS) column.pages.push(new Float64Array(PAGE).fill(NaN));
    page = column.pages[slot >>> PAGE_BITS]!;
  }
  page[slot & MASK] = value;
}
