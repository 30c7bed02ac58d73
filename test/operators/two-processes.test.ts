/**
 * Kyrgyzstan's and Kazakhstan's operators as two `corridor serve` processes, each with its own SQLite file and its
 * own ports on 127.0.0.1. A sealed truck reports by OsmAnd to Kyrgyzstan's gateway on its way from Bishkek through
 * Korday to Almaty; Kazakhstan's process is killed with SIGKILL before the crossing and started again after it.
 * Each side must see the transit notice, the handover, the arrival and the closure exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyBase64 } from '../../src/adapters/exchange/ed25519.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';
import { densifyGreatCircle } from '../../src/core/geo/index.js';
import { encodeOsmandQuery } from '../../src/protocols/osmand/encode.js';
import { armRequest, ROUTE, seedRoute } from '../tracking/tracking-world.js';
import { plannedRoute } from '../../src/core/demo/index.js';

const PASSWORD = 'operators-test-1';
const SEAL = 'OSMAND-SEAL-1';
const MINUTE = 60_000;

interface Instance {
  country: 'KG' | 'KZ';
  db: string;
  config: string;
  http: number;
  osmand: number;
  child?: ChildProcess;
  token?: string;
}

let dir: string;
let kg: Instance;
let kz: Instance;
let declarationId: string;

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
  await until(`${instance.country} to answer`, async () => (await fetch(`http://127.0.0.1:${instance.http}/api/v1/health`).catch(() => undefined))?.ok === true, 60_000);
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

async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

interface ExchangeView {
  transit: { trackedBy: string; status: string };
  sent: Array<{ message: { type: string }; deliveredAt: string | null }>;
  received: Array<{ message: { type: string } }>;
}

async function exchangeOf(instance: Instance): Promise<ExchangeView | undefined> {
  const response = await fetch(`http://127.0.0.1:${instance.http}/api/v1/transits/${declarationId}/exchange`, { headers: { authorization: `Bearer ${instance.token}` } });
  return response.ok ? ((await response.json()) as ExchangeView) : undefined;
}

/** The types of the messages, alerts left out: the fixes come in late, so the tracker may well report a signal loss on the way. */
const types = (list: ReadonlyArray<{ message: { type: string } }> | undefined) => (list ?? []).map((entry) => entry.message.type).filter((type) => type !== 'alert');

/** The truck's fixes along the planned route, one a minute at 60 km/h, timed from two hours before now. */
function fixes(from: number): Array<{ lat: number; lon: number; time: number }> {
  const line = densifyGreatCircle(plannedRoute(ROUTE).coordinates, 1_000);
  return line.map(([lon, lat], i) => ({ lat, lon, time: from + i * MINUTE }));
}

async function report(fix: { lat: number; lon: number; time: number }): Promise<void> {
  const query = encodeOsmandQuery({ deviceId: SEAL, time: fix.time, lat: fix.lat, lon: fix.lon, speed: 60, extra: { lock: true } });
  const response = await fetch(`http://127.0.0.1:${kg.osmand}/?${query}`);
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-operators-'));
  const keys = { KG: generateKeyPairSync('ed25519'), KZ: generateKeyPairSync('ed25519') };
  kg = { country: 'KG', db: join(dir, 'kg.db'), config: join(dir, 'kg.yaml'), http: await freePort(), osmand: await freePort() };
  kz = { country: 'KZ', db: join(dir, 'kz.db'), config: join(dir, 'kz.yaml'), http: await freePort(), osmand: await freePort() };
  for (const [self, peer] of [[kg, kz], [kz, kg]] as const) {
    await writeFile(join(dir, `${self.country}.pem`), keys[self.country].privateKey.export({ format: 'pem', type: 'pkcs8' }));
    await writeFile(self.config, JSON.stringify({
      country: self.country,
      keyFile: `${self.country}.pem`,
      peers: [{ country: peer.country, endpoint: `http://127.0.0.1:${peer.http}`, publicKey: publicKeyBase64(keys[peer.country].publicKey) }],
    }));
  }
  // Kyrgyzstan's declaration, accepted and armed two hours ago, before its server starts.
  const store = openStore(kg.db);
  await store.migrate();
  const armedAt = Date.now() - 2 * 60 * MINUTE;
  const platform = wirePlatform(store, { now: () => new Date(armedAt) });
  declarationId = await seedRoute(platform, 'KG-KZ-PROC-1', [SEAL]);
  await platform.store.reference.putDevice({ id: SEAL, protocol: 'osmand', state: 'available' });
  await platform.trips.arm(CONSOLE_USER, armRequest(declarationId, { corridorWidthM: 2_000 }));
  await platform.close();
  await Promise.all([start(kg), start(kz)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([kill(kg), kill(kz)]);
  await rm(dir, { recursive: true, force: true });
});

describe('two operators in two processes', () => {
  it('hands the transit over across a restart of the receiving operator, each message seen once', async () => {
    const route = fixes(Date.now() - 2 * 60 * MINUTE + MINUTE);
    // The first fixes, a few kilometres out of Bishkek, bring the ETA at Korday within the lead time.
    for (const fix of route.slice(0, 5)) await report(fix);
    await until('the notice at KZ', async () => types((await exchangeOf(kz))?.received).includes('transit-notice'));

    // Kazakhstan's instance goes down; the truck crosses at Korday (about 43.0 N) and drives on into Kazakhstan.
    await kill(kz);
    const intoKazakhstan = route.findIndex((fix) => fix.lat > 43.2);
    for (const fix of route.slice(5, intoKazakhstan)) await report(fix);
    await until('the handover at KG', async () => (await exchangeOf(kg))?.transit.trackedBy === 'KZ');
    expect((await exchangeOf(kg))!.sent.find((entry) => entry.message.type === 'handover')!.deliveredAt).toBeNull();

    await start(kz);
    await until('the handover at KZ', async () => (await exchangeOf(kz))?.transit.trackedBy === 'KZ', 60_000);
    expect(await exchangeOf(kz)).toMatchObject({ transit: { trackedBy: 'KZ', status: 'tracking' } });

    for (const kind of ['arrival', 'closure']) {
      const response = await fetch(`http://127.0.0.1:${kz.http}/api/v1/transits/${declarationId}/${kind}`, { method: 'POST', headers: { authorization: `Bearer ${kz.token}` } });
      expect(response.status).toBe(200);
    }
    await until('the closure at KG', async () => (await exchangeOf(kg))?.transit.status === 'closed');
    const [atKg, atKz] = [(await exchangeOf(kg))!, (await exchangeOf(kz))!];
    expect(types(atKg.sent)).toEqual(['transit-notice', 'handover']);
    expect(types(atKg.received)).toEqual(['arrival', 'closure']);
    expect(types(atKz.received)).toEqual(['transit-notice', 'handover']);
    expect(types(atKz.sent)).toEqual(['arrival', 'closure']);
  }, 180_000);
});
