/**
 * Kyrgyzstan's, Kazakhstan's and Russia's operators as three `corridor serve` processes, each with its own SQLite file
 * and its own ports on 127.0.0.1, every one the peer of the others. A sealed truck reports by OsmAnd to Kyrgyzstan's
 * gateway all the way from Bishkek through Korday, across Kazakhstan and through Kairak – Troitsk to Chelyabinsk.
 * Kyrgyzstan hands the transit over to Kazakhstan, which tracks it on a trip of its own on the positions Kyrgyzstan
 * forwards, tells Russia, and hands it over in turn; the doors opened once in each of the first two countries raise
 * an alarm that reaches the operators further along. Russia reports arrival and closure back to both. Each side must
 * see every notice, handover, alarm, arrival and closure exactly once: on a first transit with every process up, then
 * on a second with Kazakhstan's process, the middle of the chain, killed with SIGKILL while it tracks the truck and
 * started again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyBase64 } from '../../src/adapters/exchange/ed25519.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';
import { DEMO_ROUTES, plannedRoute } from '../../src/core/demo/index.js';
import { densifyGreatCircle } from '../../src/core/geo/index.js';
import { encodeOsmandQuery } from '../../src/protocols/osmand/encode.js';
import { armRequest, seedPlaces, seedRoute } from '../tracking/tracking-world.js';

const PASSWORD = 'operators-test-1';
/** The two transits' seals, each on its own truck: the first driven with every process up, the second across a kill. */
const SEALS = ['OSMAND-SEAL-3', 'OSMAND-SEAL-4'] as const;
const MINUTE = 60_000;
/** Bishkek to Chelyabinsk through Korday, Almaty, Astana, Kostanay and Kairak – Troitsk. */
const ROUTE = DEMO_ROUTES.find((route) => route.id === 'bishkek-chelyabinsk')!;
/** Past Korday the truck reports every 10 km: enough for the trackers, and few enough requests for a test. */
const SPARSE_EVERY = 10;

type Country = 'KG' | 'KZ' | 'RU';

interface Instance {
  country: Country;
  db: string;
  config: string;
  http: number;
  osmand: number | 'off';
  child?: ChildProcess;
  token?: string;
}

