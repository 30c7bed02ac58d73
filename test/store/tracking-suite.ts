/** The tracking tables' part of the store contract, run by the store suite on every backend. */
import { describe, expect, it } from 'vitest';
import { hexagonAround } from '../../src/core/reference/index.js';
import { createTripState, prepareTrip, type TrackingEvent, type TripPlan } from '../../src/core/tracking/index.js';
import { LeaseLost } from '../../src/ports/shard-leases.js';
import type { Store } from '../../src/ports/store.js';
import type { DurableNews } from '../../src/ports/tracking-news.js';
import type { Alert, StoredTrip, TripProgress } from '../../src/ports/tracking-store.js';
import { HOSTILE, T0, T0_MS, position } from './fixtures.js';

function plan(id: string, sealIds: string[]): TripPlan {
  const place = (placeId: string, lat: number, lon: number) => ({ id: placeId, kind: 'office' as const, name: HOSTILE, geofence: hexagonAround({ lat, lon }, 1) });
  return {
    id,
    declarationId: `decl-${id}`,
    sealIds,
    route: { type: 'LineString', coordinates: [[76.9286, 43.2567], [74.6122, 42.8746]] },
    corridorWidthM: 500,
    origin: place('office:A', 43.2567, 76.9286),
    destination: place('office:B', 42.8746, 74.6122),
    crossing: null,
    places: [],
    stopZones: [],
    openedAt: T0_MS,
    expectedDurationMs: 5 * 3600_000,
  };
}

function trip(id: string, sealIds: string[], owner = 'haulier-a'): { trip: StoredTrip; progress: TripProgress } {
  const p = plan(id, sealIds);
  return {
    trip: { id, declarationId: p.declarationId, owner, sealIds, plan: p, status: 'open', openedAt: T0, openedBy: 'operator' },
    progress: { tripId: id, state: createTripState(prepareTrip(p)), cursors: {}, tickedAt: null },
  };
}

function event(tripId: string, type: TrackingEvent['type'], at: number): TrackingEvent {
  return {
    id: `${tripId}/${type}/${at}`,
    type,
    severity: type === 'corridor-left' ? 'alarm' : 'info',
    tripId,
    at,
    position: { deviceId: 'S1', deviceTime: at, lat: 43.1, lon: 76.1 },
    rule: { name: 'corridor', version: 1, params: { widthM: 500, note: HOSTILE } },
    details: { beyondM: 812.5, place: null },
  };
}

function alert(id: string, tripId: string, first: TrackingEvent): Alert {
  return {
    id,
    tripId,
    type: first.type,
    foldKey: first.type,
    severity: first.severity,
    status: 'open',
    firstSeen: first.at,
    lastSeen: first.at,
    occurrences: 1,
    endedAt: null,
    position: first.position,
    rule: first.rule,
    details: first.details,
    firstEventId: first.id,
    lastEventId: first.id,
    assignee: null,
    resolutionNote: null,
    createdAt: T0,
    updatedAt: T0,
  };
}

