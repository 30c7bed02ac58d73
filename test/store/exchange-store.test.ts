/**
 * The national operators' repositories, run unchanged on SQLite and on PostgreSQL (when CORRIDOR_TEST_PG names one):
 * obligation decisions, the outbox's sequences and retries, the inbox's once-only keeping, and transits.
 */
import { describe, expect, it } from 'vitest';
import type { SignedMessage } from '../../src/core/exchange/message.js';
import type { ObligationDecision } from '../../src/core/obligation/index.js';
import type { Store } from '../../src/ports/store.js';
import { freshStoreEachTest, storeBackends, type OpenFreshStore } from '../support/store-backends.js';

const message = (id: string, sequence: number, overrides: Partial<SignedMessage> = {}): SignedMessage => ({
  id,
  sequence,
  sender: 'KG',
  recipient: 'KZ',
  type: 'transit-notice',
  sentAt: '2026-02-11T08:00:00.000Z',
  body: { transitId: 't-1', reference: 'Ref «1»' },
  signature: 'c2lnbmF0dXJl',
  ...overrides,
});

const decision: ObligationDecision = {
  required: true,
  rules: { id: 'eaeu-navigation-seals', version: 1 },
  decidedBy: { kind: 'rule', id: 'excise', explanation: 'Excise goods.', goods: { item: 1, hsCode: '2208601100', prefix: '2208' } },
  procedure: 'transit',
  routeCountries: ['KG', 'KZ', 'RU'],
  memberStatesCrossed: 3,
};

