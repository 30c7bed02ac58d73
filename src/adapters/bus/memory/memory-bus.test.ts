import { describe, expect, it } from 'vitest';
import { shardOf } from '../../../core/devices/index.js';
import type { Position } from '../../../core/model/index.js';
import { MemoryBus } from './memory-bus.js';

const position = (deviceId: string, deviceTime: number): Position => ({
  deviceId, deviceTime, receivedTime: deviceTime, lat: 43, lon: 75, speed: 60, course: 90, valid: true, attributes: {},
});

describe('the in-process bus', () => {
  it('hands a publish to its shard\'s consumer and resolves only once that consumer\'s work resolved', async () => {
    const bus = new MemoryBus();
    let release!: () => void;
    const taken: Position[][] = [];
    await bus.consume([0], (positions) => {
      taken.push([...positions]);
      return new Promise<void>((resolve) => (release = resolve));
    });
    let done = false;
    const published = bus.publish([position('a', 1), position('b', 2)]).then(() => (done = true));
    await Promise.resolve();
    expect(taken).toEqual([[position('a', 1), position('b', 2)]]);
    expect(done).toBe(false);
    release();
    await published;
    expect(done).toBe(true);
  });

  it('splits a publish by shard, in order per device, and refuses a shard nobody consumes', async () => {
    const bus = new MemoryBus(4);
    const devices = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8'];
    const byShard = new Map<number, Position[]>();
    await bus.consume([0, 1], async (positions) => void byShard.set(0, [...(byShard.get(0) ?? []), ...positions]));
    await bus.consume([2, 3], async (positions) => void byShard.set(2, [...(byShard.get(2) ?? []), ...positions]));
    const sent = devices.flatMap((d) => [position(d, 1), position(d, 2)]);
    await bus.publish(sent);
    for (const [, positions] of byShard) {
      for (const d of devices) {
        const times = positions.filter((p) => p.deviceId === d).map((p) => p.deviceTime);
        expect(times).toEqual(times.length === 0 ? [] : [1, 2]);
      }
    }
    expect([...byShard.values()].flat()).toHaveLength(sent.length);
    await expect(bus.consume([1], async () => undefined)).rejects.toThrow(/has a consumer already/);

    const lonely = new MemoryBus(4);
    const shard = shardOf('d1', 4);
    await lonely.consume([shard], async () => undefined);
    const other = devices.find((d) => shardOf(d, 4) !== shard)!;
    await expect(lonely.publish([position(other, 1)])).rejects.toThrow(/no consumer takes shard/);
  });
});
