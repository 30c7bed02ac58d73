import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../adapters/store/open-store.js';
import type { LeaseFence } from '../ports/shard-leases.js';
import type { Store } from '../ports/store.js';
import { ShardLeaser } from './shard-leaser.js';

let store: Store;
let now = 1_000_000;
beforeEach(async () => {
  store = openStore(':memory:');
  await store.migrate();
});
afterEach(() => store.close());

function leaser(owner: string, preferred: number[], takeover = true) {
  const applied: number[][] = [];
  const fences: LeaseFence[] = [];
  const it = new ShardLeaser(store.shardLeases, {
    owner, shardCount: 4, preferred, takeover, ttlMs: 15_000, now: () => now,
    apply: async (held, fence) => {
      applied.push([...held].sort());
      fences.push(fence);
    },
  });
  return { it, applied, fences, held: () => [...it.shards].sort() };
}

describe('the shard leaser', () => {
  it('takes its own shards, takes over a stopped process\'s once their leases ran out, and hands them back on request', async () => {
    const a = leaser('a', [0, 1]);
    const b = leaser('b', [2, 3]);
    await a.it.round();
    await b.it.round();
    expect(a.held()).toEqual([0, 1]);
    expect(b.held()).toEqual([2, 3]);

    // `a` dies (no more rounds): its shards stay with it until the leases run out.
    now += 10_000;
    await b.it.round();
    expect(b.held()).toEqual([2, 3]);
    now += 6_000;
    await b.it.round();
    expect(b.held()).toEqual([0, 1, 2, 3]);

    // `a` comes back as a new process: it asks, `b` hands back at its next round, and `a` takes them at its next.
    const again = leaser('a2', [0, 1]);
    await again.it.round();
    expect(again.held()).toEqual([]);
    await b.it.round();
    expect(b.held()).toEqual([2, 3]);
    expect(b.applied.at(-1)).toEqual([2, 3]);
    await again.it.round();
    expect(again.held()).toEqual([0, 1]);
  });

  it('takes over nothing without takeover, and never a shard no process has claimed', async () => {
    const a = leaser('a', [0]);
    const b = leaser('b', [1], false);
    await a.it.round();
    await b.it.round();
    now += 20_000;
    await b.it.round();
    expect(b.held()).toEqual([1]);
    const c = leaser('c', [3]);
    await c.it.round();
    // Shard 0's holder stopped renewing: c takes it; shard 2 was never claimed, and is left to its own process.
    expect(c.held()).toEqual([0, 3]);
  });

  it('lets go of everything when it cannot renew, before its leases run out, and gives its leases up when stopped', async () => {
    const a = leaser('a', [0, 1]);
    await a.it.round();
    const list = store.shardLeases.list.bind(store.shardLeases);
    store.shardLeases.list = () => Promise.reject(new Error('store down'));
    now += 5_000;
    await a.it.round();
    expect(a.held()).toEqual([0, 1]);
    now += 4_000;
    await a.it.round();
    expect(a.held()).toEqual([]);
    store.shardLeases.list = list;
    now += 1_000;
    await a.it.round();
    expect(a.held()).toEqual([0, 1]);
    await a.it.stop();
    expect(await store.shardLeases.list()).toEqual([]);
    expect(a.applied.at(-1)).toEqual([]);
  });

  it('writes under a fence of its leases\' epochs, and a new one when a lease lapsed and was taken anew, though the shards are the same', async () => {
    const a = leaser('a', [0]);
    await a.it.round();
    expect(a.fences).toEqual([{ owner: 'a', leases: [{ shard: 0, epoch: now }] }]);
    const first = now;
    // Renewals keep the fence.
    now += 5_000;
    await a.it.round();
    expect(a.fences).toHaveLength(1);
    // `a` stalls: `b` takes the shard over and gives it up; `a`, waking, takes it again, under a new epoch.
    now += 20_000;
    const b = leaser('b', [1]);
    await b.it.round();
    expect(b.held()).toEqual([0, 1]);
    await b.it.stop();
    now += 1_000;
    await a.it.round();
    expect(a.applied).toEqual([[0], [0]]);
    expect(a.fences.at(-1)).toEqual({ owner: 'a', leases: [{ shard: 0, epoch: now }] });
    expect(now).not.toBe(first);
  });
});
