import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../adapters/store/open-store.js';
import type { Position } from '../core/model/index.js';
import type { Store } from '../ports/store.js';
import { PositionIngest, UnstorablePosition } from './position-ingest.js';

const T0 = Date.UTC(2025, 10, 20);
const position = (deviceId: string, deviceTime: number, change: Partial<Position> = {}): Position => ({
  deviceId, deviceTime, receivedTime: T0, lat: 43, lon: 74, speed: 50, course: 90, valid: true, attributes: {}, ...change,
});

let store: Store;
beforeAll(async () => {
  store = openStore(':memory:');
  await store.migrate();
});
afterAll(() => store.close());

describe('PositionIngest', () => {
  it('commits what many submit in the same turn together, and resolves each once durable', async () => {
    const commits: number[] = [];
    const ingest = new PositionIngest(store.positions, { committed: (count) => commits.push(count) });
    await Promise.all(Array.from({ length: 20 }, (_, i) => ingest.submit([position(`d${i}`, T0), position(`d${i}`, T0 + 1000)])));
    expect(commits).toEqual([40]);
    expect(await store.positions.list({ deviceId: 'd7', limit: 10 })).toHaveLength(2);
  });

  it('refuses a submission with an unstorable position alone, without failing the others', async () => {
    const ingest = new PositionIngest(store.positions);
    const good = ingest.submit([position('ok-1', T0)]);
    const bad = ingest.submit([position('bad-1', T0), position('bad-1', T0 + 1, { lat: Number.NaN })]);
    const alsoGood = ingest.submit([position('ok-2', T0)]);
    await expect(bad).rejects.toBeInstanceOf(UnstorablePosition);
    await expect(good).resolves.toBeUndefined();
    await expect(alsoGood).resolves.toBeUndefined();
    expect(await store.positions.list({ deviceId: 'bad-1', limit: 10 })).toEqual([]);
  });

  it('rejects every waiting submission when the commit fails, acknowledging nothing', async () => {
    const broken = openStore(':memory:');
    await broken.migrate();
    const ingest = new PositionIngest(broken.positions);
    await broken.close();
    await expect(ingest.submit([position('x', T0)])).rejects.toThrow();
  });

  it('bounds a commit to its batch size, always taking at least one submission', async () => {
    const commits: number[] = [];
    const ingest = new PositionIngest(store.positions, { committed: (count) => commits.push(count) }, 5);
    await Promise.all([
      ingest.submit(Array.from({ length: 8 }, (_, i) => position('big', T0 + i))),
      ingest.submit([position('small', T0)]),
      ingest.submit([position('small', T0 + 1)]),
    ]);
    expect(commits).toEqual([8, 2]);
  });
});
