import { describe, expect, it } from 'vitest';
import { ByteQueue } from './byte-queue.js';

function contents(q: ByteQueue): number[] {
  return Array.from(q.bytes.subarray(q.start, q.end));
}

describe('ByteQueue', () => {
  it('appends and consumes in order across growth and compaction', () => {
    const q = new ByteQueue();
    const expected: number[] = [];
    let next = 0;
    for (let round = 0; round < 2000; round++) {
      const n = (round * 7) % 13;
      const chunk = Uint8Array.from({ length: n }, () => next++ & 0xff);
      q.append(chunk);
      expected.push(...chunk);
      const take = Math.min(q.length, (round * 5) % 11);
      q.consume(take);
      expected.splice(0, take);
      expect(q.length).toBe(expected.length);
    }
    expect(contents(q)).toEqual(expected);
  });

  it('holds no storage until something waits, and gives a large one back when drained', () => {
    const q = new ByteQueue();
    expect(q.bytes.length).toBe(0);
    q.append(new Uint8Array(100_000));
    q.consume(100_000);
    expect(q.bytes.length).toBe(0);
    expect(q.length).toBe(0);
  });
});