let dir: string;
let kg: Instance;
let kz: Instance;
let ru: Instance;
/** The transits' ids (Kyrgyzstan's declarations), in the order of SEALS. */
let transits: string[];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function start(instance: Instance): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/apps/cli/main.ts', 'serve', '--db', instance.db, '--port', String(instance.http)], {
    env: {
      ...process.env, CORRIDOR_OPERATOR_CONFIG: instance.config, CORRIDOR_ADMIN_PASSWORD: PASSWORD, CORRIDOR_LOG_LEVEL: 'warn',
      CORRIDOR_TELTONIKA_PORT: 'off', CORRIDOR_WIALON_PORT: 'off', CORRIDOR_EGTS_PORT: 'off', CORRIDOR_OSMAND_PORT: String(instance.osmand),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  instance.child = child;
  await until(`${instance.country} to answer`, async () => (await fetch(`http://127.0.0.1:${instance.http}/api/v1/health`).catch(() => undefined))?.ok === true, 90_000);
  const login = await fetch(`http://127.0.0.1:${instance.http}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  instance.token = ((await login.json()) as { token: string }).token;
}

async function kill(instance: Instance): Promise<void> {
  const child = instance.child;
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface Entry {
  message: { type: string; sender: string; recipient: string; body: Record<string, unknown> };
  deliveredAt?: string | null;
}

interface ExchangeView {
  transit: { trackedBy: string; status: string; reference: string; route: string[] };
  sent: Entry[];
  received: Entry[];
}

async function api<T>(instance: Instance, path: string): Promise<T | undefined> {
  const response = await fetch(`http://127.0.0.1:${instance.http}/api/v1${path}`, { headers: { authorization: `Bearer ${instance.token}` } });
  return response.ok ? ((await response.json()) as T) : undefined;
}

/** Whether the instance follows the transit on an open trip of its own. */
async function tracksOnItsOwn(instance: Instance, declarationId: string): Promise<boolean> {
  const trips = await api<{ total: number }>(instance, `/trips?status=open&declarationId=${declarationId}`);
  return (trips?.total ?? 0) > 0;
}

/**
 * The messages as `type from→to`, sorted: the forwarded positions left out (counted apart), and of the alerts only the
 * doors opened (the fixes come in late, so a tracker may well report a signal loss on the way too).
 */
function seen(entries: readonly Entry[] | undefined): string[] {
  return (entries ?? [])
    .filter(({ message }) => message.type !== 'positions' && (message.type !== 'alert' || message.body.alertType === 'seal-opened'))
    .map(({ message }) => `${message.type} ${message.sender}→${message.recipient}`)
    .sort();
}

const forwarded = (entries: readonly Entry[] | undefined) => (entries ?? []).filter(({ message }) => message.type === 'positions').length;

interface Fix {
  lat: number;
  lon: number;
  time: number;
}

/** The truck's fixes along the planned route at 60 km/h from `from`: every kilometre up to Korday and a little past, then every 10 km. */
function fixes(from: number): Fix[] {
  const line = densifyGreatCircle(plannedRoute(ROUTE).coordinates, 1_000);
  const pastKorday = line.findIndex(([, lat]) => lat > 43.2) + 5;
  return line.map(([lon, lat], i) => ({ lat, lon, time: from + i * MINUTE })).filter((_, i) => i <= pastKorday || i % SPARSE_EVERY === 0 || i === line.length - 1);
}

async function report(seal: string, fix: Fix, locked = true): Promise<void> {
  const query = encodeOsmandQuery({ deviceId: seal, time: fix.time, lat: fix.lat, lon: fix.lon, speed: 60, extra: { lock: locked ? 1 : 0 } });
  const response = await fetch(`http://127.0.0.1:${kg.osmand as number}/?${query}`);
  expect(response.status).toBe(200);
}

/** Reports `route[from..to)` of `seal`, the doors open at the fix of index `openAt` (closed again at the next). */
async function drive(seal: string, from: number, to: number, openAt?: number): Promise<void> {
  for (let i = from; i < to; i++) await report(seal, route[i]!, i !== openAt);
}

async function writeConfig(self: Instance, peers: Instance[], keys: Record<Country, { privateKey: KeyObject; publicKey: KeyObject }>): Promise<void> {
  await writeFile(join(dir, `${self.country}.pem`), keys[self.country].privateKey.export({ format: 'pem', type: 'pkcs8' }));
  await writeFile(self.config, JSON.stringify({
    country: self.country,
    keyFile: `${self.country}.pem`,
    peers: peers.map((peer) => ({ country: peer.country, endpoint: `http://127.0.0.1:${peer.http}`, publicKey: publicKeyBase64(keys[peer.country].publicKey) })),
  }));
}

async function instance(country: Country, osmand: boolean): Promise<Instance> {
  return { country, db: join(dir, `${country}.db`), config: join(dir, `${country}.yaml`), http: await freePort(), osmand: osmand ? await freePort() : 'off' };
}

let route: Fix[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-operators-'));
  const keys = { KG: generateKeyPairSync('ed25519'), KZ: generateKeyPairSync('ed25519'), RU: generateKeyPairSync('ed25519') };
  [kg, kz, ru] = [await instance('KG', true), await instance('KZ', false), await instance('RU', false)];
  for (const self of [kg, kz, ru]) await writeConfig(self, [kg, kz, ru].filter((other) => other !== self), keys);
  const from = Date.now() - 40 * 60 * MINUTE;
  route = fixes(from + MINUTE);

  // Kyrgyzstan's declarations name the crossing out of Kyrgyzstan; they are accepted and armed before its server starts.
  const kgStore = openStore(kg.db);
  await kgStore.migrate();
  const platform = wirePlatform(kgStore, { now: () => new Date(from) });
  transits = [];
  for (const [i, seal] of SEALS.entries()) {
    const declarationId = await seedRoute(platform, `KG-KZ-RU-PROC-${i + 1}`, [seal], CONSOLE_USER, ROUTE, 'KORDAY-AKZHOL');
    await platform.store.reference.putDevice({ id: seal, protocol: 'osmand', model: 'osmand-app', state: 'available' });
    await platform.trips.arm(CONSOLE_USER, armRequest(declarationId, { corridorWidthM: 2_000 }));
    transits.push(declarationId);
  }
  await platform.close();
  // The other operators know the union's offices and crossings, as the reference data every operator holds.
  for (const other of [kz, ru]) {
    const store = openStore(other.db);
    await store.migrate();
    const reference = wirePlatform(store);
    await seedPlaces(reference, ROUTE);
    await reference.close();
  }
  await Promise.all([start(kg), start(kz), start(ru)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([kill(kg), kill(kz), kill(ru)]);
  await rm(dir, { recursive: true, force: true });
});

/** Drives transit `index` from Bishkek to Chelyabinsk and checks what each operator saw; `down` is run while it tracks the truck in Kazakhstan. */
async function chain(index: number, down?: (almaty: number) => Promise<number>): Promise<void> {
  const [seal, transitId] = [SEALS[index]!, transits[index]!];
  const exchangeOf = (instance: Instance) => api<ExchangeView>(instance, `/transits/${transitId}/exchange`);
  // Out of Bishkek the ETA at Korday falls within the lead time; the doors are opened 8 km out.
  await drive(seal, 0, 12, 8);
  await until('the notice and the alarm at KZ and RU', async () => seen((await exchangeOf(ru))?.received).includes('alert KG→RU') && seen((await exchangeOf(kz))?.received).includes('transit-notice KG→KZ'));

  // Over Korday: Kazakhstan takes the transit over, tracks it on its own trip and tells Russia it is coming.
  const almaty = route.findIndex((fix) => fix.lon > 76.8);
  await drive(seal, 12, almaty);
  await until('KZ tracking on its own', async () => (await exchangeOf(kz))?.transit.trackedBy === 'KZ' && (await tracksOnItsOwn(kz, transitId)));
  await until('the notice from KZ at RU', async () => seen((await exchangeOf(ru))?.received).includes('transit-notice KZ→RU'));
  const onward = down === undefined ? almaty : await down(almaty);

  // On through Kazakhstan, the doors opened once more, and over Kairak – Troitsk into Russia, to Chelyabinsk.
  await drive(seal, onward, route.length, onward + 5);
  await until('RU tracking on its own', async () => (await exchangeOf(ru))?.transit.trackedBy === 'RU' && (await tracksOnItsOwn(ru, transitId)), 120_000);
  await until('the alarm from KZ at RU', async () => seen((await exchangeOf(ru))?.received).includes('alert KZ→RU'));

  for (const kind of ['arrival', 'closure']) {
    const response = await fetch(`http://127.0.0.1:${ru.http}/api/v1/transits/${transitId}/${kind}`, { method: 'POST', headers: { authorization: `Bearer ${ru.token}` } });
    expect(response.status).toBe(200);
  }
  // Positions forwarded before the arrival may still be on their way down the chain.
  const delivered = (view: ExchangeView | undefined) => view?.transit.status === 'closed' && view.sent.every((entry) => entry.deliveredAt !== null);
  await until('the closure everywhere, every message delivered', async () => delivered(await exchangeOf(kg)) && delivered(await exchangeOf(kz)) && delivered(await exchangeOf(ru)));

  const [atKg, atKz, atRu] = [(await exchangeOf(kg))!, (await exchangeOf(kz))!, (await exchangeOf(ru))!];
  for (const view of [atKg, atKz, atRu]) expect(view.transit).toMatchObject({ reference: `KG-KZ-RU-PROC-${index + 1}`, route: ['KG', 'KZ', 'RU'], trackedBy: 'RU', status: 'closed' });
  expect(seen(atKg.sent)).toEqual(['alert KG→KZ', 'alert KG→RU', 'handover KG→KZ', 'handover KG→RU', 'transit-notice KG→KZ']);
  expect(seen(atKg.received)).toEqual(['arrival RU→KG', 'closure RU→KG', 'handover KZ→KG']);
  expect(seen(atKz.received)).toEqual(['alert KG→KZ', 'arrival RU→KZ', 'closure RU→KZ', 'handover KG→KZ', 'transit-notice KG→KZ']);
  expect(seen(atKz.sent)).toEqual(['alert KZ→RU', 'handover KZ→KG', 'handover KZ→RU', 'transit-notice KZ→RU']);
  expect(seen(atRu.received)).toEqual(['alert KG→RU', 'alert KZ→RU', 'handover KG→RU', 'handover KZ→RU', 'transit-notice KZ→RU']);
  expect(seen(atRu.sent)).toEqual(['arrival RU→KG', 'arrival RU→KZ', 'closure RU→KG', 'closure RU→KZ']);
  // The seal's data followed the truck: Kyrgyzstan forwarded to Kazakhstan, which forwarded on to Russia, each once.
  expect(forwarded(atKg.sent)).toBeGreaterThan(0);
  expect(forwarded(atKz.received)).toBe(forwarded(atKg.sent));
  expect(forwarded(atKz.sent)).toBeGreaterThan(0);
  expect(forwarded(atRu.received)).toBe(forwarded(atKz.sent));
  // Closed, the transit's trips close everywhere.
  for (const each of [kg, kz, ru]) await until(`${each.country}'s trip closed`, async () => !(await tracksOnItsOwn(each, transitId)));
}

describe('three operators in three processes', () => {
  it('hand a transit along the chain, each seeing every message once', async () => {
    await chain(0);
  }, 300_000);

  it('do so across a SIGKILL and restart of the middle operator while it tracks the truck', async () => {
    await chain(1, async (almaty) => {
      // The positions Kyrgyzstan forwards meanwhile wait in its outbox.
      await kill(kz);
      await drive(SEALS[1], almaty, almaty + 10);
      await start(kz);
      return almaty + 10;
    });
  }, 300_000);
});
