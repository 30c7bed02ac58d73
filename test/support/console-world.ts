/**
 * The console's test world: the console built by Vite, served by the HTTP server over the demo world (crossings,
 * offices, carriers, seals, declarations, risk, the two busiest crossings' queues) with a latest position for every
 * demo seal, and a trip armed whose seal reported tampering, so an alert is open, on a free port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { createHttpServer } from '../../src/adapters/http/server.js';
import { seedDemo } from '../../src/apps/cli/demo.js';
import { seedDemoQueues } from '../../src/apps/cli/demo-queues.js';
import { CONSOLE_USER, openPlatform, type Platform } from '../../src/apps/platform.js';
import type { Position, SealDevice } from '../../src/core/model/index.js';

export const USERS = {
  admin: { username: 'admin', password: 'admin-password-1' },
  operator: { username: 'operator', password: 'operator-pass' },
  haulier: { username: 'haulier', password: 'haulier-pass-1' },
} as const;

export interface ConsoleWorld {
  url: string;
  platform: Platform;
  /** The seals that have a latest position. */
  seals: SealDevice[];
  /** The armed trip whose seal raised the open tamper alert, and where it was. */
  alarmed: { tripId: string; alertId: string; deviceId: string; lat: number; lon: number };
  /** The alarmed trip's seal reports again, now, from where it raised its alert: the tracker takes the report. */
  reportAgain(seal: Position['seal']): Promise<void>;
  /** A crossing with a queue, and a truck waiting there: its plate and the code its driver looks it up with. */
  queued: { crossing: string; plate: string; code: string };
  close(): Promise<void>;
}

export async function buildConsole(outDir: string): Promise<void> {
  await build({ configFile: new URL('../../web/vite.config.ts', import.meta.url).pathname, build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
}

/**
 * One position per seal along the corridor from Troitsk to Bishkek; every tenth reports tampering, every
 * seventh an open lock, so the map has more than one colour.
 */
export function demoPositions(seals: readonly SealDevice[], now: number): Position[] {
  return seals.map((seal, index) => {
    const along = index / Math.max(1, seals.length - 1);
    return {
      deviceId: seal.id,
      deviceTime: now - 60_000,
      receivedTime: now - 55_000,
      lat: 54.1 + (42.9 - 54.1) * along + ((index % 5) - 2) * 0.05,
      lon: 61.6 + (74.6 - 61.6) * along,
      speed: 60,
      course: 135,
      valid: true,
      attributes: {},
      seal: { locked: index % 7 !== 0, tamper: index % 10 === 0 },
    };
  });
}

export async function startConsoleWorld(): Promise<ConsoleWorld> {
  const consoleDir = mkdtempSync(join(tmpdir(), 'corridor-console-'));
  await buildConsole(consoleDir);
  const platform = await openPlatform(':memory:');
  await platform.auth.ensureAdmin(USERS.admin.password);
  await seedDemo(platform);
  await platform.auth.addUser(CONSOLE_USER, { ...USERS.operator, role: 'operator' });
  await platform.auth.addUser(CONSOLE_USER, { ...USERS.haulier, role: 'haulier', carrierId: 'KZ-1' });
  const seals = await platform.reference.list(CONSOLE_USER, 'devices');
  await platform.store.positions.insertMany(demoPositions(seals, Date.now()));
  const { crossings } = await seedDemoQueues(platform);
  const alarmed = await raiseTamperAlert(platform);
  // Far enough down the order that the tests' call and hold at the head of the queue leave it waiting.
  const waiting = await platform.queueViews.list(CONSOLE_USER, crossings[0]!, { status: 'waiting', offset: 5, limit: 1 });
  const truck = waiting.items[0]!;
  const app = await createHttpServer(platform, { consoleDir });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    platform,
    seals,
    alarmed,
    reportAgain: (seal) => report(platform, alarmed.deviceId, alarmed, [seal]),
    queued: { crossing: crossings[0]!, plate: truck.truck.plate, code: truck.lookupCode! },
    close: async () => {
      await app.close();
      await platform.close();
      rmSync(consoleDir, { recursive: true, force: true });
    },
  };
}

/** Reports of a seal from one place, half a minute apart up to now, stored and given to the tracker as the ingest does. */
async function report(platform: Platform, deviceId: string, at: { lat: number; lon: number }, seals: ReadonlyArray<Position['seal']>): Promise<void> {
  const now = Date.now();
  const reports: Position[] = seals.map((seal, index) => ({
    deviceId,
    deviceTime: now - (seals.length - 1 - index) * 30_000,
    receivedTime: now - (seals.length - 1 - index) * 30_000,
    lat: at.lat,
    lon: at.lon,
    speed: 50,
    course: 90,
    valid: true,
    attributes: {},
    seal,
  }));
  await platform.store.positions.insertMany(reports);
  platform.tracker.durable(reports);
  await platform.tracker.idle();
}

/**
 * Arms a trip on an accepted declaration and has its seal report tampering a little way along the route; the first
 * roadside team waits ahead of it.
 */
async function raiseTamperAlert(platform: Platform): Promise<ConsoleWorld['alarmed']> {
  const accepted = await platform.store.declarations.list({ status: 'accepted', limit: 1, offset: 0 });
  const { trip } = await platform.trips.arm(CONSOLE_USER, { declarationId: accepted.items[0]!.id });
  const [lon, lat] = trip.plan.route.coordinates[1]!;
  const deviceId = trip.sealIds[0]!;
  await report(platform, deviceId, { lat: lat!, lon: lon! }, [{ locked: true, tamper: false }, { locked: true, tamper: true }]);
  const alerts = await platform.alerts.list(CONSOLE_USER, { tripId: trip.id, limit: 1, offset: 0 });
  // The first roadside team moves onto the trip's route a few kilometres ahead of the truck, so the truck is proposed to it.
  const [team] = await platform.risk.roadside.list(CONSOLE_USER);
  const [aheadLon, aheadLat] = trip.plan.route.coordinates[2]!;
  await platform.risk.roadside.update(CONSOLE_USER, team!.id, { position: { lat: lat! + (aheadLat! - lat!) * 0.02, lon: lon! + (aheadLon! - lon!) * 0.02 } });
  return { tripId: trip.id, alertId: alerts.items[0]!.id, deviceId, lat: lat!, lon: lon! };
}
