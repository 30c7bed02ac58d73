import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
import type { OperatorTransit } from '../../ports/exchange-store.js';
import type { Store } from '../../ports/store.js';
import type { AuthService } from '../auth-service.js';
import type { ExchangeService } from './exchange-service.js';
import { TransitHandover } from './transit-handover.js';
import { receivedFrom } from '../tracking/receive-order.js';
import type { TransitLegs } from './transit-legs.js';

const T = Date.UTC(2026, 2, 1);
const position = (i: number, deviceId = 'S-1'): Position => ({ deviceId, deviceTime: T + i * 1000, receivedTime: T + i * 1000 + 500, lat: 45, lon: 70, speed: 60, course: 0, valid: true, attributes: {} });

/** Kazakhstan's operator, having handed transit t-1 (sealed with `seals`) over to Russia's at T, over a store that holds `stored` positions. */
function world(stored: Position[], seals = ['S-1']) {
  let transit: OperatorTransit = {
    transitId: 't-1', reference: 'R-1', route: ['KG', 'KZ', 'RU'], trackedBy: 'RU', status: 'handed_over', notice: null,
    forwarded: { since: receivedFrom(T), seals: {} }, updatedAt: '2026-03-01T00:00:00.000Z',
  };
  const sent: Array<{ to: readonly string[]; deviceTimes: number[]; devices: string[] }> = [];
  const exchange = {
    operator: { country: 'KZ' },
    // As the outbox does: the messages and the transit's new record are kept together.
    send: async (to: readonly string[], _type: string, _id: string, body: { positions: Array<{ at: string; deviceId: string }> }, along: { transit: OperatorTransit }) => {
      sent.push({ to, deviceTimes: body.positions.map((p) => Date.parse(p.at)), devices: body.positions.map((p) => p.deviceId) });
      transit = along.transit;
    },
  } as unknown as ExchangeService;
  const store = {
    exchange: { getTransit: async () => transit },
    trips: {
      get: async () => ({ sealIds: seals, plan: { openedAt: 0 } }),
      positionsReceivedSince: async (from: ReadonlyMap<string, number>) => stored.filter((p) => p.receivedTime >= (from.get(p.deviceId) ?? Infinity)),
    },
  } as unknown as Store;
  const handover = new TransitHandover(store, {} as AuthService, exchange, { now: () => new Date(T) }, async () => undefined, {} as TransitLegs);
  return { handover, sent };
}

describe('TransitHandover forwarding positions', () => {
  it('sends the positions stored since the last forwarded to the next operator, in messages of at most 500, and resumes after the last', async () => {
    const stored = Array.from({ length: 1_203 }, (_, i) => position(i));
    const { handover, sent } = world(stored);
    // A tracker catching up after a restart takes a large batch at once.
    await handover.positionsTaken('t-1', 'trip-1');
    expect(sent.map(({ to, deviceTimes }) => [to, deviceTimes.length])).toEqual([[['RU'], 500], [['RU'], 500], [['RU'], 203]]);
    // Two more come; the next batch sends those two only, whatever the tracker's batch held.
    stored.push(position(1_203), position(1_204));
    await handover.positionsTaken('t-1', 'trip-1');
    await handover.positionsTaken('t-1', 'trip-1');
    expect(sent.slice(3).map(({ deviceTimes }) => deviceTimes)).toEqual([[T + 1_203_000, T + 1_204_000]]);
  });

  it("forwards each seal's positions from its own cursor, so one seal's stored after newer ones of the other had gone still go, once", async () => {
    const stored = [position(1), position(2), position(3)];
    const { handover, sent } = world(stored, ['S-1', 'S-2']);
    await handover.positionsTaken('t-1', 'trip-1');
    // The second seal's positions, received before the first seal's last forwarded, are stored only now (by another
    // tracker, whose shard they fall on).
    stored.push(position(1, 'S-2'), position(2, 'S-2'), position(4));
    await handover.positionsTaken('t-1', 'trip-1');
    await handover.positionsTaken('t-1', 'trip-1');
    expect(sent.map(({ devices, deviceTimes }) => devices.map((d, i) => `${d}@${deviceTimes[i]! - T}`))).toEqual([
      ['S-1@1000', 'S-1@2000', 'S-1@3000'],
      ['S-2@1000', 'S-2@2000', 'S-1@4000'],
    ]);
  });
});
