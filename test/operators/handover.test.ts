/**
 * Two national operators, Kyrgyzstan's and Kazakhstan's, each a platform with its own SQLite file and its own HTTP
 * server on 127.0.0.1, exchanging signed messages over real HTTP. A sealed truck from Bishkek to Almaty through
 * Korday is driven through Kyrgyzstan's tracker: its ETA sends Kazakhstan a transit notice, the doors opened on the way
 * raise an alarm Kazakhstan is told of, the crossing hands tracking over (while Kazakhstan's instance is down, so the
 * handover waits in the outbox until it is back), and Kazakhstan reports arrival and closure back. Each side sees each
 * message exactly once.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyBase64, signMessage } from '../../src/adapters/exchange/ed25519.js';
import { operatorIdentity } from '../../src/adapters/exchange/operator-config.js';
import { createHttpServer } from '../../src/adapters/http/server.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER, wirePlatform, type Platform, type PlatformOptions } from '../../src/apps/platform.js';
import type { SignedMessage } from '../../src/core/exchange/message.js';
import { DEVICE, MINUTE, T0, roadside, transit, withTicks, type Incident } from '../../src/core/tracking/test-support.js';
import type { TrackingInput } from '../../src/core/tracking/index.js';
import { armRequest, feed, ROUTE, seedPlaces, seedRoute, trackingWorld, type TrackingWorld } from '../tracking/tracking-world.js';

const kgKeys = generateKeyPairSync('ed25519');
const kzKeys = generateKeyPairSync('ed25519');
const pem = (keys: typeof kgKeys) => keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

type Server = Awaited<ReturnType<typeof createHttpServer>>;

let dir: string;
let kgUrl: string;
let kzPort: number;
let kg: TrackingWorld;
let kgServer: Server;
let kz: { platform: Platform; server: Server } | undefined;
let declarationId: string;

/** The cargo doors opened by the road, 10 km out of Bishkek: an alarm that Kazakhstan, next on the route, must hear of. */
const DOORS_OPENED: Incident = {
  atM: 10_000,
  act: (d) => {
    roadside(5 * MINUTE)(d);
    d.setSeal({ locked: false });
    roadside(5 * MINUTE)(d);
    d.setSeal({ locked: true });
  },
};

function operator(country: 'KG' | 'KZ', peerUrl: string, noticeLeadMs = 48 * 60 * MINUTE): NonNullable<PlatformOptions['operator']> {
  const [keys, peer, peerKeys] = country === 'KG' ? [kgKeys, 'KZ', kzKeys] : [kzKeys, 'KG', kgKeys];
  const identity = operatorIdentity({ country, peers: [{ country: peer, endpoint: peerUrl, publicKey: publicKeyBase64(peerKeys.publicKey) }] }, pem(keys), `${country}.yaml`);
  // Lead time above the whole trip unless told: the first ETA the tracker announces sends the notice.
  return { identity, retry: { initialMs: 1, maxMs: 1 }, handover: { noticeLeadMs } };
}

/** Kazakhstan's instance on its own store file and its fixed port, as a restart finds them. */
async function startKz(): Promise<void> {
  const store = openStore(join(dir, 'kz.db'));
  await store.migrate();
  const platform = wirePlatform(store, undefined, { operator: operator('KZ', kgUrl) });
  await seedPlaces(platform);
  const server = await createHttpServer(platform);
  await server.listen({ host: '127.0.0.1', port: kzPort });
  kz = { platform, server };
}

async function stopKz(): Promise<void> {
  await kz?.server.close();
  await kz?.platform.close();
  kz = undefined;
}

async function until(what: string, condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const kzTransit = () => kz!.platform.store.exchange.getTransit(declarationId);
const kgTransit = () => kg.platform.store.exchange.getTransit(declarationId);
/** The messages' types, the positions forwarded after the handover left out (they are counted apart). */
const types = (messages: ReadonlyArray<{ message: SignedMessage }>) => messages.map(({ message }) => message.type).filter((type) => type !== 'positions');
const forwarded = (messages: ReadonlyArray<{ message: SignedMessage }>) => messages.filter(({ message }) => message.type === 'positions').length;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'operators-'));
  // Kazakhstan's port is taken once and kept across its restart, as its peers' configuration names it.
  const probe = await createHttpServer(wirePlatform(openStore(':memory:')));
  kzPort = Number(new URL(await probe.listen({ host: '127.0.0.1', port: 0 })).port);
  await probe.close();

  const kgStore = openStore(join(dir, 'kg.db'));
  await kgStore.migrate();
  kg = trackingWorld(kgStore, undefined, { operator: operator('KG', `http://127.0.0.1:${kzPort}`) });
  kgServer = await createHttpServer(kg.platform);
  kgUrl = await kgServer.listen({ host: '127.0.0.1', port: 0 });
  await startKz();
});