export function describeTrackingStore(store: () => Store): void {
  describe('trips', () => {
    it('round-trip a trip with its plan and first state, and list it', async () => {
      const t1 = trip('trip-1', ['S1', 'S2']);
      expect(await store().trips.open(t1.trip, t1.progress)).toEqual({ opened: true });
      expect(await store().trips.get('trip-1')).toStrictEqual(t1.trip);
      expect(await store().trips.progress('trip-1')).toStrictEqual(t1.progress);
      expect(await store().trips.openTripOfSeal('S2')).toBe('trip-1');
      expect(await store().trips.openTrips()).toStrictEqual([t1]);
      expect(await store().trips.openTrips(['trip-1', 'trip-x'])).toStrictEqual([t1]);
      expect(await store().trips.openTrips([])).toStrictEqual([]);
      const t2 = trip('trip-2', ['S3'], 'haulier-b');
      await store().trips.open(t2.trip, t2.progress);
      expect((await store().trips.list({ limit: 10, offset: 0 })).items.map((t) => t.id)).toEqual(['trip-2', 'trip-1']);
      expect(await store().trips.openTripIds()).toEqual(['trip-1', 'trip-2']);
      expect(await store().trips.list({ owner: 'haulier-b', limit: 10, offset: 0 })).toStrictEqual({ items: [t2.trip], total: 1 });
    });

    it('refuse a seal on a second open trip, and free it when the trip closes', async () => {
      const t1 = trip('trip-1', ['S1']);
      await store().trips.open(t1.trip, t1.progress);
      const t2 = trip('trip-2', ['S9', 'S1']);
      expect(await store().trips.open(t2.trip, t2.progress)).toEqual({ opened: false, sealId: 'S1' });
      // Nothing of the refused trip is left, not even its first seal.
      expect(await store().trips.get('trip-2')).toBeUndefined();
      expect(await store().trips.openTripOfSeal('S9')).toBeUndefined();

      expect(await store().trips.close('trip-1', '2025-03-01T10:00:00+02:00', 'operator')).toBe(true);
      expect(await store().trips.close('trip-1', T0, 'operator')).toBe(false);
      expect(await store().trips.get('trip-1')).toMatchObject({ status: 'closed', closedAt: '2025-03-01T08:00:00.000Z', closedBy: 'operator' });
      expect(await store().trips.openTrips()).toEqual([]);
      expect(await store().trips.open(t2.trip, t2.progress)).toEqual({ opened: true });
    });

    it('save states, events and alerts together, never storing an event twice', async () => {
      const t1 = trip('trip-1', ['S1']);
      await store().trips.open(t1.trip, t1.progress);
      const left = event('trip-1', 'corridor-left', T0_MS + 60_000);
      const again = event('trip-1', 'corridor-left', T0_MS + 120_000);
      const state = { ...t1.progress.state, fixes: 7 };
      const progress: TripProgress = { tripId: 'trip-1', state, cursors: { S1: { receivedTime: T0_MS + 61_000, deviceTime: T0_MS + 60_000, sequence: -1, deviceId: 'S1' } }, tickedAt: T0_MS };
      const batch = { progress: [progress], events: [left, again], newAlerts: [alert('alert-1', 'trip-1', left)], folds: [] };
      expect(await store().trips.saveProgress(batch)).toBe(2);
      // The same batch again (a resumed run after a crash) adds no event.
      expect(await store().trips.saveProgress({ ...batch, newAlerts: [] })).toBe(0);
      expect(await store().trips.progress('trip-1')).toStrictEqual(progress);
      expect(await store().trips.events('trip-1', { limit: 10, offset: 0 })).toStrictEqual({ items: [left, again], total: 2 });

      await store().trips.saveProgress({
        progress: [],
        events: [],
        newAlerts: [],
        folds: [{ id: 'alert-1', lastSeen: again.at, occurrences: 2, endedAt: again.at + 5, position: again.position, lastEventId: again.id, updatedAt: T0 }],
      });
      expect(await store().alerts.get('alert-1')).toStrictEqual({
        ...alert('alert-1', 'trip-1', left),
        lastSeen: again.at,
        occurrences: 2,
        endedAt: again.at + 5,
        position: again.position,
        lastEventId: again.id,
      });
      expect((await store().alerts.unresolvedOfOpenTrips()).map((a) => a.id)).toEqual(['alert-1']);
      await store().trips.close('trip-1', T0, 'operator');
      expect(await store().alerts.unresolvedOfOpenTrips()).toEqual([]);
    });

    it('keep a cursor for each seal, and the batches taken behind, in the order they were saved', async () => {
      const t1 = trip('trip-1', ['S1', 'S2']);
      await store().trips.open(t1.trip, t1.progress);
      const s1 = { receivedTime: T0_MS + 61_000, deviceTime: T0_MS + 60_000, sequence: 3, deviceId: 'S1' };
      const s2 = { receivedTime: T0_MS + 31_000, deviceTime: T0_MS + 30_000, sequence: -1, deviceId: 'S2' };
      const first = { tripId: 'trip-1', after: { S1: s1 }, through: { S1: s1, S2: s2 } };
      const second = { tripId: 'trip-1', after: { S1: s1, S2: s2 }, through: { S1: s1, S2: { ...s2, receivedTime: T0_MS + 41_000 } } };
      const progress = { ...t1.progress, cursors: second.through };
      await store().trips.saveProgress({ progress: [{ ...t1.progress, cursors: first.through }], events: [], newAlerts: [], folds: [], takenBehind: [first] });
      await store().trips.saveProgress({ progress: [progress], events: [], newAlerts: [], folds: [], takenBehind: [second] });
      expect((await store().trips.progress('trip-1'))?.cursors).toStrictEqual(second.through);
      expect((await store().trips.openTrips(['trip-1']))[0]?.progress).toStrictEqual(progress);
      expect(await store().trips.takenBehind('trip-1')).toStrictEqual([first, second].map(({ after, through }) => ({ after, through })));
      expect(await store().trips.takenBehind('trip-2')).toEqual([]);
    });

    it('refuse a save fenced by a lease taken over since, or given up, and store nothing of it', async () => {
      const t1 = trip('trip-1', ['S1']);
      await store().trips.open(t1.trip, t1.progress);
      const epoch = (await store().shardLeases.take(3, 'tracker-a', 1_000, 16_000))!;
      const fence = { owner: 'tracker-a', leases: [{ shard: 3, epoch }] };
      const left = event('trip-1', 'corridor-left', T0_MS + 60_000);
      const saved = { progress: [{ ...t1.progress, tickedAt: T0_MS }], events: [left], newAlerts: [], folds: [], fence };
      expect(await store().trips.saveProgress(saved)).toBe(1);
      // Renewing keeps the epoch: the holder's writes still pass.
      expect(await store().shardLeases.take(3, 'tracker-a', 5_000, 20_000)).toBe(epoch);

      // tracker-a stalls past its lease; tracker-b takes the shard over.
      const taken = await store().shardLeases.take(3, 'tracker-b', 21_000, 36_000);
      expect(taken).toBe(21_000);
      const late = event('trip-1', 'corridor-returned', T0_MS + 120_000);
      const stale = { progress: [{ ...t1.progress, tickedAt: T0_MS + 120_000 }], events: [late], newAlerts: [], folds: [], fence };
      await expect(store().trips.saveProgress(stale)).rejects.toBeInstanceOf(LeaseLost);
      expect((await store().trips.events('trip-1', { limit: 10, offset: 0 })).items).toEqual([left]);
      expect((await store().trips.progress('trip-1'))?.tickedAt).toBe(T0_MS);

      // Given up and taken again by tracker-a itself: a new epoch, so a write from before is still refused.
      await store().shardLeases.release(3, 'tracker-b');
      expect(await store().shardLeases.take(3, 'tracker-a', 40_000, 55_000)).toBe(40_000);
      await expect(store().trips.saveProgress(stale)).rejects.toBeInstanceOf(LeaseLost);
      expect(await store().trips.saveProgress({ ...stale, fence: { owner: 'tracker-a', leases: [{ shard: 3, epoch: 40_000 }] } })).toBe(1);
    });

    it('keep a batch\'s news in the outbox with it, in order, until published', async () => {
      const t1 = trip('trip-1', ['S1']);
      await store().trips.open(t1.trip, t1.progress);
      const left = event('trip-1', 'corridor-left', T0_MS + 60_000);
      const raised = alert('alert-1', 'trip-1', left);
      const news: DurableNews[] = [
        { kind: 'event', id: left.id, declarationId: 'decl-trip-1', event: left },
        { kind: 'alert-raised', id: 'alert:alert-1:raised', declarationId: 'decl-trip-1', alert: raised },
      ];
      await store().trips.saveProgress({ progress: [], events: [left], newAlerts: [raised], folds: [], news });
      const pending = await store().newsOutbox.pending(10);
      expect(pending.map((p) => p.news)).toStrictEqual(news);
      await store().newsOutbox.published([pending[0]!.seq]);
      expect((await store().newsOutbox.pending(10)).map((p) => p.news.id)).toEqual(['alert:alert-1:raised']);

      expect(await store().handledNews.has('consequences', left.id)).toBe(false);
      await store().handledNews.add({ group: 'consequences', newsId: left.id, at: T0 });
      await store().handledNews.add({ group: 'consequences', newsId: left.id, at: T0 });
      expect(await store().handledNews.has('consequences', left.id)).toBe(true);
      expect(await store().handledNews.has('other', left.id)).toBe(false);
      await store().handledNews.add({ group: 'consequences', newsId: 'later', at: '2025-03-08T08:00:00Z' });
      await store().handledNews.forgetBefore('2025-03-02T00:00:00Z');
      expect(await store().handledNews.has('consequences', left.id)).toBe(false);
      expect(await store().handledNews.has('consequences', 'later')).toBe(true);
    });

    it('read the positions of a trip\'s seals by receive time, in receive order', async () => {
      const late = position('S1', 10, { receivedTime: T0_MS + 500_000 });
      await store().positions.insertMany([position('S1', 0), position('S1', 60), late, position('S2', 30), position('S3', 30)]);
      const received = await store().trips.positionsReceived(['S1', 'S2'], T0_MS + 1_500);
      expect(received.map((p) => [p.deviceId, p.deviceTime])).toEqual([
        ['S1', T0_MS],
        ['S2', T0_MS + 30_000],
        ['S1', T0_MS + 60_000],
        ['S1', T0_MS + 10_000],
      ]);
      expect(await store().trips.positionsReceived(['S1'], T0_MS + 2_000, T0_MS + 100_000)).toStrictEqual([position('S1', 60)]);
      expect(await store().trips.positionsReceived([], 0)).toEqual([]);
      // Each device from its own receive time: S2's older position is read although S1's read starts later.
      const since = await store().trips.positionsReceivedSince(new Map([['S1', T0_MS + 61_500], ['S2', T0_MS]]));
      expect(since.map((p) => [p.deviceId, p.deviceTime]).sort()).toEqual([['S1', T0_MS + 10_000], ['S1', T0_MS + 60_000], ['S2', T0_MS + 30_000]]);
      expect(await store().trips.positionsReceivedSince(new Map())).toEqual([]);
      const resent = { ...position('S1', 60), receivedTime: T0_MS + 900_000 };
      const unsequenced = position('S2', 30);
      expect(await store().trips.storedReceiveTimes([resent, unsequenced, position('S1', 61), { ...unsequenced, sequence: 4 }])).toEqual([
        T0_MS + 61_500,
        T0_MS + 31_500,
        null,
        null,
      ]);
    });
  });

  describe('alerts', () => {
    it('take an operator\'s action only from the statuses given, and keep the history', async () => {
      const t1 = trip('trip-1', ['S1']);
      await store().trips.open(t1.trip, t1.progress);
      const left = event('trip-1', 'corridor-left', T0_MS);
      await store().trips.saveProgress({ progress: [], events: [left], newAlerts: [alert('alert-1', 'trip-1', left), { ...alert('alert-2', 'trip-1', left), severity: 'warning', type: 'battery-low' }], folds: [] });

      const assign = { alertId: 'alert-1', action: 'assign' as const, actor: 'operator', at: T0, status: 'assigned' as const, assignee: 'inspector', note: null };
      expect(await store().alerts.act(assign, ['open', 'acknowledged'])).toMatchObject({ id: 'alert-1', status: 'assigned', assignee: 'inspector' });
      const resolve = { alertId: 'alert-1', action: 'resolve' as const, actor: 'inspector', at: T0, status: 'resolved' as const, assignee: null, note: HOSTILE };
      expect(await store().alerts.act(resolve, ['open'])).toBeUndefined();
      const resolved = await store().alerts.act(resolve, ['open', 'assigned']);
      expect(resolved).toMatchObject({ status: 'resolved', assignee: 'inspector', resolutionNote: HOSTILE });
      expect(await store().alerts.get('alert-1')).toStrictEqual(resolved);
      expect(await store().alerts.actions('alert-1')).toStrictEqual([assign, resolve]);
      expect(await store().alerts.act({ ...resolve, alertId: 'nowhere' }, ['open'])).toBeUndefined();

      const page = (filter: object) => store().alerts.list({ limit: 10, offset: 0, ...filter }).then((p) => p.items.map((a) => a.id));
      expect(await page({})).toEqual(['alert-2', 'alert-1']);
      expect(await page({ status: ['resolved'] })).toEqual(['alert-1']);
      expect(await page({ status: [] })).toEqual([]);
      expect(await page({ severity: 'warning', tripId: 'trip-1' })).toEqual(['alert-2']);
      expect(await page({ type: 'corridor-left', assignee: 'inspector' })).toEqual(['alert-1']);
    });

    it('write the news of an action into the outbox in its transaction, and none for an action that did not apply', async () => {
      const t1 = trip('trip-1', ['S1']);
      await store().trips.open(t1.trip, t1.progress);
      const left = event('trip-1', 'corridor-left', T0_MS);
      await store().trips.saveProgress({ progress: [], events: [left], newAlerts: [alert('alert-1', 'trip-1', left)], folds: [] });
      const told = (changed: Alert): DurableNews => ({ kind: 'alert-changed', id: `changed:${changed.status}`, declarationId: 'decl-1', alert: changed });

      const acknowledge = { alertId: 'alert-1', action: 'acknowledge' as const, actor: 'operator', at: T0, status: 'acknowledged' as const, assignee: null, note: null };
      const changed = await store().alerts.act(acknowledge, ['open'], told);
      expect(await store().alerts.act(acknowledge, ['open'], told)).toBeUndefined();
      const pending = await store().newsOutbox.pending(10);
      expect(pending.map((p) => p.news)).toStrictEqual([told(changed!)]);
      expect(changed).toMatchObject({ status: 'acknowledged', updatedAt: T0 });
      await store().newsOutbox.published(pending.map((p) => p.seq));
    });
  });
}
