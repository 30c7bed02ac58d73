/**
 * The tracker service over a real store: positions through the ingest's durable observer and timer ticks raise
 * the engine's events and fold them into alerts, once; a tracker stopped mid-trip, or killed between a commit of
 * positions and the save of its state, is followed by a new one on the same store that carries on with exactly the
 * events of an uninterrupted run; replay agrees with what was stored.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';
import { offsetM } from '../../src/core/geo/index.js';
import type { TrackingEvent, TrackingInput } from '../../src/core/tracking/index.js';
import { MINUTE, T0, roadside, stubCountries, transit, withTicks, type Incident } from '../../src/core/tracking/test-support.js';
import { LeaseLost } from '../../src/ports/shard-leases.js';
import type { Store } from '../../src/ports/store.js';
import type { Alert } from '../../src/ports/tracking-store.js';
import type { TripEta } from '../../src/ports/tracking-news.js';
import { PositionIngest } from '../../src/services/position-ingest.js';
import { cursorOf, receiveOrder } from '../../src/services/tracking/receive-order.js';
import type { TrackingWorld } from './tracking-world.js';
import { postgresUrl } from '../support/services.js';
import { armRequest, feed, seedRoute, trackingWorld } from './tracking-world.js';

/** Doors opened by the road, a detour, a silent stretch, a spoofed fix and a draining battery; ticks every minute. */
const INCIDENTS: Incident[] = [
  { atM: 40_000, act: (d) => { roadside(5 * MINUTE)(d); d.setSeal({ locked: false }); roadside(10 * MINUTE)(d); d.setSeal({ locked: true }); roadside(5 * MINUTE)(d); } },
  { atM: 70_000, act: (d) => d.detour(6_000, 70 * MINUTE) },
  { atM: 110_000, act: (d) => d.silently(25) },
  { atM: 150_000, act: (d) => { d.time += 30_000; d.report(70, offsetM(d.here(), 0, 250_000)); } },
];

async function armed(world: TrackingWorld): Promise<{ tripId: string; inputs: TrackingInput[] }> {
  const declarationId = await seedRoute(world.platform);
  const view = await world.platform.trips.arm(CONSOLE_USER, armRequest(declarationId));
  const trip = world.platform.tracker.tripOf(view.trip.id)!;
  const driver = transit(trip, 'service', INCIDENTS, (d) => {
    d.drainPerHour = 9;
  });
  return { tripId: view.trip.id, inputs: withTicks(driver.inputs(), T0, driver.time, MINUTE) };
}

/** A trip's stored events with its id taken out, to compare runs of different trips. */
async function eventsOf(store: Store, tripId: string): Promise<unknown[]> {
  const { items } = await store.trips.events(tripId, { limit: 10_000, offset: 0 });
  return JSON.parse(JSON.stringify(items).replaceAll(tripId, 'TRIP')) as unknown[];
}

async function memoryStore(): Promise<Store> {
  const store = openStore(':memory:');
  await store.migrate();
  return store;
}

// The same runs on PostgreSQL, each store in a throwaway schema: its JSON columns give the saved states back with
// their keys reordered, and the tracker must not care.
const pgUrl = postgresUrl();
const run = `trk_${randomBytes(4).toString('hex')}`;
let schemas = 0;
async function postgresStore(): Promise<Store> {
  const store = openPostgresStore(pgUrl!, { schema: `${run}_${++schemas}` });
  await store.migrate();
  return store;
}
afterAll(async () => {
  if (pgUrl === undefined) return;
  const admin = new pg.Pool({ connectionString: pgUrl, max: 1 });
  const { rows } = await admin.query<{ name: string }>('select nspname as name from pg_namespace where nspname like $1', [`${run}%`]);
  for (const { name } of rows) await admin.query(`drop schema if exists ${name} cascade`);
  await admin.end();
});
const BACKENDS: Array<[string, () => Promise<Store>]> = [['SQLite', memoryStore], ...(pgUrl === undefined ? [] : [['PostgreSQL', postgresStore] as [string, () => Promise<Store>]])];

