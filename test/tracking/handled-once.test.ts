/**
 * A consumer group's work and its handled mark are stored together, on every backend: an API process that dies after
 * its work is stored and before it would mark the news handled leaves the mark too, so the news delivered again is
 * not acted on a second time (no second re-assessment, no second check-in of a truck staff took out of the queue
 * meanwhile). A mark another member wrote first rolls the work back.
 */
import { describe, expect, it } from 'vitest';
import { CONSOLE_USER } from '../../src/apps/platform.js';
import type { Position } from '../../src/core/model/index.js';
import type { TrackingEvent } from '../../src/core/tracking/index.js';
import { DEVICE, T0 } from '../../src/core/tracking/test-support.js';
import type { Store } from '../../src/ports/store.js';
import type { HandledNewsRepository } from '../../src/ports/tracking-news.js';
import type { Alert } from '../../src/ports/tracking-store.js';
import { handledOnce } from '../../src/services/tracking/handled-once.js';
import { alertRaisedNews, eventNews } from '../../src/services/tracking/tracking-news.js';
import { freshStoreEachTest, storeBackends } from '../support/store-backends.js';
import { seedRoute, trackingWorld } from './tracking-world.js';

const GROUP = 'tracking-consequences';

for (const [name, open] of storeBackends('handled_once')) {
  describe(`the consequences of the tracker's news on ${name}`, () => {
    let store: Store;
    freshStoreEachTest(open, (opened) => (store = opened));

    async function world() {
      const { platform, clock } = trackingWorld(store);
      const declarationId = await seedRoute(platform, 'ONCE-0001', [DEVICE]);
      const crossing = (await store.declarations.get(declarationId))!.borderCrossing;
      const { handler } = platform.consequences.find((consequence) => consequence.group === GROUP)!;
      const alarm = alertRaisedNews({ id: 'alert-1', tripId: 'trip-1', type: 'seal-opened' } as Alert, declarationId);
      const position = { deviceId: DEVICE, deviceTime: T0, receivedTime: T0, lat: 43.2, lon: 74.8 } as Position;
      const entered = eventNews(
        { id: 'event-1', tripId: 'trip-1', type: 'geofence-entered', at: T0, position, details: { placeId: `crossing:${crossing}`, kind: 'crossing' } } as unknown as TrackingEvent,
        declarationId,
      );
      const reassessed = async () => (await store.risk.assessments.history(declarationId)).filter((a) => a.trigger === 'alert:seal-opened');
      const entries = async () => (await store.queues.entries({ crossing, limit: 10, offset: 0 })).items.filter((entry) => entry.declarationId === declarationId);
      return { platform, clock, crossing, handler, alarm, entered, reassessed, entries };
    }

    it('keeps the mark with the re-assessment and the check-in, so a process that dies before marking does not act again', async () => {
      const w = await world();
      // The process dies once the work is stored, before it would write the mark on its own.
      const dying: HandledNewsRepository = {
        has: (group, id) => store.handledNews.has(group, id),
        add: () => Promise.reject(new Error('the process died')),
        forgetBefore: (at) => store.handledNews.forgetBefore(at),
      };
      for (const news of [w.alarm, w.entered]) await expect(handledOnce(dying, GROUP, w.clock, w.handler)(news)).rejects.toThrow('the process died');
      expect(await w.reassessed()).toHaveLength(1);
      const [entry] = await w.entries();
      expect(entry).toBeDefined();
      // Meanwhile staff take the truck out of the queue: a second check-in would put it back.
      await w.platform.queue.remove(CONSOLE_USER, w.crossing, entry!.id, 'turned back for papers');

      // The bus delivers both again, to the next process.
      for (const news of [w.alarm, w.entered]) await handledOnce(store.handledNews, GROUP, w.clock, w.handler)(news);
      expect(await w.reassessed()).toHaveLength(1);
      expect((await w.entries()).map((e) => [e.id, e.status])).toEqual([[entry!.id, 'dropped']]);
      for (const news of [w.alarm, w.entered]) expect(await store.handledNews.has(GROUP, news.id)).toBe(true);
    });

    it('rolls the work back when another member of the group marked the news first', async () => {
      const w = await world();
      // Another member did the work and marked it between this one's look at the marks and its own write.
      const late: HandledNewsRepository = { ...store.handledNews, has: async () => false, add: (mark) => store.handledNews.add(mark) };
      await store.handledNews.add({ group: GROUP, newsId: w.alarm.id, at: new Date(T0).toISOString() });
      await expect(handledOnce(late, GROUP, w.clock, w.handler)(w.alarm)).rejects.toThrow();
      expect(await w.reassessed()).toEqual([]);
    });
  });
}
