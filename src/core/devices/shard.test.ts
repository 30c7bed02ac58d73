import { describe, expect, it } from 'vitest';
import { parseShards, shardOf } from './shard.js';

describe('shardOf', () => {
  it('puts a device always on the same shard, and spreads many devices evenly', () => {
    expect(shardOf('356307042441013', 16)).toBe(shardOf('356307042441013', 16));
    const counts = new Array<number>(16).fill(0);
    for (let i = 0; i < 16_000; i++) counts[shardOf(`3563070424${String(i).padStart(5, '0')}`, 16)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(800);
    for (const count of counts) expect(count).toBeLessThan(1200);
  });
});

describe('parseShards', () => {
  it('reads single shards, ranges and lists', () => {
    expect(parseShards('0-3', 16)).toEqual([0, 1, 2, 3]);
    expect(parseShards('7', 16)).toEqual([7]);
    expect(parseShards('8-9, 0-1', 16)).toEqual([0, 1, 8, 9]);
  });

  it('refuses what is not a range of the shards there are', () => {
    expect(() => parseShards('0-16', 16)).toThrow(/outside 0-15/);
    expect(() => parseShards('3-1', 16)).toThrow(/outside/);
    expect(() => parseShards('a', 16)).toThrow(/ranges such as/);
  });
});
