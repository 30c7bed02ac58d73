/**
 * The console's test world: the console built by Vite, served by the HTTP server over the demo world (crossings,
 * offices, carriers, seals, declarations, risk, the two busiest crossings' queues) with a latest position for every
 * demo seal, on a free port. The platform is Kyrgyzstan's national operator, with Kazakhstan's as its peer. Three
 * trips are armed: one whose seal reported tampering, so an alert is open; one driven from Bishkek over the border
 * at Korday, so its transit was noticed and handed over to Kazakhstan, which reported its arrival; and one on its way
 * to Korday that drives on when a test asks.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { publicKeyBase64, signMessage } from '../../src/adapters/exchange/ed25519.js';
import { operatorIdentity } from '../../src/adapters/exchange/operator-config.js';
import { loadCountryIndex } from '../../src/adapters/geo/natural-earth.js';
import { createHttpServer } from '../../src/adapters/http/server.js';
import { seedDemo } from '../../src/apps/cli/demo.js';
import { seedDemoQueues } from '../../src/apps/cli/demo-queues.js';
import { CONSOLE_USER, openPlatform, type Platform } from '../../src/apps/platform.js';
import { densifyGreatCircle } from '../../src/core/geo/index.js';
import type { Declaration, Position, SealDevice } from '../../src/core/model/index.js';
import { newRecordId } from '../../src/services/ids.js';

export const USERS = {
  admin: { username: 'admin', password: 'admin-password-1' },
  operator: { username: 'operator', password: 'operator-pass' },
  haulier: { username: 'haulier', password: 'haulier-pass-1' },
} as const;

export interface Place {
  lat: number;
  lon: number;
}

type LonLat = [number, number];

const MINUTE = 60_000;

export interface ConsoleWorld {
  url: string;
  platform: Platform;
  /** The seals that have a latest position. */
  seals: SealDevice[];
  /** The armed trip whose seal raised the open tamper alert, and where it was. */
  alarmed: { tripId: string; alertId: string; deviceId: string; lat: number; lon: number };
  /** The alarmed trip's seal reports again, now, from where it raised its alert: the tracker takes the report. */
  reportAgain(seal: Position['seal']): Promise<void>;
  /** A truck on its way from Bishkek to Korday, its seal last heard from at `from`; `driveOn` has it report up to `to`, now. */
  moving: { tripId: string; deviceId: string; from: Place; to: Place; driveOn(): Promise<void> };
  /** The declaration whose transit was handed over to Kazakhstan's operator at Korday, which then reported its arrival. */
  handedOver: { declarationId: string; tripId: string };
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
  const clock = new WorldClock();
  const kz = generateKeyPairSync('ed25519');
  const platform = await openPlatform(':memory:', clock, {
    tracking: { countries: loadCountryIndex() },
    operator: kyrgyzOperator(publicKeyBase64(kz.publicKey)),
  });
  await platform.auth.ensureAdmin(USERS.admin.password);
  await seedDemo(platform);
  await platform.auth.addUser(CONSOLE_USER, { ...USERS.operator, role: 'operator' });
  await platform.auth.addUser(CONSOLE_USER, { ...USERS.haulier, role: 'haulier', carrierId: 'KZ-1' });
  const seals = await platform.reference.list(CONSOLE_USER, 'devices');
  const accepted = (await platform.store.declarations.list({ status: 'accepted', limit: 100, offset: 0 })).items;
  const [toHandOver, toMove] = accepted.filter((declaration) => declaration.officeOfDeparture === 'KG100010' && declaration.borderCrossing === 'KORDAY-AKZHOL');
  // The driven trips' seals report where they drive, not along the demo's corridor.
  const driven = new Set([...toHandOver!.seals, ...toMove!.seals]);
  await platform.store.positions.insertMany(demoPositions(seals.filter((seal) => !driven.has(seal.id)), Date.now()));
  const { crossings } = await seedDemoQueues(platform);
  const alarmed = await raiseTamperAlert(platform, accepted[0]!);
  const handedOverTrip = await clock.setBack(40 * MINUTE, () => armed(platform, toHandOver!));
  await handOverAtKorday(platform, toHandOver!, handedOverTrip, kz.privateKey);
  const moving = await startDriving(platform, await clock.setBack(22 * MINUTE, () => armed(platform, toMove!)));
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
    moving,
    handedOver: { declarationId: toHandOver!.id, tripId: handedOverTrip.id },
    queued: { crossing: crossings[0]!, plate: truck.truck.plate, code: truck.lookupCode! },
    close: async () => {
      await app.close();
      await platform.close();
      rmSync(consoleDir, { recursive: true, force: true });
    },
  };
}

/** The platform's clock, set back while a trip is armed whose seal then reports over the minutes since. */
class WorldClock {
  #setBackMs = 0;

