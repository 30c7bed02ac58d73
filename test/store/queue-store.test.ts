/**
 * The border queue's store (ports/queue-store.ts) on both backends: the log that rebuilds a queue, written with
 * compare-and-set, its events and its entries.
 */
import { describe, expect, it } from 'vitest';
import type { QueueConfig, QueueEvent } from '../../src/core/queue/index.js';
import type { QueueEntryRow, QueueWrite } from '../../src/ports/queue-store.js';
import type { Store } from '../../src/ports/store.js';
import { freshStoreEachTest, storeBackends, type OpenFreshStore } from '../support/store-backends.js';
import { HOSTILE } from './fixtures.js';

const T0 = Date.UTC(2026, 4, 4, 6);

const config: QueueConfig = {
  crossing: 'KORDAY',
  lanes: [{ id: 'L1', capacityPerHour: { green: 12, yellow: 8, red: 2 } }],
  operatingHours: { open: '08:00', close: '20:00', timeZone: 'Asia/Almaty' },
  headStarts: { perishable: 1, trusted_trader: 2, esealed_complete: 3, standard: 0 },
  noShow: { timeoutMs: 900_000, moveBackBy: 5, dropAfter: 3 },
  bookingGraceMs: 1_800_000,
  backlog: { ratePerHour: 20, burst: 2 },
  accuracyWindow: 100,
  flowTimeConstantMs: 3_600_000,
};

function entry(id: string, overrides: Partial<QueueEntryRow> = {}): QueueEntryRow {
  return {
    id,
    crossing: 'KORDAY',
    declarationId: `decl-${id}`,
    owner: 'haulier-a',
    plate: '123ABC02',
    country: 'KZ',
    route: 'booking',
    status: 'booked',
    priorityClass: 'standard',
    channel: 'green',
    bookingCode: `B-${id}`,
    slotStart: T0,
    slotEnd: T0 + 3_600_000,
    lookupCode: `B-${id}`,
    enteredAt: T0,
    arrivedAt: null,
    calledAt: null,
    doneAt: null,
    noShows: 0,
    firstEstimate: null,
    ...overrides,
  };
}

function event(version: number, entryId: string | null, reason: string): QueueEvent {
  return { crossing: 'KORDAY', entryId, version, at: T0 + version, by: 'officer', action: entryId === null ? 'configured' : 'held', reason, detail: { lane: 'L1', n: version, ok: true, none: null } };
}

function write(seq: number, overrides: Partial<QueueWrite> = {}): QueueWrite {
  return { crossing: 'KORDAY', seq, version: seq, record: { kind: 'lane_freed', lane: 'L1', at: T0 + seq, by: 'camera' }, events: [], entries: [], ...overrides };
}

function describeQueueStore(name: string, open: OpenFreshStore) {
  describe(name, () => {
    let store: Store;
    freshStoreEachTest(open, (opened) => (store = opened));

    it('starts a queue once, keeping its first configuration and its start', async () => {
      expect(await store.queues.create({ crossing: 'KORDAY', config, createdAt: T0 })).toBe(true);
      expect(await store.queues.create({ crossing: 'KORDAY', config: { ...config, accuracyWindow: 7 }, createdAt: T0 + 1 })).toBe(false);
      expect(await store.queues.get('KORDAY')).toEqual({ crossing: 'KORDAY', initialConfig: config, config, createdAt: T0, logLength: 0, version: 0 });
      expect(await store.queues.get('NOWHERE')).toBeUndefined();
      expect((await store.queues.list()).map((q) => q.crossing)).toEqual(['KORDAY']);
    });

    it('appends records in order only from the length the writer read, and keeps the configuration they change', async () => {
      await store.queues.create({ crossing: 'KORDAY', config, createdAt: T0 });
      expect(await store.queues.append(write(1))).toBe(true);
      // A second writer that read the log at length 0 loses: nothing of its write is kept.
      expect(await store.queues.append(write(1, { events: [event(1, 'KORDAY-1', 'lost')], entries: [entry('KORDAY-1')] }))).toBe(false);
      expect(await store.queues.append(write(3))).toBe(false);
      const changed = { ...config, backlog: { ratePerHour: 5, burst: 1 } };
      expect(await store.queues.append(write(2, { record: { kind: 'refresh', at: T0 + 2 }, version: 1, config: changed }))).toBe(true);
      expect(await store.queues.append(write(3, { crossing: 'NOWHERE' }))).toBe(false);
      expect(await store.queues.log('KORDAY', 1, 10)).toEqual([write(1).record, { kind: 'refresh', at: T0 + 2 }]);
      expect(await store.queues.log('KORDAY', 2, 10)).toEqual([{ kind: 'refresh', at: T0 + 2 }]);
      expect(await store.queues.log('KORDAY', 1, 1)).toHaveLength(1);
      expect(await store.queues.events({ crossing: 'KORDAY', limit: 10, offset: 0 })).toEqual([]);
      expect(await store.queues.entries({ limit: 10, offset: 0 })).toEqual({ items: [], total: 0 });
      const stored = await store.queues.get('KORDAY');
      expect([stored?.logLength, stored?.version, stored?.config, stored?.initialConfig]).toEqual([2, 1, changed, config]);
    });

    it('keeps events with their reasons, newest first, and entries as they change', async () => {
      await store.queues.create({ crossing: 'KORDAY', config, createdAt: T0 });
      await store.queues.append(
        write(1, { events: [event(1, 'KORDAY-1', HOSTILE), event(1, null, 'rate')], entries: [entry('KORDAY-1'), entry('KORDAY-2', { owner: 'haulier-b', enteredAt: T0 + 5 })] }),
      );
      const later = entry('KORDAY-1', {
        status: 'served',
        arrivedAt: T0 + 10,
        calledAt: T0 + 20,
        doneAt: T0 + 30,
        noShows: 1,
        priorityClass: 'perishable',
        channel: 'red',
        firstEstimate: { madeAt: T0 + 11, callAt: T0 + 19 },
      });
      await store.queues.append(write(2, { events: [event(2, 'KORDAY-1', 'called')], entries: [later] }));

      const all = await store.queues.events({ crossing: 'KORDAY', limit: 10, offset: 0 });
      expect(all.map((e) => e.reason)).toEqual(['called', 'rate', HOSTILE]);
      expect(all[2]).toEqual(event(1, 'KORDAY-1', HOSTILE));
      expect((await store.queues.events({ crossing: 'KORDAY', entryId: 'KORDAY-1', limit: 1, offset: 1 })).map((e) => e.reason)).toEqual([HOSTILE]);

      expect(await store.queues.entry('KORDAY-1')).toEqual(later);
      const mine = await store.queues.entries({ owner: 'haulier-a', limit: 10, offset: 0 });
      expect(mine).toEqual({ items: [later], total: 1 });
      const page = await store.queues.entries({ crossing: 'KORDAY', limit: 1, offset: 0 });
      expect([page.items.map((e) => e.id), page.total]).toEqual([['KORDAY-2'], 2]);
      expect((await store.queues.entries({ crossing: 'KORDAY', statuses: ['booked', 'waiting'], limit: 10, offset: 0 })).total).toBe(1);
      expect((await store.queues.entries({ statuses: [], limit: 10, offset: 0 })).total).toBe(0);
      expect(await store.queues.entry('KORDAY-9')).toBeUndefined();
    });
  });
}

for (const [backend, open] of storeBackends('queue')) describeQueueStore(`queue store on ${backend}`, open);
