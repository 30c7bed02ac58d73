import { describe, expect, it } from 'vitest';
import { xoshiro128ss, type XoshiroState } from './xoshiro128.js';

describe('xoshiro128**', () => {
  it('matches the reference implementation from state {1, 2, 3, 4}', () => {
    // The outputs of the reference xoshiro128starstar.c, as pinned by the Rust rand_xoshiro crate's tests.
    const state: XoshiroState = [1, 2, 3, 4];
    const outputs = Array.from({ length: 10 }, () => xoshiro128ss(state));
    expect(outputs).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });
});
