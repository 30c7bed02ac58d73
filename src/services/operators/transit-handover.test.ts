import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
import type { OperatorTransit } from '../../ports/exchange-store.js';
import type { Store } from '../../ports/store.js';
import type { AuthService } from '../auth-service.js';
import type { ExchangeService } from './exchange-service.js';
import { TransitHandover } from './transit-handover.js';
import type { TransitLegs } from './transit-legs.js';

const transit: OperatorTransit = { transitId: 't-1', reference: 'R-1', route: ['KG', 'KZ', 'RU'], trackedBy: 'RU', status: 'handed_over', notice: null, updatedAt: '2026-03-01T10:00:00.000Z' };

const position = (i: number): Position => ({ deviceId: 'S-1', deviceTime: Date.UTC(2026, 2, 1) + i * 1000, receivedTime: Date.UTC(2026, 2, 1, 1), lat: 45, lon: 70, speed: 60, course: 0, valid: true, attributes: {} });

describe('TransitHandover forwarding positions', () => {
  it('sends the positions of a transit handed over to the next operator on the route, in messages of at most 500', async () => {
    const sent: Array<{ to: readonly string[]; count: number }> = [];
    const exchange = {
      operator: { country: 'KZ' },
      send: async (to: readonly string[], _type: string, _id: string, body: { positions: unknown[] }) => void sent.push({ to, count: body.positions.length }),
    } as unknown as ExchangeService;
    const store = { exchange: { getTransit: async () => transit } } as unknown as Store;
    const handover = new TransitHandover(store, {} as AuthService, exchange, { now: () => new Date() }, async () => undefined, {} as TransitLegs);
    // A tracker catching up after a restart takes a large batch at once.
    await handover.positionsTaken('t-1', Array.from({ length: 1_203 }, (_, i) => position(i)));
    expect(sent).toEqual([{ to: ['RU'], count: 500 }, { to: ['RU'], count: 500 }, { to: ['RU'], count: 203 }]);
  });
});