afterAll(async () => {
  await stopKz();
  await kgServer.close();
  await kg.platform.close();
  await rm(dir, { recursive: true, force: true });
});

describe('handing a transit from Kyrgyzstan to Kazakhstan', () => {
  let afterCrossing: TrackingInput[];

  it("sends Kazakhstan's operator a transit notice when the truck's ETA at Korday comes within the lead time", async () => {
    declarationId = await seedRoute(kg.platform, 'KG-KZ-0001');
    const view = await kg.platform.trips.arm(CONSOLE_USER, armRequest(declarationId));
    const trip = kg.platform.tracker.tripOf(view.trip.id)!;
    const driver = transit(trip, 'handover', [DOORS_OPENED]);
    const inputs = withTicks(driver.inputs(), T0, driver.time, MINUTE);
    // Up to the first fix on Kazakh soil (north of 43° N in the test's country boxes: the crossing is confirmed after it), and the rest.
    const crossing = inputs.findIndex((input) => input.kind === 'position' && input.position.lat > 43);
    afterCrossing = inputs.slice(crossing);
    await feed(kg, inputs.slice(0, crossing));

    await until('the notice at KZ', async () => (await kzTransit()) !== undefined);
    const notice = await kzTransit();
    expect(notice).toMatchObject({ reference: 'KG-KZ-0001', route: ['KG', 'KZ'], trackedBy: 'KG', status: 'notified' });
    expect(notice!.notice).toMatchObject({
      declaration: { FunctionalReferenceID: 'KG-KZ-0001', Itinerary: [{ RoutingCountryCode: 'KG' }, { RoutingCountryCode: 'KZ' }], Consignor: { CountryCode: 'KG' } },
      seal: { locked: true },
    });
    expect((notice!.notice!.lastPositions as unknown[]).length).toBeGreaterThan(0);
    expect(await kgTransit()).toMatchObject({ trackedBy: 'KG', status: 'tracking' });
    await until('the alarm at KZ', async () => types((await kz!.platform.store.exchange.history(declarationId)).received).includes('alert'));
    const [alarm] = (await kz!.platform.store.exchange.history(declarationId)).received.filter((entry) => entry.message.type === 'alert');
    expect(alarm!.message.body).toMatchObject({ transitId: declarationId, alertType: 'seal-opened', severity: 'alarm', raisedBy: 'KG' });
  });

  it('hands tracking over on the crossing, delivered once Kazakhstan is back from a restart', async () => {
    await stopKz();
    await feed(kg, afterCrossing);
    await until('the handover recorded at KG', async () => (await kgTransit())?.trackedBy === 'KZ');
    expect(await kgTransit()).toMatchObject({ trackedBy: 'KZ', status: 'handed_over' });
    await kg.platform.operator!.exchange.deliverDue();
    const waiting = (await kg.platform.store.exchange.history(declarationId)).sent.find((entry) => entry.message.type === 'handover')!;
    expect(waiting).toMatchObject({ deliveredAt: null, attempts: expect.any(Number) });
    expect(waiting.lastError).not.toBeNull();

    await startKz();
    kg.clock.set(kg.clock.now().getTime() + 1000);
    await kg.platform.operator!.exchange.deliverDue();
    expect(await kzTransit()).toMatchObject({ trackedBy: 'KZ', status: 'tracking' });
    const sent = (await kg.platform.store.exchange.history(declarationId)).sent;
    expect(types(sent)).toEqual(['transit-notice', 'alert', 'handover']);
    expect(sent.filter((entry) => entry.deliveredAt === null).map((e) => [e.message.type, e.lastError])).toEqual([]);
    expect(sent.map((entry) => entry.message.sequence)).toEqual(sent.map((_, i) => i + 1));
    expect(types((await kz!.platform.store.exchange.history(declarationId)).received)).toEqual(['transit-notice', 'alert', 'handover']);
    // Kazakhstan tracks the truck on a trip of its own, on the seal's positions Kyrgyzstan forwards after the handover.
    expect(forwarded(sent)).toBeGreaterThan(0);
    expect(forwarded((await kz!.platform.store.exchange.history(declarationId)).received)).toBe(forwarded(sent));
    const [kzTrip] = (await kz!.platform.store.trips.list({ declarationId, status: 'open', limit: 10, offset: 0 })).items;
    expect(kzTrip).toMatchObject({ openedBy: 'operator:KG', sealIds: [DEVICE], plan: { destination: { id: `office:${ROUTE.destination}` }, crossing: null } });
    await kz!.platform.tracker.idle();
    expect((await kz!.platform.store.trips.progress(kzTrip!.id))?.cursors).toHaveProperty(DEVICE);
  });

  it('processes a message delivered again only once', async () => {
    const [notice] = (await kg.platform.store.exchange.history(declarationId)).sent;
    const again = await fetch(`http://127.0.0.1:${kzPort}/api/v1/exchange/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(notice!.message) });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ id: notice!.message.id, duplicate: true });
    expect(types((await kz!.platform.store.exchange.history(declarationId)).received)).toEqual(['transit-notice', 'alert', 'handover']);
    // The notice again did not take tracking back from Kazakhstan.
    expect(await kzTransit()).toMatchObject({ trackedBy: 'KZ', status: 'tracking' });
  });

  it('refuses a forged, misaddressed or malformed message with the reason', async () => {
    const [notice] = (await kg.platform.store.exchange.history(declarationId)).sent;
    type Refusal = { error: { message: string; issues: Array<{ path: string }> } };
    const post = (body: unknown) => fetch(`http://127.0.0.1:${kzPort}/api/v1/exchange/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const forged = await post({ ...notice!.message, id: '019a0000-0000-7000-8000-0000000000ff' });
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as Refusal).error.message).toContain('SIGNATURE');
    const stranger = await post(signMessage({ ...notice!.message, id: '019a0000-0000-7000-8000-0000000000fe', sender: 'RU' }, kgKeys.privateKey));
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as Refusal).error.message).toContain('RU is not a configured peer of KZ');
    const malformed = await post({ ...notice!.message, sequence: 0 });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Refusal).error.issues[0]).toMatchObject({ path: 'sequence' });
    expect(types((await kz!.platform.store.exchange.history(declarationId)).received)).toEqual(['transit-notice', 'alert', 'handover']);
  });

  it('reports arrival and closure back from Kazakhstan, seen once in Kyrgyzstan', async () => {
    await kz!.platform.operator!.handover.report(CONSOLE_USER, declarationId, 'arrival');
    await kz!.platform.operator!.handover.report(CONSOLE_USER, declarationId, 'closure');
    await kz!.platform.operator!.exchange.deliverDue();
    await until('the closure at KG', async () => (await kgTransit())?.status === 'closed');
    const atKg = await kg.platform.operator!.handover.view(CONSOLE_USER, declarationId);
    expect(atKg.transit).toMatchObject({ trackedBy: 'KZ', status: 'closed' });
    expect(types(atKg.received)).toEqual(['arrival', 'closure']);
    expect(types(atKg.sent)).toEqual(['transit-notice', 'alert', 'handover']);
    await expect(kz!.platform.operator!.handover.report(CONSOLE_USER, declarationId, 'closure')).rejects.toThrow('closed already');
  });

  it('sends the notice right before the handover when the border is crossed before any ETA brought it', async () => {
    // Another transit from Kyrgyzstan, whose operator waits for an ETA no later than now: none comes before the border.
    const store = openStore(join(dir, 'kg-late.db'));
    await store.migrate();
    const late = trackingWorld(store, undefined, { operator: operator('KG', `http://127.0.0.1:${kzPort}`, 0) });
    const id = await seedRoute(late.platform, 'KG-KZ-0002');
    const view = await late.platform.trips.arm(CONSOLE_USER, armRequest(id));
    const driver = transit(late.platform.tracker.tripOf(view.trip.id)!, 'late notice', []);
    const inputs = withTicks(driver.inputs(), T0, driver.time, MINUTE);
    await feed(late, inputs);
    await until('the handover sent', async () => types((await late.platform.store.exchange.history(id)).sent).includes('handover'));
    await late.platform.operator!.exchange.deliverDue();
    expect(types((await late.platform.store.exchange.history(id)).sent)).toEqual(['transit-notice', 'handover']);
    expect((await late.platform.store.exchange.history(id)).sent[0]!.message.body).toMatchObject({ crossingEta: null });
    expect(await kz!.platform.store.exchange.getTransit(id)).toMatchObject({ reference: 'KG-KZ-0002', trackedBy: 'KZ', status: 'tracking' });
    expect((await kz!.platform.store.trips.list({ declarationId: id, status: 'open', limit: 10, offset: 0 })).total).toBe(1);
    await late.platform.close();
  });
});
