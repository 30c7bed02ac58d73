/**
 * The border queue through the HTTP API, on a store file that outlives the platform (SQLite, and PostgreSQL when
 * configured): configuration, bookings, check-ins by staff and by a seal's geofence event, holding for incomplete
 * papers, simultaneous calls, staff decisions with reasons, no-shows on the timer, the board, the public lookup,
 * hauliers' own trucks, and a restart that rebuilds the same queue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type Api } from '../../src/adapters/http/server.js';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { CONSOLE_USER, wirePlatform, type Platform } from '../../src/apps/platform.js';
import { createAudit } from '../../src/services/audit.js';
import { wireQueues } from '../../src/services/queue/index.js';
import type { SealDevice } from '../../src/core/model/index.js';
import type { Store } from '../../src/ports/store.js';
import { apiWorld, type Tokens } from '../support/api-world.js';
import { KORDAY, SEAL, validDeclaration } from '../support/fixtures.js';
import { postgresUrl } from '../support/services.js';

const MINUTE = 60_000;
/** A seal armed on a cargo: its truck counts as e-sealed. */
const ARMED: SealDevice = { id: '356307042441099', protocol: 'teltonika', state: 'armed' };
const Q = `/api/v1/queues/${KORDAY.code}`;

interface Backend {
  /** A store on the same database every time it is called. */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

function describeQueueApi(name: string, backend: () => Backend) {
  describe(name, () => {
    let db: Backend;
    let platform: Platform;
    let api: Api;
    let tokens: Tokens;
    let now = Date.parse('2025-11-20T08:00:00.000Z');
    const clock = { now: () => new Date(now) };
    const tick = (ms = MINUTE) => {
      now += ms;
    };
    const as = (user: keyof Tokens) => ({ authorization: `Bearer ${tokens[user]}` });
    const ids: Record<string, string> = {};

    async function declare(reference: string, plate: string, options: { complete?: boolean; seals?: string[] } = {}): Promise<string> {
      const input = { ...validDeclaration(reference), vehicle: { plate, country: 'KG' }, seals: options.seals ?? [SEAL.id] };
      if (options.complete === false) input.consignee = { name: input.consignee.name, country: input.consignee.country };
      const created = await api.inject({ method: 'POST', url: '/api/v1/declarations?submit=true', headers: as('haulier-a'), payload: input });
      expect(created.statusCode).toBe(201);
      return created.json<{ declaration: { id: string } }>().declaration.id;
    }

    const post = (url: string, user: keyof Tokens, payload?: object) => api.inject({ method: 'POST', url, headers: as(user), ...(payload ? { payload } : {}) });
    const get = (url: string, user: keyof Tokens = 'admin') => api.inject({ method: 'GET', url, headers: as(user) });

    beforeAll(async () => {
      db = backend();
      platform = wirePlatform(await db.open(), clock);
      ({ api, tokens } = await apiWorld(platform, [SEAL, ARMED]));
      ids.a = await declare('Q-A', 'B1001KG');
      ids.b = await declare('Q-B', 'B1002KG');
      ids.c = await declare('Q-C', 'B1003KG');
      ids.sealed = await declare('Q-S', 'B1004KG', { seals: [ARMED.id] });
      ids.incomplete = await declare('Q-I', 'B1005KG', { complete: false });
      ids.booked = await declare('Q-K', 'B1006KG');
    });

    afterAll(async () => {
      await api.close();
      await platform.close();
      await db.dispose();
    });

    it('takes the lanes (capacity by channel), hours and release rate, refusing bad ones with the field', async () => {
      const bad = await api.inject({
        method: 'PUT',
        url: `${Q}/lanes`,
        headers: as('admin'),
        payload: { lanes: [{ id: 'L1', capacityPerHour: { green: -1, yellow: 4, red: 1 } }], operatingHours: null, reason: 'opening' },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.issues[0].path).toBe('lanes[0].capacityPerHour.green');
      const none = await api.inject({ method: 'PUT', url: `${Q}/lanes`, headers: as('admin'), payload: { lanes: [{ id: 'L1', capacityPerHour: { green: 0, yellow: 0, red: 0 } }], operatingHours: null, reason: 'x' } });
      expect([none.statusCode, none.json().error.issues[0].code]).toEqual([422, 'LANE_TAKES_NOTHING']);

      const lanes = [
        { id: 'L1', capacityPerHour: { green: 12, yellow: 8, red: 2 } },
        { id: 'L2', capacityPerHour: { green: 12, yellow: 8, red: 0 } },
      ];
      const set = await api.inject({ method: 'PUT', url: `${Q}/lanes`, headers: as('admin'), payload: { lanes, operatingHours: null, reason: 'opening the e-queue' } });
      expect(set.statusCode).toBe(200);
      expect(set.json().settings.lanes.map((lane: { id: string; open: boolean }) => [lane.id, lane.open])).toEqual([['L1', true], ['L2', true]]);
      const rate = await api.inject({ method: 'PUT', url: `${Q}/release-rate`, headers: as('admin'), payload: { ratePerHour: 30, reason: 'step-by-step release' } });
      expect(rate.json().settings.backlog).toEqual({ ratePerHour: 30, burst: 2 });
      expect((await api.inject({ method: 'PUT', url: `${Q}/release-rate`, headers: as('inspector'), payload: { ratePerHour: 1, reason: 'x' } })).statusCode).toBe(403);
      expect((await get(`${Q}/settings`, 'inspector')).json().backlog.ratePerHour).toBe(30);
    });

    it('books a slot for a haulier\'s own truck only', async () => {
      const slot = { declarationId: ids.booked!, slotStart: new Date(now + 60 * MINUTE).toISOString(), slotEnd: new Date(now + 120 * MINUTE).toISOString() };
      const others = await post(`${Q}/bookings`, 'haulier-b', slot);
      expect(others.statusCode).toBe(404);
      // Another's declaration is not found whatever else is wrong with the request, so nothing can be probed.
      expect((await post('/api/v1/queues/ELSEWHERE/bookings', 'haulier-b', slot)).body).toBe(others.body);
      const elsewhere = await post('/api/v1/queues/ELSEWHERE/bookings', 'haulier-a', slot);
      expect([elsewhere.statusCode, elsewhere.json().error.issues[0].code]).toEqual([422, 'OTHER_CROSSING']);
      const backwards = await post(`${Q}/bookings`, 'haulier-a', { ...slot, slotEnd: slot.slotStart });
      expect([backwards.statusCode, backwards.json().error.issues[0].path]).toEqual([422, 'booking.slotEnd']);
      const booked = await post(`${Q}/bookings`, 'haulier-a', slot);
      expect(booked.statusCode).toBe(201);
      const entry = booked.json().entry;
      expect(entry.status).toBe('booked');
      expect(entry.booking.code).toMatch(/^[0-9A-Z]{10}$/);
      ids.bookedEntry = entry.id;
      ids.bookingCode = entry.booking.code;
    });

    it('checks trucks in once each: incomplete papers hold, the seal\'s geofence event finds the same entry', async () => {
      for (const key of ['a', 'b', 'c', 'incomplete'] as const) {
        tick();
        const checked = await post(`${Q}/check-ins`, 'inspector', { declarationId: ids[key], channel: 'green' });
        expect(checked.statusCode).toBe(201);
        ids[`${key}Entry`] = checked.json().entry.id;
        ids[`${key}Code`] = checked.json().entry.lookupCode;
      }
      const again = await post(`${Q}/check-ins`, 'admin', { declarationId: ids.a });
      expect([again.statusCode, again.json().changed, again.json().entry.id, again.json().reasons[0].code]).toEqual([200, false, ids.aEntry, 'ALREADY_CHECKED_IN']);
      const held = (await get(`${Q}/entries/${ids.incompleteEntry}`)).json();
      expect(held.status).toBe('holding');
      expect(held.explanation.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['HOLDING', 'DECLARATION_INCOMPLETE', 'RECIPIENT_UNIDENTIFIED']));

      tick();
      await expect(platform.queue.checkInFromSeal({ crossing: KORDAY.code, deviceId: 'not-this-seal', declarationId: ids.sealed! })).rejects.toMatchObject({
        issues: [{ code: 'SEAL_NOT_DECLARED', path: 'deviceId' }],
      });
      // Assessed anew (green, where an unassessed truck counts yellow): the truck enters with its latest assessment's channel.
      const assessed = await platform.store.risk.assessments.latest(ids.sealed!);
      expect(assessed).toBeDefined();
      await platform.store.risk.assessments.insert({
        ...assessed!,
        id: `${assessed!.id}-green`,
        at: new Date(now).toISOString(),
        assessment: { ...assessed!.assessment, channel: 'green' },
      });
      const bySeal = await platform.queue.checkInFromSeal({ crossing: KORDAY.code, deviceId: ARMED.id, declarationId: ids.sealed! });
      expect([bySeal.changed, bySeal.entry.route, bySeal.entry.priorityClass, bySeal.entry.channel]).toEqual([true, 'geofence', 'esealed_complete', 'green']);
      ids.sealedEntry = bySeal.entry.id;
      const staffToo = await post(`${Q}/check-ins`, 'inspector', { declarationId: ids.sealed });
      expect([staffToo.statusCode, staffToo.json().entry.id, staffToo.json().entry.route]).toEqual([200, ids.sealedEntry, 'geofence']);
      const unknown = await post(`${Q}/check-ins`, 'inspector', { declarationId: 'no-such-declaration' });
      expect([unknown.statusCode, unknown.json().error.issues[0].path]).toEqual([404, 'declarationId']);
    });

    it('lists the order with each truck\'s place, estimate and explanation, and says why one is ahead of another', async () => {
      tick(10_000);
      const order = (await get(Q, 'inspector')).json();
      expect(order.items.map((e: { id: string }) => e.id)).toEqual([ids.sealedEntry, ids.aEntry, ids.bEntry, ids.cEntry]);
      expect(order.items.map((e: { position: number }) => e.position)).toEqual([1, 2, 3, 4]);
      for (const item of order.items) expect(Date.parse(item.estimatedCallAt)).toBeGreaterThanOrEqual(now - 10_000);
      expect(order.items[1].explanation[0]).toEqual({ code: 'POSITION', message: '1 trucks are ahead in the order' });
      const why = (await get(`${Q}/compare?a=${ids.cEntry}&b=${ids.sealedEntry}`)).json();
      expect(why.ahead).toBe(ids.sealedEntry);
      expect(why.reasons[0].code).toBe('CLASS_HEAD_START');
      const holding = (await get(`${Q}?status=holding`)).json();
      expect(holding.items.map((e: { id: string }) => e.id)).toEqual([ids.incompleteEntry]);
      expect((await get(`${Q}?status=nonsense`)).statusCode).toBe(400);
      expect((await get(Q, 'haulier-a')).statusCode).toBe(403);
    });

    it('lets a holding truck join the order when its papers are completed', async () => {
      tick();
      const fixed = await api.inject({ method: 'PUT', url: `/api/v1/declarations/${ids.incomplete}`, headers: as('haulier-a'), payload: { ...validDeclaration('Q-I'), vehicle: { plate: 'B1005KG', country: 'KG' } } });
      expect(fixed.statusCode).toBe(200);
      expect((await post(`/api/v1/declarations/${ids.incomplete}/submit`, 'haulier-a')).json().declaration.status).toBe('accepted');
      const joined = (await get(`${Q}/entries/${ids.incompleteEntry}`)).json();
      expect(joined.status).toBe('waiting');
      // Its place counts from its arrival, before trucks that checked in after it had none.
      expect(joined.position).toBe(5);
      expect(joined.history.map((h: { action: string }) => h.action).slice(0, 2)).toEqual(['joined_order', 'declaration_updated']);
    });

    it('calls two different trucks when two staff call at the same moment, and refuses the stale one of two calls from one version', async () => {
      tick();
      const version = (await get(Q)).json().version;
      const [one, two] = await Promise.all([post(`${Q}/calls`, 'inspector', { lane: 'L1' }), post(`${Q}/calls`, 'admin', { lane: 'L2' })]);
      expect([one.statusCode, two.statusCode]).toEqual([200, 200]);
      const called = [one.json().entry.id, two.json().entry.id];
      expect(new Set(called).size).toBe(2);
      expect(called.sort()).toEqual([ids.sealedEntry, ids.aEntry].sort());
      expect(one.json().entry.status).toBe('called');
      expect(one.json().reasons[0].code).toBe('FIRST_IN_ORDER');

      for (const id of called) expect((await post(`${Q}/entries/${id}/arrival`, 'inspector')).json().entry.status).toBe('served');
      tick(10 * MINUTE);
      const seen = (await get(Q)).json().version;
      expect(seen).toBeGreaterThan(version);
      const racing = await Promise.all([
        post(`${Q}/calls`, 'inspector', { lane: 'L1', expectedVersion: seen }),
        post(`${Q}/calls`, 'admin', { lane: 'L2', expectedVersion: seen }),
        post(`${Q}/calls`, 'admin', { lane: 'L2', expectedVersion: seen }),
      ]);
      expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      const refused = racing.find((r) => r.statusCode === 409)!.json();
      expect(refused.error.issues[0]).toMatchObject({ code: 'STALE_VERSION', path: 'expectedVersion' });
      const winner = racing.find((r) => r.statusCode === 200)!.json();
      ids.calledFirst = winner.entry.id;
      const busy = await post(`${Q}/calls`, 'admin', { lane: winner.lane });
      expect([busy.statusCode, busy.json().error.issues[0].code]).toEqual([409, 'LANE_AWAITING_TRUCK']);
    });

    it('moves back a called truck that does not show, on the timer', async () => {
      tick(21 * MINUTE);
      await platform.queueTimers.sweep();
      const entry = (await get(`${Q}/entries/${ids.calledFirst}`)).json();
      expect([entry.status, entry.noShows, entry.history[1].action]).toEqual(['waiting', 1, 'no_show']);
      expect(entry.history[1].by).toBe('no-show-timer');
    });

    it('records staff decisions with their reason, and refuses one without', async () => {
      const noReason = await post(`${Q}/entries/${ids.cEntry}/hold`, 'inspector', {});
      expect([noReason.statusCode, noReason.json().error.issues[0].path]).toEqual([400, 'reason']);
      tick();
      const held = await post(`${Q}/entries/${ids.cEntry}/hold`, 'inspector', { reason: 'seal number to be verified' });
      expect([held.statusCode, held.json().entry.status, held.json().entry.staffHold.reason]).toEqual([200, 'holding', 'seal number to be verified']);
      const raised = await post(`${Q}/entries/${ids.bEntry}/priority`, 'admin', { priorityClass: 'perishable', reason: 'medicines under temperature control' });
      expect(raised.json().entry.priorityClass).toBe('perishable');
      expect((await post(`${Q}/entries/${ids.cEntry}/release`, 'inspector', { reason: 'verified' })).json().entry.status).toBe('waiting');
      expect((await post(`${Q}/entries/nope/hold`, 'inspector', { reason: 'x' })).statusCode).toBe(404);

      const events = (await get(`${Q}/events?entryId=${ids.cEntry}`)).json().items;
      const decisions = events.filter((e: { action: string }) => e.action === 'held' || e.action === 'released');
      expect(decisions.map((e: { action: string; reason: string; by: string }) => [e.action, e.reason, e.by])).toEqual([
        ['released', 'verified', 'inspector'],
        ['held', 'seal number to be verified', 'inspector'],
      ]);
      const audit = await platform.store.audit.list({ entity: 'queue-entry', entityId: ids.cEntry!, limit: 10, offset: 0 });
      expect(audit.map((a) => a.action)).toEqual(['queue.release', 'queue.hold', 'queue.check_in']);
      expect(audit[1]?.detail).toMatchObject({ reason: 'seal number to be verified', crossing: KORDAY.code });
    });

    it('shows the board: length by class, waits, throughput and the backlog\'s clearance at the release rate', async () => {
      tick();
      const board = (await get(`${Q}/board`, 'inspector')).json();
      expect(board.total.waiting).toBe(3);
      expect(board.total.booked).toBe(1);
      expect(board.byClass.perishable.waiting).toBe(1);
      expect(board.throughput.callsLastHour).toBe(3);
      expect(board.waitingNow.count).toBe(3);
      expect(board.waitingNow.p95Ms).toBeGreaterThanOrEqual(board.waitingNow.medianMs);
      expect(board.backlog.releaseRatePerHour).toBe(30);
      expect(board.backlog.clearanceHours).toBeGreaterThan(0);
      expect(Date.parse(board.backlog.clearanceAt)).toBeGreaterThan(now);
      expect(board.accuracy.first.overall.count).toBeGreaterThan(0);
      expect(board.approaching).toEqual({ total: 0, withinHours: { '1': 0, '3': 0, '6': 0, '12': 0 }, next: [] });

      // Every crossing with a queue at a glance, with the board's counts; the crossings without one are not listed.
      const queues = (await get('/api/v1/queues', 'inspector')).json();
      expect(queues).toEqual({ items: [{ crossing: KORDAY.code, version: board.version, total: board.total }] });
      expect((await api.inject({ method: 'GET', url: '/api/v1/queues' })).statusCode).toBe(401);
    });

    it('counts on the board the sealed trucks on their way, by their trips\' ETAs, less those already queued', async () => {
      const waiting = (await get(Q, 'inspector')).json().items[0];
      const on = (minutes: number) => now + minutes * MINUTE;
      const approaching = {
        toCrossing: (crossing: string) =>
          crossing !== KORDAY.code
            ? []
            : [
                { tripId: 'trip-queued', declarationId: waiting.declarationId, etaAt: on(5) },
                { tripId: 'trip-1', declarationId: 'declaration-on-the-way-1', etaAt: on(50) },
                { tripId: 'trip-2', declarationId: 'declaration-on-the-way-2', etaAt: on(300) },
              ],
      };
      const views = wireQueues(platform.store, platform.auth, clock, createAudit(platform.store.audit, clock), approaching).queueViews;
      const board = await views.board(CONSOLE_USER, KORDAY.code);
      expect(board.approaching).toEqual({
        total: 2,
        withinHours: { '1': 1, '3': 1, '6': 2, '12': 2 },
        next: [
          { declarationId: 'declaration-on-the-way-1', tripId: 'trip-1', etaAt: new Date(on(50)).toISOString() },
          { declarationId: 'declaration-on-the-way-2', tripId: 'trip-2', etaAt: new Date(on(300)).toISOString() },
        ],
      });
    });

    it('answers drivers by plate and code with position, estimate and status only, and the same not-found for a wrong code', async () => {
      const found = await api.inject({ method: 'GET', url: `/api/v1/queue/lookup?plate=b1002-kg&code=${ids.bCode}` });
      expect(found.statusCode).toBe(200);
      expect(Object.keys(found.json()).sort()).toEqual(['estimatedCallAt', 'position', 'status']);
      expect(found.json()).toMatchObject({ status: 'waiting', position: 1 });
      const booked = await api.inject({ method: 'GET', url: `/api/v1/queue/lookup?plate=B1006KG&code=${ids.bookingCode}` });
      expect(booked.json()).toEqual({ status: 'booked', position: null, estimatedCallAt: null });
      const wrongCode = await api.inject({ method: 'GET', url: `/api/v1/queue/lookup?plate=B1002KG&code=${ids.aCode}` });
      const unknownPlate = await api.inject({ method: 'GET', url: `/api/v1/queue/lookup?plate=ZZ999&code=${ids.bCode}` });
      expect(wrongCode.statusCode).toBe(404);
      expect(wrongCode.body).toBe(unknownPlate.body);
      expect((await api.inject({ method: 'GET', url: '/api/v1/queue/lookup?plate=B1002KG' })).statusCode).toBe(400);
    });

    it('shows hauliers their own trucks only', async () => {
      const mine = (await get('/api/v1/queue/trucks', 'haulier-a')).json();
      expect(mine.total).toBe(6);
      const b = mine.items.find((t: { id: string }) => t.id === ids.bEntry);
      expect([b.status, b.position, typeof b.estimatedCallAt]).toEqual(['waiting', 1, 'string']);
      expect((await get('/api/v1/queue/trucks', 'haulier-b')).json()).toEqual({ items: [], total: 0 });
      expect((await get('/api/v1/queue/trucks', 'inspector')).statusCode).toBe(403);
    });

    it('rebuilds the same queue after a restart: order, estimates, settings and board', async () => {
      tick();
      const before = { order: (await get(Q)).json(), board: (await get(`${Q}/board`)).json(), settings: (await get(`${Q}/settings`)).json() };
      await api.close();
      await platform.close();

      platform = wirePlatform(await db.open(), clock);
      api = await createHttpServer(platform);
      const after = { order: (await get(Q)).json(), board: (await get(`${Q}/board`)).json(), settings: (await get(`${Q}/settings`)).json() };
      expect(after.order.items.length).toBe(3);
      expect(after).toEqual(before);
      // And it goes on from there: the next call is the one the rebuilt order puts first.
      const next = await post(`${Q}/calls`, 'inspector', { lane: 'L2' });
      expect(next.json().entry.id).toBe(before.order.items[0].id);
    });

    it('moves a queued truck to the channel a risk re-assessment raised it to, and ignores trucks not queued', async () => {
      tick();
      const [waiting] = (await get(Q)).json().items;
      expect(waiting.channel).not.toBe('red');
      await platform.queue.channelRaised({ declarationId: waiting.declarationId, borderCrossing: KORDAY.code, to: 'red' });
      expect((await get(`${Q}/entries/${waiting.id}`)).json().channel).toBe('red');
      const audited = await platform.store.audit.list({ entity: 'queue-entry', entityId: waiting.id, limit: 1, offset: 0 });
      expect([audited[0]?.action, audited[0]?.actor]).toEqual(['queue.channel_raised', 'risk']);

      await expect(platform.queue.channelRaised({ declarationId: 'not-queued', borderCrossing: KORDAY.code, to: 'red' })).resolves.toBeUndefined();
      await expect(platform.queue.channelRaised({ declarationId: waiting.declarationId, borderCrossing: 'NO-QUEUE-HERE', to: 'red' })).resolves.toBeUndefined();
      // Only ever raised: a lower channel told later leaves the truck in red.
      await platform.queue.channelRaised({ declarationId: waiting.declarationId, borderCrossing: KORDAY.code, to: 'yellow' });
      expect((await get(`${Q}/entries/${waiting.id}`)).json().channel).toBe('red');
    });

    it('moves a queued truck in its sweep to a channel a trip\'s alert raised it to when the queue was never told', async () => {
      tick();
      const unseen = (await get(Q)).json().items.find((entry: { channel: string }) => entry.channel !== 'red') as { id: string; declarationId: string; channel: string };
      const reassess = async (trigger: 'alert:seal-opened' | 'on-demand') => {
        tick();
        const latest = (await platform.store.risk.assessments.latest(unseen.declarationId))!;
        const at = new Date(now).toISOString();
        await platform.store.risk.assessments.insert({ ...latest, id: `reassessed-${unseen.declarationId}-${trigger}`, trigger, at, assessment: { ...latest.assessment, channel: 'red' } });
      };
      // Red, but by a person's own assessment, which the queue is not told of: the truck stays.
      await reassess('on-demand');
      expect(await platform.queue.catchUpRaisedChannels()).toBe(0);
      expect((await get(`${Q}/entries/${unseen.id}`)).json().channel).toBe(unseen.channel);
      // Red by a trip's alert after the truck entered, stored as a process that died before telling the queue leaves it.
      await reassess('alert:seal-opened');
      await platform.queueTimers.sweep();
      expect((await get(`${Q}/entries/${unseen.id}`)).json().channel).toBe('red');
      const audited = await platform.store.audit.list({ entity: 'queue-entry', entityId: unseen.id, limit: 1, offset: 0 });
      expect([audited[0]?.action, audited[0]?.actor]).toEqual(['queue.channel_raised', 'risk']);
      // Once in red, the next sweep has nothing to do.
      expect(await platform.queue.catchUpRaisedChannels()).toBe(0);
    });
  });
}

describeQueueApi('queue API on SQLite', () => {
  const directory = mkdtempSync(join(tmpdir(), 'corridor-queue-'));
  return {
    open: async () => {
      const store = openSqliteStore(join(directory, 'corridor.db'));
      await store.migrate();
      return store;
    },
    dispose: async () => rmSync(directory, { recursive: true, force: true }),
  };
});

const url = postgresUrl();
if (url !== undefined) {
  describeQueueApi('queue API on PostgreSQL', () => {
    const schema = `test_queue_api_${randomBytes(4).toString('hex')}`;
    return {
      open: async () => {
        const store = openPostgresStore(url, { schema });
        await store.migrate();
        return store;
      },
      dispose: async () => {
        const admin = new pg.Pool({ connectionString: url, max: 1 });
        await admin.query(`drop schema if exists ${schema} cascade`);
        await admin.end();
      },
    };
  });
}
