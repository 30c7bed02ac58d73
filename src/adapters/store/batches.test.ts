import { describe, expect, it } from 'vitest';
import { chunkByColumns, chunkRows } from './batches.js';

describe('chunking by bound parameters', () => {
  it('keeps every chunk within the limit and loses no row', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => i);
    const chunks = chunkRows(rows, 34, 32_766);
    expect(chunks.map((chunk) => chunk.length)).toStrictEqual([963, 37]);
    expect(chunks.flat()).toStrictEqual(rows);
  });

  it('counts the columns of the first row, and gives nothing for nothing', () => {
    expect(chunkByColumns([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 5, b: 6 }], 4)).toStrictEqual([
      [{ a: 1, b: 2 }, { a: 3, b: 4 }],
      [{ a: 5, b: 6 }],
    ]);
    expect(chunkByColumns([], 10)).toStrictEqual([]);
  });

  it('still makes progress when one row alone exceeds the limit', () => {
    expect(chunkRows([1, 2], 100, 10)).toStrictEqual([[1], [2]]);
  });
});
