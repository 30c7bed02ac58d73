import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { EventHeap, type ScheduledEvent } from './event-heap.js';

describe('EventHeap', () => {
  it('gives events back in time order, and in scheduling order at equal times', () => {
    const rng = createRng('heap');
    const heap = new EventHeap();
    const pushed: Array<[number, number]> = [];
    for (let i = 0; i < 5000; i++) {
      // Few distinct times, so that ties are common.
      const time = rng.int(0, 50);
      heap.push(time, i % 7, i);
      pushed.push([time, i]);
    }
    const expected = [...pushed].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    const out: ScheduledEvent = { time: 0, kind: 0, subject: 0 };
    const popped: number[] = [];
    while (heap.pop(out)) {
      expect(out.kind).toBe(out.subject % 7);
      popped.push(out.subject);
    }
    expect(popped).toEqual(expected);
    expect(heap.size).toBe(0);
  });

  it('interleaves pushes and pops correctly', () => {
    const heap = new EventHeap();
    const out: ScheduledEvent = { time: 0, kind: 0, subject: 0 };
    heap.push(10, 0, 1);
    heap.push(5, 0, 2);
    expect(heap.peekTime()).toBe(5);
    heap.pop(out);
    heap.push(7, 0, 3);
    heap.push(10, 0, 4);
    const order: number[] = [];
    while (heap.pop(out)) order.push(out.subject);
    expect(order).toEqual([3, 1, 4]);
    expect(heap.peekTime()).toBe(Infinity);
  });

  it('refuses an event without a time', () => {
    expect(() => new EventHeap().push(NaN, 0, 0)).toThrow(RangeError);
  });
});
