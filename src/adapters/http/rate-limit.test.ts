import { describe, expect, it } from 'vitest';
import { WindowLimit } from './rate-limit.js';

describe('WindowLimit', () => {
  it('lets each client so many requests a window, and each again in the next window', () => {
    let now = 1_000;
    const limit = new WindowLimit(2, 60_000, () => now);
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('b')]).toEqual([true, true, false, true]);
    now += 59_999;
    expect(limit.take('a')).toBe(false);
    now += 1;
    expect([limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([true, true, false]);
  });
});