/** A second tracker on the same store, as after a restart of the process. */
function restarted(store: Store, world: TrackingWorld): TrackingWorld {
  const platform = wirePlatform(store, world.clock, { tracking: { tickIntervalMs: 0, countries: stubCountries() } });
  const ingest = new PositionIngest(store.positions, { durable: (positions) => platform.tracker.durable(positions) });
  return { platform, ingest, clock: world.clock };
}

describe.each(BACKENDS)('the tracker service on %s', (_, openBackend) => {
  it('raises each misbehaviour as one alert, with the engine\'s events stored once', async () => {
    const store = await openBackend();
    const world = trackingWorld(store);
    const { tripId, inputs } = await armed(world);
    const told = { raised: [] as Alert[], changed: [] as Alert[], etas: [] as TripEta[], positions: 0 };
    world.platform.tracker.subscribe({
      alertRaised: (alert) => told.raised.push(alert),
      alertChanged: (alert) => told.changed.push(alert),
      etaChanged: (eta) => told.etas.push(eta),
      positions: (_, positions) => void (told.positions += positions.length),
    });
    await feed(world, inputs);

    const events = (await store.trips.events(tripId, { limit: 10_000, offset: 0 })).items;
    const alarms = events.filter((e: TrackingEvent) => e.severity !== 'info').map((e) => e.type);
    expect(alarms.sort()).toEqual(['battery-low', 'corridor-left', 'implausible-jump', 'seal-opened', 'signal-lost']);
    const alerts = (await store.alerts.list({ tripId, limit: 100, offset: 0 })).items;
    expect(alerts.map((a) => a.type).sort()).toEqual(alarms.sort());
    const byType = Object.fromEntries(alerts.map((a) => [a.type, a]));
    // Conditions that ended are marked so, and stay for an operator to resolve.
    for (const type of ['seal-opened', 'corridor-left', 'signal-lost']) {
      expect(byType[type]!.endedAt, type).not.toBeNull();
      expect(byType[type]!.status).toBe('open');
    }
    expect(byType['corridor-left']!.rule.name).toBeTruthy();
    expect(byType['seal-opened']!.foldKey).toBe(`seal-opened:${events.find((e) => e.type === 'seal-opened')!.position!.deviceId}`);

    // The listeners heard of each alert as it was raised, and of each condition's end.
    expect(told.raised.map((a) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort());
    expect(told.changed.filter((a) => a.endedAt !== null).map((a) => a.type).sort()).toEqual(['corridor-left', 'seal-opened', 'signal-lost']);
    expect(told.positions).toBe(inputs.filter((input) => input.kind === 'position').length);
    // ETAs as the truck went, the crossing's dropped once past it, the destination's the arrival at the end.
    expect(told.etas.length).toBeGreaterThan(5);
    const last = told.etas.at(-1)!;
    expect(last).toMatchObject({ tripId, crossingAt: null });

    const report = await world.platform.trips.replay(CONSOLE_USER, tripId);
    expect(report).toMatchObject({ matches: true, stored: events.length, replayed: events.length, firstDifference: null });
    const view = await world.platform.trips.get(CONSOLE_USER, tripId);
    expect(view.progress?.arrivedAt).not.toBeNull();
    expect(view.eta?.destinationAt).toBe(view.progress?.arrivedAt);
    expect(last.destinationAt).toBe(view.progress?.arrivedAt);
    await world.platform.close();
  });

  it('forgets at its next tick an alert resolved by another process, so the next opening of the doors raises a new one', async () => {
    const store = await openBackend();
    const world = trackingWorld(store);
    const { tripId, inputs } = await armed(world);
    // Up to the doors closed again after the first opening.
    const positions = inputs.flatMap((input) => (input.kind === 'position' ? [input.position] : []));
    const opened = positions.findIndex((p) => p.seal?.locked === false);
    const closed = positions.findIndex((p, i) => i > opened && p.seal?.locked === true);
    const cut = inputs.findIndex((input) => input.kind === 'position' && input.position === positions[closed]);
    await feed(world, inputs.slice(0, cut + 1));
    const sealAlerts = async () => (await store.alerts.list({ tripId, type: 'seal-opened', limit: 10, offset: 0 })).items;
    const [first] = await sealAlerts();
    expect(first).toMatchObject({ status: 'open' });

    const api = wirePlatform(store, world.clock, { tracking: { tickIntervalMs: 0, countries: stubCountries() } });
    await api.alerts.resolve(CONSOLE_USER, first!.id, 'seal checked by the roadside team');
    const last = positions[closed]!;
    await world.platform.tracker.tick(last.receivedTime + 1_000);
    const reopened = [1, 2, 3].map((k) => ({ ...last, deviceTime: last.deviceTime + k * 60_000, receivedTime: last.receivedTime + k * 60_000, sequence: 1_000_000 + k, seal: { ...last.seal, locked: false } }));
    await world.ingest.submit(reopened);
    await world.platform.tracker.idle();
    const after = await sealAlerts();
    expect(after.map((alert) => alert.status).sort()).toEqual(['open', 'resolved']);
    expect(after.find((alert) => alert.status === 'resolved')!.occurrences).toBe(first!.occurrences);
  });

  it('saves nothing of its work once the lease its trips depend on was taken over while it was paused', async () => {
    const store = await openBackend();
    const world = trackingWorld(store);
    const { tripId, inputs } = await armed(world);
    const epoch = (await store.shardLeases.take(0, 'tracker-a', 1, 2))!;
    await world.platform.tracker.followOnly(() => true, { owner: 'tracker-a', leases: [{ shard: 0, epoch }] });
    const half = Math.floor(inputs.length / 2);
    await feed(world, inputs.slice(0, half));
    const saved = await store.trips.progress(tripId);
    const events = (await store.trips.events(tripId, { limit: 10_000, offset: 0 })).total;
    expect(saved?.cursors).not.toEqual({});

    // tracker-a was paused past its lease, and tracker-b took the shard over: what tracker-a took since is refused.
    expect(await store.shardLeases.take(0, 'tracker-b', 3, 1e15)).toBeDefined();
    const rest = inputs.slice(half).flatMap((input) => (input.kind === 'position' ? [input.position] : []));
    await world.ingest.submit(rest);
    await expect(world.platform.tracker.take(rest)).rejects.toBeInstanceOf(LeaseLost);
    expect(await store.trips.progress(tripId)).toStrictEqual(saved);
    expect((await store.trips.events(tripId, { limit: 10_000, offset: 0 })).total).toBe(events);
    await world.platform.close();
  });

  it('carries on after a restart mid-trip with exactly the events of an uninterrupted run', async () => {
    const whole = trackingWorld(await openBackend());
    const one = await armed(whole);
    await feed(whole, one.inputs);
    const expected = await eventsOf(whole.platform.store, one.tripId);

    for (const split of [0.3, 0.55, 0.8]) {
      const store = await openBackend();
      const first = trackingWorld(store);
      const two = await armed(first);
      const k = Math.floor(two.inputs.length * split);
      await feed(first, two.inputs.slice(0, k));
      await first.platform.tracker.stop();

      const second = restarted(store, first);
      await second.platform.tracker.start();
      await feed(second, two.inputs.slice(k));
      expect(await eventsOf(store, two.tripId), `split at ${split}`).toEqual(expected);
      expect((await second.platform.trips.replay(CONSOLE_USER, two.tripId)).matches).toBe(true);
      await second.platform.close();
    }
    await whole.platform.close();
  });

  it('takes no position twice when a device sends again what was stored but not acknowledged', async () => {
    const store = await openBackend();
    const world = trackingWorld(store);
    const { tripId, inputs } = await armed(world);
    const k = Math.floor(inputs.length * 0.6);
    await feed(world, inputs.slice(0, k));
    const before = await store.trips.progress(tripId);
    const events = await eventsOf(store, tripId);
    // The last twenty positions again, received just before the next new one: the acknowledgement was lost, and the
    // device resends them once it has reconnected.
    const positionsOf = (some: readonly TrackingInput[]) => some.flatMap((input) => (input.kind === 'position' ? [input.position] : []));
    const reconnected = positionsOf(inputs.slice(k))[0]!.receivedTime - 1;
    await world.ingest.submit(positionsOf(inputs.slice(0, k)).slice(-20).map((p) => ({ ...p, receivedTime: reconnected })));
    await world.platform.tracker.idle();
    const after = await store.trips.progress(tripId);
    expect(after!.state).toEqual(before!.state);
    expect(await eventsOf(store, tripId)).toEqual(events);
    await feed(world, inputs.slice(k));
    expect((await world.platform.trips.replay(CONSOLE_USER, tripId)).matches).toBe(true);
    await world.platform.close();
  });

  it('catches up on positions committed while it was down, and raises nothing twice', async () => {
    const whole = trackingWorld(await openBackend());
    const one = await armed(whole);
    await feed(whole, one.inputs);
    const expected = await eventsOf(whole.platform.store, one.tripId);
    const alertsWhole = (await whole.platform.store.alerts.list({ limit: 100, offset: 0 })).total;

    const store = await openBackend();
    const first = trackingWorld(store);
    const two = await armed(first);
    const k = Math.floor(two.inputs.length * 0.45);
    await feed(first, two.inputs.slice(0, k));
    await first.platform.tracker.stop();
    // Committed, but the tracker died before it took them: only the store has these.
    const missed = two.inputs.slice(k, k + 40).flatMap((input) => (input.kind === 'position' ? [input.position] : []));
    expect(missed.length).toBeGreaterThan(10);
    await store.positions.insertMany(missed);

    const second = restarted(store, first);
    await second.platform.tracker.start();
    // Taken on start, from the store alone.
    const last = [...missed].sort(receiveOrder).at(-1)!;
    expect((await store.trips.progress(two.tripId))!.cursors).toEqual({ [last.deviceId]: cursorOf(last) });
    // The devices resend what was not acknowledged: the gateway stores nothing twice, and the tracker takes nothing twice.
    await feed(second, two.inputs.slice(k));
    expect(await eventsOf(store, two.tripId)).toEqual(expected);
    expect((await store.alerts.list({ limit: 100, offset: 0 })).total).toBe(alertsWhole);
    await second.platform.close();
    await whole.platform.close();
  });
});

describe('trips armed elsewhere', () => {
  it('are followed from the next tick, with the positions stored meanwhile, and dropped once disarmed there', async () => {
    const store = await memoryStore();
    const server = trackingWorld(store);
    await server.platform.tracker.start();
    // The command line: another platform on the same store, whose tracker never runs.
    const cli = trackingWorld(store);
    const declarationId = await seedRoute(cli.platform);
    const { trip } = await cli.platform.trips.arm(CONSOLE_USER, armRequest(declarationId));
    const driver = transit(cli.platform.tracker.tripOf(trip.id)!, 'elsewhere');
    const early = driver.positions.slice(0, 20);
    await server.ingest.submit(early);
    await server.platform.tracker.idle();
    expect((await store.trips.progress(trip.id))!.cursors).toEqual({});

    await server.platform.tracker.tick(early.at(-1)!.receivedTime);
    expect((await store.trips.progress(trip.id))!.cursors).toEqual({ [early.at(-1)!.deviceId]: cursorOf(early.at(-1)!) });
    await server.ingest.submit(driver.positions.slice(20, 40));
    await server.platform.tracker.idle();
    expect((await store.trips.progress(trip.id))!.state.fixes).toBe(40);

    await cli.platform.trips.disarm(CONSOLE_USER, trip.id);
    await server.platform.tracker.tick(driver.positions[40]!.receivedTime);
    expect(server.platform.tracker.openTrips).toBe(0);
    await server.ingest.submit(driver.positions.slice(40, 60));
    await server.platform.tracker.idle();
    expect((await store.trips.progress(trip.id))!.state.fixes).toBe(40);
    await server.platform.close();
  });
});
