import { describe, expect, it } from 'vitest';
import { pointAlong } from './track-replay.js';

describe('pointAlong', () => {
  const line = [[0, 0], [3, 0], [3, 1]] as const;

  it('walks the line at an even pace by length', () => {
    expect(pointAlong(line, 0)).toEqual([0, 0]);
    expect(pointAlong(line, 0.5)).toEqual([2, 0]);
    expect(pointAlong(line, 0.875)).toEqual([3, 0.5]);
    expect(pointAlong(line, 1)).toEqual([3, 1]);
  });

  it('keeps to the ends outside 0–1 and copes with a repeated point', () => {
    expect(pointAlong(line, -1)).toEqual([0, 0]);
    expect(pointAlong(line, 2)).toEqual([3, 1]);
    expect(pointAlong([[1, 1], [1, 1]], 0.5)).toEqual([1, 1]);
  });
});
