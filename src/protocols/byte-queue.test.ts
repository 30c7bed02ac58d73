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
    expect(q.capacity).toBe(0);
    q.append(new Uint8Array(100_000));
    q.consume(100_000);
    expect(q.capacity).toBe(0);
    expect(q.length).toBe(0);
  });

  it('keeps a small storage for the next frame once drained', () => {
    const q = new ByteQueue();
    q.append(new Uint8Array(10));
    const storage = q.bytes;
    q.consume(10);
    q.append(Uint8Array.of(1, 2));
    expect(q.bytes).toBe(storage);
    expect(contents(q)).toEqual([1, 2]);
  });

  it('reserves room for a frame of known length in one allocation, compacting first', () => {
    const q = new ByteQueue();
    q.append(Uint8Array.of(9, 9, 1, 2, 3));
    q.consume(2);
    q.reserve(5000);
    const storage = q.bytes;
    expect(q.capacity).toBeGreaterThanOrEqual(5003);
    for (let i = 0; i < 50; i++) q.append(new Uint8Array(100));
    expect(q.bytes).toBe(storage);
    expect(contents(q).slice(0, 3)).toEqual([1, 2, 3]);
    expect(q.length).toBe(5003);
  });

  it('doubles no further than its cap, unless one request needs more', () => {
    const q = new ByteQueue(300);
    for (let i = 0; i < 299; i++) q.append(Uint8Array.of(i & 0xff));
    expect(q.capacity).toBe(300);
    q.append(new Uint8Array(500));
    expect(q.capacity).toBe(799);
  });

  it('gives a DataView over the current storage at the same offsets', () => {
    const q = new ByteQueue();
    q.append(Uint8Array.of(0, 0x34, 0x12));
    q.consume(1);
    expect(q.view.getUint16(q.start, true)).toBe(0x1234);
    q.append(new Uint8Array(1000));
    expect(q.view.buffer).toBe(q.bytes.buffer);
    expect(q.view.getUint16(q.start, true)).toBe(0x1234);
  });
});