function describeExchangeStore(name: string, open: OpenFreshStore) {
  describe(name, () => {
    let store: Store;
    freshStoreEachTest(open, (opened) => (store = opened));

    it('keeps the latest obligation decision of a declaration', async () => {
      expect(await store.obligations.get('d-1')).toBeUndefined();
      await store.obligations.save({ declarationId: 'd-1', decision: { ...decision, required: false, decidedBy: null }, decidedAt: '2026-02-11T08:00:00Z' });
      await store.obligations.save({ declarationId: 'd-1', decision, decidedAt: '2026-02-11T09:00:00+01:00' });
      expect(await store.obligations.get('d-1')).toEqual({ declarationId: 'd-1', decision, decidedAt: '2026-02-11T08:00:00.000Z' });
    });

    it('numbers messages per peer, and delivers the due ones until they are delivered', async () => {
      expect([await store.exchange.nextSequence('KZ'), await store.exchange.nextSequence('KZ'), await store.exchange.nextSequence('RU')]).toEqual([1, 2, 1]);
      await store.exchange.enqueue([{ message: message('m-2', 2), transitId: 't-1', nextAttemptMs: 2_000 }]);
      await store.exchange.enqueue([{ message: message('m-1', 1), transitId: 't-1', nextAttemptMs: 1_000 }]);
      await expect(store.exchange.enqueue([{ message: message('m-3', 1), transitId: 't-1', nextAttemptMs: 0 }])).rejects.toThrow();
      expect((await store.exchange.due(1_500, 10)).map((entry) => entry.message.id)).toEqual(['m-1']);
      expect((await store.exchange.due(5_000, 10)).map((entry) => entry.message.id)).toEqual(['m-1', 'm-2']);

      await store.exchange.markFailed('m-1', 1, 9_000, 'connection refused');
      await store.exchange.markDelivered('m-2', '2026-02-11T08:00:01Z');
      expect(await store.exchange.due(5_000, 10)).toEqual([]);
      const [retry] = await store.exchange.due(9_000, 10);
      expect(retry).toEqual({ message: message('m-1', 1), transitId: 't-1', attempts: 1, nextAttemptMs: 9_000, deliveredAt: null, lastError: 'connection refused' });
      expect((await store.exchange.history('t-1')).sent.map((entry) => [entry.message.id, entry.deliveredAt])).toEqual([
        ['m-1', null],
        ['m-2', '2026-02-11T08:00:01.000Z'],
      ]);
    });

    it('keeps a received message once, however often it comes', async () => {
      const entry = { message: message('m-9', 4, { sender: 'RU', recipient: 'KG' }), transitId: 't-1', receivedAt: '2026-02-11T08:00:00Z' };
      expect(await store.exchange.receive(entry)).toBe(true);
      expect(await store.exchange.receive({ ...entry, receivedAt: '2026-02-11T08:05:00Z' })).toBe(false);
      expect((await store.exchange.history('t-1')).received).toEqual([{ ...entry, receivedAt: '2026-02-11T08:00:00.000Z' }]);
    });

    it('keeps messages and the change of their transit together, or neither', async () => {
      const transit = { transitId: 't-1', reference: 'R-1', route: ['KG', 'KZ', 'RU'], trackedBy: 'KG', status: 'tracking' as const, notice: null, forwarded: null, updatedAt: '2026-02-11T08:00:00.000Z' };
      await store.exchange.saveTransit(transit);
      const handedOver = { ...transit, trackedBy: 'KZ', status: 'handed_over' as const, forwarded: { since: { receivedTime: 1_000, deviceTime: 0, sequence: -1, deviceId: '' }, seals: {} }, updatedAt: '2026-02-11T09:00:00.000Z' };
      const to = (id: string, recipient: string, sequence: number) => ({ message: message(id, sequence, { recipient }), transitId: 't-1', nextAttemptMs: 0 });
      await store.exchange.enqueue([to('h-1', 'KZ', 1)]);
      // The second message takes a sequence number already used: nothing of the batch is kept, the record unchanged.
      await expect(store.exchange.enqueue([to('h-2', 'RU', 1), to('h-3', 'KZ', 1)], { transit: handedOver })).rejects.toThrow();
      expect(await store.exchange.getTransit('t-1')).toEqual(transit);
      expect((await store.exchange.history('t-1')).sent.map((entry) => entry.message.id)).toEqual(['h-1']);
      await store.exchange.enqueue([to('h-2', 'RU', 1), to('h-3', 'KZ', 2)], { transit: handedOver });
      expect(await store.exchange.getTransit('t-1')).toEqual(handedOver);
      expect((await store.exchange.history('t-1')).sent.map((entry) => entry.message.id).sort()).toEqual(['h-1', 'h-2', 'h-3']);
    });

    it('keeps messages and the handled mark of the news that sent them together, or neither', async () => {
      const alarm = (id: string, sequence: number) => ({ message: message(id, sequence, { recipient: 'RU' }), transitId: 't-1', nextAttemptMs: 0 });
      const handled = { group: 'operator-handover', newsId: 'alert:a-1:raised', at: '2026-02-11T08:00:00.000Z' };
      await store.exchange.enqueue([alarm('a-1', 1)], { handled });
      expect(await store.handledNews.has(handled.group, handled.newsId)).toBe(true);
      // The same news handled again (another member of the group marked it first): nothing of it is kept.
      await expect(store.exchange.enqueue([alarm('a-2', 2)], { handled })).rejects.toThrow();
      expect((await store.exchange.history('t-1')).sent.map((entry) => entry.message.id)).toEqual(['a-1']);
    });

    it('keeps which operator tracks a transit', async () => {
      const transit = { transitId: 't-1', reference: 'R-1', route: ['KG', 'KZ', 'RU'], trackedBy: 'KG', status: 'notified' as const, notice: { seal: { locked: true } }, forwarded: null, updatedAt: '2026-02-11T08:00:00.000Z' };
      await store.exchange.saveTransit(transit);
      expect(await store.exchange.getTransit('t-1')).toEqual(transit);
      const forwarded = {
        since: { receivedTime: 1_767_000_000_000, deviceTime: Number.MIN_SAFE_INTEGER, sequence: -1, deviceId: '' },
        seals: { '356307042441013': { receivedTime: 1_767_000_000_123, deviceTime: 1_767_000_000_000, sequence: 7, deviceId: '356307042441013' } },
      };
      await store.exchange.saveTransit({ ...transit, trackedBy: 'KZ', status: 'handed_over', notice: null, forwarded });
      expect(await store.exchange.getTransit('t-1')).toEqual({ ...transit, trackedBy: 'KZ', status: 'handed_over', notice: null, forwarded });
      expect(await store.exchange.getTransit('t-2')).toBeUndefined();
    });
  });
}

for (const [backend, open] of storeBackends('exchange')) describeExchangeStore(`operators store on ${backend}`, open);
