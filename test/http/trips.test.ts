/**
 * The tracking API end to end: arming and disarming, trips with state and ETA, events, the track, replay, alerts
 * worked by operators, who sees what, and the live stream read by a real HTTP client.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/adapters/http/server.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER, type Platform } from '../../src/apps/platform.js';
import { MINUTE, roadside, transit } from '../../src/core/tracking/test-support.js';
import type { PositionIngest } from '../../src/services/position-ingest.js';
import { apiWorld, type ApiCall, type Tokens } from '../support/api-world.js';
import { SEAL } from '../support/fixtures.js';
import { armRequest, seedRoute, trackingWorld } from '../tracking/tracking-world.js';

let platform: Platform;
let ingest: PositionIngest;
let api: Api;
let tokens: Tokens;
let call: ApiCall;
let declarationId: string;
let tripId: string;


beforeAll(async () => {
  const store = openStore(':memory:');
  await store.migrate();
  const world = trackingWorld(store);
  ({ platform, ingest } = world);
  ({ api, tokens, call } = await apiWorld(platform, [SEAL]));
  const haulier = (await store.users.get('haulier-a'))!;
  declarationId = await seedRoute(platform, 'TRIP-API-1', [SEAL.id], haulier);
});

afterAll(async () => {
  await api.close();
  await platform.close();
});

describe('arming', () => {
  it('refuses bad input with the field and the reason', async () => {
    const unknownField = await call('POST', '/trips', 'admin', { ...armRequest(declarationId), colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    const width = await call('POST', '/trips', 'admin', armRequest(declarationId, { corridorWidthM: -5 }));
    expect(width.statusCode).toBe(400);
    expect(width.json().error.issues[0].path).toBe('corridorWidthM');
    const route = await call('POST', '/trips', 'admin', armRequest(declarationId, { route: { type: 'LineString', coordinates: [[74.6, 42.9]] } }));
    expect(route.statusCode).toBe(422);
    expect(route.json().error.issues.map((i: { code: string; path: string }) => `${i.code} ${i.path}`)).toEqual(['ROUTE_TOO_SHORT route.coordinates']);
    const seal = await call('POST', '/trips', 'admin', armRequest(declarationId, { sealIds: ['no-such-seal'] }));
    expect(seal.statusCode).toBe(422);
    expect(seal.json().error.issues).toEqual([expect.objectContaining({ code: 'SEAL_UNKNOWN', path: 'sealIds[0]' })]);
    expect((await call('POST', '/trips', 'admin', armRequest('nowhere'))).statusCode).toBe(404);
    // Only the monitoring centre arms seals.
    expect((await call('POST', '/trips', 'haulier-a', armRequest(declarationId))).statusCode).toBe(403);
  });

  it('opens a trip with its ETA and puts the declaration in transit; the seal cannot go on a second trip', async () => {
    const response = await call('POST', '/trips', 'admin', armRequest(declarationId));
    expect(response.statusCode).toBe(201);
    const trip = response.json();
    tripId = trip.id;
    expect(response.headers.location).toBe(`/api/v1/trips/${tripId}`);
    expect(trip).toMatchObject({ status: 'open', declarationId, sealIds: [SEAL.id], owner: 'haulier-a', corridorWidthM: 500 });
    expect(Date.parse(trip.eta.destinationAt)).toBeGreaterThan(Date.parse(trip.openedAt));
    expect(trip.plan.crossing.id).toMatch(/^crossing:/);
    expect((await platform.declarations.get(CONSOLE_USER, declarationId)).declaration.status).toBe('in_transit');

    const other = await seedRoute(platform, 'TRIP-API-2', [SEAL.id]);
    const twice = await call('POST', '/trips', 'admin', armRequest(other));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.issues[0]).toMatchObject({ code: 'SEAL_ON_OPEN_TRIP', path: 'sealIds[0]' });
  });
});

describe('following a trip', () => {
  it('streams alerts and positions to a real HTTP client as they happen', async () => {
    const address = await api.listen({ host: '127.0.0.1', port: 0 });
    const forbidden = await fetch(`${address}/api/v1/stream`, { headers: { authorization: `Bearer ${tokens['haulier-a']}` } });
    expect(forbidden.status).toBe(403);
    expect((await fetch(`${address}/api/v1/stream`)).status).toBe(401);

    const controller = new AbortController();
    const response = await fetch(`${address}/api/v1/stream`, { headers: { authorization: `Bearer ${tokens.admin}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';

    // The doors opened at a roadside stop 60 km out: one alert, raised while the client listens.
    const trip = platform.tracker.tripOf(tripId)!;
    const driver = transit(trip, 'api', [
      { atM: 60_000, act: (d) => { roadside(5 * MINUTE)(d); d.setSeal({ locked: false }); roadside(10 * MINUTE)(d); d.setSeal({ locked: true }); roadside(5 * MINUTE)(d); } },
    ]);
    await ingest.submit(driver.positions);
    await platform.tracker.idle();
    while (!text.includes('"type":"seal-opened"')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    const events = text.split('\n\n').filter((block) => block.startsWith('event: '));
    expect(events.some((block) => block.startsWith('event: position\ndata: ') && block.includes(`"tripId":"${tripId}"`))).toBe(true);
    const alert = events.find((block) => block.startsWith('event: alert'))!;
    expect(JSON.parse(alert.split('data: ')[1]!)).toMatchObject({ change: 'raised', alert: { type: 'seal-opened', tripId, status: 'open' } });
  });

  it('shows the trip\'s state, events, track and a replay that agrees', async () => {
    const trip = (await call('GET', `/trips/${tripId}`, 'inspector')).json();
    expect(trip.progress.fixes).toBeGreaterThan(100);
    expect(trip.progress.arrivedAt).not.toBeNull();
    const events = (await call('GET', `/trips/${tripId}/events`, 'admin')).json();
    expect(events.items.map((e: { type: string }) => e.type)).toContain('seal-opened');
    expect(events.items[0].at).toMatch(/Z$/);

    const fine = (await call('GET', `/trips/${tripId}/track?tolerance=1`, 'haulier-a')).json();
    const coarse = await call('GET', `/trips/${tripId}/track?tolerance=2000`, 'haulier-a');
    expect(coarse.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(coarse.json().geometry.coordinates.length).toBeLessThan(fine.geometry.coordinates.length);
    expect(fine.properties.fixes).toBe(trip.progress.fixes);
    expect((await call('GET', `/trips/${tripId}/track?tolerance=-1`, 'admin')).statusCode).toBe(400);

    const replay = (await call('GET', `/trips/${tripId}/replay`, 'admin')).json();
    expect(replay).toMatchObject({ matches: true, stored: events.total, replayed: events.total, firstDifference: null });
  });

  it('shows hauliers their own trips only, and no alerts', async () => {
    expect((await call('GET', '/trips', 'haulier-a')).json().total).toBe(1);
    expect((await call('GET', '/trips', 'haulier-b')).json().total).toBe(0);
    expect((await call('GET', `/trips/${tripId}`, 'haulier-b')).statusCode).toBe(404);
    expect((await call('GET', '/alerts', 'haulier-a')).statusCode).toBe(403);
    expect((await call('GET', '/trips?status=open', 'admin')).json().items.map((t: { id: string }) => t.id)).toEqual([tripId]);
  });
});

describe('alerts', () => {
  it('are acknowledged, assigned and resolved with a note, each step once and in the history', async () => {
    const open = (await call('GET', `/alerts?status=open&tripId=${tripId}`, 'admin')).json();
    expect(open.items.map((a: { type: string }) => a.type)).toEqual(['seal-opened']);
    const id = open.items[0].id;
    expect(open.items[0].endedAt).not.toBeNull();

    expect((await call('POST', `/alerts/${id}/acknowledge`, 'inspector', {})).statusCode).toBe(403);
    expect((await call('POST', `/alerts/${id}/acknowledge`, 'admin', {})).json().alert.status).toBe('acknowledged');
    expect((await call('POST', `/alerts/${id}/acknowledge`, 'admin', {})).statusCode).toBe(409);
    const nobody = await call('POST', `/alerts/${id}/assign`, 'admin', { assignee: 'nobody' });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().error.issues[0].path).toBe('assignee');
    expect((await call('POST', `/alerts/${id}/assign`, 'admin', { assignee: 'inspector' })).json().alert).toMatchObject({ status: 'assigned', assignee: 'inspector' });
    const blank = await call('POST', `/alerts/${id}/resolve`, 'admin', { note: '  ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error.issues[0]).toMatchObject({ code: 'NOTE_EMPTY', path: 'note' });
    expect((await call('POST', `/alerts/${id}/resolve`, 'admin', {})).statusCode).toBe(400);
    const resolved = (await call('POST', `/alerts/${id}/resolve`, 'admin', { note: 'doors opened by the driver for a roadside check; seal re-armed' })).json();
    expect(resolved.alert).toMatchObject({ status: 'resolved', resolutionNote: 'doors opened by the driver for a roadside check; seal re-armed' });
    expect(resolved.actions.map((a: { action: string; actor: string }) => `${a.action} ${a.actor}`)).toEqual(['acknowledge admin', 'assign admin', 'resolve admin']);
    expect((await call('POST', `/alerts/${id}/resolve`, 'admin', { note: 'again' })).statusCode).toBe(409);
    expect((await call('GET', '/alerts?status=open&status=acknowledged&status=assigned', 'admin')).json().total).toBe(0);
    expect((await call('GET', '/alerts?status=closed', 'admin')).statusCode).toBe(400);
    const audit = (await call('GET', `/audit?entity=alert&entityId=${id}`, 'admin')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(['resolve', 'assign', 'acknowledge']);
  });
});

describe('disarming', () => {
  it('closes the trip, marks the declaration arrived and frees the seal', async () => {
    expect((await call('POST', `/trips/${tripId}/disarm`, 'haulier-a')).statusCode).toBe(403);
    const closed = await call('POST', `/trips/${tripId}/disarm`, 'admin');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: 'admin', eta: null });
    expect((await platform.declarations.get(CONSOLE_USER, declarationId)).declaration.status).toBe('arrived');
    expect((await call('POST', `/trips/${tripId}/disarm`, 'admin')).statusCode).toBe(409);
    expect(await platform.store.trips.openTripOfSeal(SEAL.id)).toBeUndefined();
    expect((await call('GET', `/trips/${tripId}/replay`, 'admin')).json().matches).toBe(true);
  });
});
