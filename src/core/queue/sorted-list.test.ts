import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBefore } from './ageing.js';
import { advance, createSortedList, cursorFrom, cursorItem, first, insert, last, nth, rank, remove, toArray } from './sorted-list.js';

interface Item {
  orderKey: number;
  seq: number;
  slot: number;
}

const byKey = (a: Item, b: Item) => a.orderKey - b.orderKey || a.seq - b.seq;

describe('SortedList', () => {
  it('keeps (orderKey, seq) order through inserts and removals, like a sorted array, across chunk splits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ insert: fc.boolean(), key: fc.integer({ min: 0, max: 50 }), pick: fc.nat() }), { maxLength: 3000 }),
        (ops) => {
          const list = createSortedList<Item>();
          let reference: Item[] = [];
          let seq = 0;
          for (const op of ops) {
            if (op.insert || reference.length === 0) {
              const item = { orderKey: op.key, seq, slot: seq++ };
              insert(list, item);
              reference.push(item);
              reference.sort(byKey);
            } else {
              const item = reference[op.pick % reference.length]!;
              expect(remove(list, item)).toBe(true);
              reference = reference.filter((x) => x !== item);
            }
          }
          expect(toArray(list)).toEqual(reference);
          // The numbers kept beside the items agree with them.
          for (const chunk of list.chunks) {
            expect(chunk.keys).toEqual(chunk.items.map((x) => x.orderKey));
            expect(chunk.seqs).toEqual(chunk.items.map((x) => x.seq));
            expect(chunk.slots).toEqual(chunk.items.map((x) => x.slot));
          }
          expect(list.size).toBe(reference.length);
          expect(first(list)).toBe(reference[0]);
          expect(last(list)).toBe(reference[reference.length - 1]);
          if (reference.length > 0) {
            const probe = reference[Math.floor(reference.length / 2)]!;
            expect(rank(list, probe)).toBe(reference.filter((x) => isBefore(x, probe)).length);
            expect(nth(list, reference.length - 1)).toBe(reference[reference.length - 1]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('appends in order without search and walks with cursors from any position', () => {
    const list = createSortedList<Item>();
    for (let i = 0; i < 5000; i++) insert(list, { orderKey: i, seq: i, slot: i });
    expect(list.chunks.length).toBeGreaterThan(4);
    const cursor = cursorFrom(list, { orderKey: 4000, seq: 0 });
    const seen: number[] = [];
    for (let item = cursorItem(list, cursor); item !== undefined; advance(list, cursor), item = cursorItem(list, cursor)) seen.push(item.orderKey);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => 4000 + i));
  });

  it('refuses to remove what it does not hold', () => {
    const list = createSortedList<Item>();
    insert(list, { orderKey: 1, seq: 1, slot: 1 });
    expect(remove(list, { orderKey: 1, seq: 1, slot: 1 })).toBe(false);
    expect(list.size).toBe(1);
  });
});