  now(): Date {
    return new Date(Date.now() - this.#setBackMs);
  }

  async setBack<T>(ms: number, work: () => Promise<T>): Promise<T> {
    this.#setBackMs = ms;
    try {
      return await work();
    } finally {
      this.#setBackMs = 0;
    }
  }
}

/** This platform as Kyrgyzstan's operator; Kazakhstan's takes every message it is sent. */
function kyrgyzOperator(kazakhPublicKey: string): NonNullable<Parameters<typeof openPlatform>[2]>['operator'] {
  const kg = generateKeyPairSync('ed25519');
  const pem = kg.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const identity = operatorIdentity({ country: 'KG', peers: [{ country: 'KZ', endpoint: 'https://kz.invalid', publicKey: kazakhPublicKey }] }, pem, 'console world');
  // A notice as soon as the truck's ETA at its crossing is known, rather than two hours before.
  return { identity, transport: async () => undefined, handover: { noticeLeadMs: 24 * 60 * MINUTE } };
}

async function armed(platform: Platform, declaration: Declaration) {
  return (await platform.trips.arm(CONSOLE_USER, { declarationId: declaration.id })).trip;
}

type Trip = Awaited<ReturnType<typeof armed>>;

/** The point `share` of the way from `a` to `b`. */
function between(a: LonLat, b: LonLat, share: number): LonLat {
  return [a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share];
}

/** Each of the trip's seals reporting every kilometre along `line`, a minute apart (60 km/h), the last at `lastAt`; without its first point when `onwards`, which is where the truck is already. */
function fixesAlong(trip: Trip, line: readonly LonLat[], lastAt: number, onwards = false): Position[] {
  const points = densifyGreatCircle(line, 1_000).slice(onwards ? 1 : 0);
  return trip.sealIds.flatMap((deviceId) =>
    points.map(([lon, lat], index) => {
      const at = lastAt - (points.length - 1 - index) * MINUTE;
      return { deviceId, deviceTime: at, receivedTime: at, lat, lon, speed: 60, course: 30, valid: true, attributes: {}, seal: { locked: true } };
    }),
  );
}

/**
 * The truck drives from Bishkek to Korday, where its ETA at the crossing sends Kazakhstan the transit notice, and on
 * into Kazakhstan, which hands tracking over; Kazakhstan's operator then reports its arrival back.
 */
async function handOverAtKorday(platform: Platform, declaration: Declaration, trip: Trip, kazakhKey: Parameters<typeof signMessage>[1]): Promise<void> {
  const { exchange } = platform.operator!;
  // The route countries come from the obligation decision, made as the console would ask for it.
  await platform.obligations.get(CONSOLE_USER, declaration.id);
  const [bishkek, korday, almaty] = trip.plan.route.coordinates as LonLat[];
  const nearBorder = between(bishkek!, korday!, 0.9);
  const inKazakhstan = between(korday!, almaty!, 0.1);
  // Two batches, as two arrivals of fixes: the ETA at the crossing is announced while the truck is still short of it.
  await ingest(platform, fixesAlong(trip, [bishkek!, nearBorder], Date.now() - 23 * MINUTE));
  await ingest(platform, fixesAlong(trip, [nearBorder, korday!, inKazakhstan], Date.now() - MINUTE, true));
  await until(async () => (await platform.store.exchange.getTransit(declaration.id))?.trackedBy === 'KZ');
  await exchange.deliverDue();
  const sentAt = new Date().toISOString();
  await exchange.receive(signMessage({ id: newRecordId(), sequence: 1, sender: 'KZ', recipient: 'KG', type: 'arrival', sentAt, body: { transitId: declaration.id, at: sentAt } }, kazakhKey));
}

/** The truck is a third of the way from Bishkek to Korday a quarter of an hour ago; driving on takes it two thirds of the way, now. */
async function startDriving(platform: Platform, trip: Trip): Promise<ConsoleWorld['moving']> {
  const [bishkek, korday] = trip.plan.route.coordinates as LonLat[];
  const from = between(bishkek!, korday!, 1 / 3);
  const to = between(bishkek!, korday!, 2 / 3);
  await ingest(platform, fixesAlong(trip, [bishkek!, from], Date.now() - 15 * MINUTE));
  return {
    tripId: trip.id,
    deviceId: trip.sealIds[0]!,
    from: { lon: from[0], lat: from[1] },
    to: { lon: to[0], lat: to[1] },
    driveOn: () => ingest(platform, fixesAlong(trip, [from, to], Date.now(), true)),
  };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries > 200) throw new Error('the world did not settle');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Positions stored and given to the tracker, as the ingest does once they are durable. */
async function ingest(platform: Platform, positions: Position[]): Promise<void> {
  await platform.store.positions.insertMany(positions);
  platform.tracker.durable(positions);
  await platform.tracker.idle();
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
  await ingest(platform, reports);
}

/**
 * Arms a trip on an accepted declaration and has its seal report tampering a little way along the route; the first
 * roadside team waits ahead of it.
 */
async function raiseTamperAlert(platform: Platform, declaration: Declaration): Promise<ConsoleWorld['alarmed']> {
  const trip = await armed(platform, declaration);
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
