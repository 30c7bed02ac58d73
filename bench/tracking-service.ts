/**
 * Positions per second through the tracker service end to end: from the ingest's durable observer, through the
 * engine's step, to each batch's states, events and alerts saved in one transaction on SQLite (a file, WAL, as
 * `serve` runs it). Beside it, in the same run, the bare core: the same positions through `step` alone, states in a
 * Map, nothing saved.
 *
 * `trips` open trips on the demo routes (real offices and crossings), each driven by the core's scripted driver
 * with its usual GPS noise; positions interleaved across trips in receive order and handed over in batches of
 * `batch`, as the gateway's group commit hands them over.
 *
 * `node --import tsx bench/tracking-service.ts` prints the result; `trackingServiceBenchmark()` returns it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openSqliteStore } from '../src/adapters/store/sqlite/sqlite-store.js';
import { DEMO_ROUTES } from '../src/core/demo/index.js';
import type { Position } from '../src/core/model/index.js';
import { createTripState, step, type Trip, type TripState } from '../src/core/tracking/index.js';
import { demoPlan, Driver, T0 } from '../src/core/tracking/test-support.js';
import { Tracker } from '../src/services/tracking/tracker.js';

export interface TrackingServiceOptions {
  trips?: number;
  /** Positions per trip. */
  positionsPerTrip?: number;
  /** Positions handed to the tracker at once. */
  batch?: number;
}

export interface TrackingServiceResult {
  name: 'tracking-service';
  store: 'sqlite';
  trips: number;
  positions: number;
  batch: number;
  /** Through the service, saved. */
  servicePositionsPerSecond: number;
  /** Through `step` alone. */
  corePositionsPerSecond: number;
  eventsStored: number;
}

export async function trackingServiceBenchmark(options: TrackingServiceOptions = {}): Promise<TrackingServiceResult> {
  const tripCount = options.trips ?? 2_000;
  const perTrip = options.positionsPerTrip ?? 100;
  const batch = options.batch ?? 1_000;
  const directory = mkdtempSync(join(tmpdir(), 'corridor-tracking-bench-'));
  const store = openSqliteStore(join(directory, 'corridor.db'));
  try {
    await store.migrate();
    const clock = { now: () => new Date(T0) };
    const tracker = new Tracker(store, clock, { tickIntervalMs: 0 });
    const trips: Trip[] = [];
    const positions: Position[] = [];
    for (let i = 0; i < tripCount; i++) {
      const route = DEMO_ROUTES[i % DEMO_ROUTES.length]!;
      const seal = `SEAL-${String(i).padStart(6, '0')}`;
      const plan = { ...demoPlan(route.id, { id: `trip-${i}`, declarationId: `declaration-${i}`, sealIds: [seal] }), expectedDurationMs: 48 * 3_600_000 };
      const trip = tracker.prepare(plan);
      trips.push(trip);
      const opened = await tracker.open(
        { id: plan.id, declarationId: plan.declarationId, owner: 'bench', sealIds: [seal], plan, status: 'open', openedAt: new Date(T0).toISOString(), openedBy: 'bench' },
        trip,
        createTripState(trip),
      );
      if (!opened.opened) throw new Error(`trip ${plan.id} did not open`);
      const driver = new Driver(trip, `bench-${i}`);
      // Each truck a few minutes behind the last, so the stream interleaves them.
      driver.time += (i % 60) * 60_000;
      while (driver.positions.length < perTrip) driver.driveKm(5, 70);
      for (const p of driver.positions.slice(0, perTrip)) positions.push({ ...p, deviceId: seal });
    }
    positions.sort((a, b) => a.receivedTime - b.receivedTime || a.deviceTime - b.deviceTime);

    // The bare core on the same stream.
    const bySeal = new Map(trips.map((trip) => [trip.plan.sealIds[0]!, trip]));
    const states = new Map<string, TripState>(trips.map((trip) => [trip.id, createTripState(trip)]));
    const coreStarted = performance.now();
    for (const position of positions) {
      const trip = bySeal.get(position.deviceId)!;
      states.set(trip.id, step(trip, states.get(trip.id)!, { kind: 'position', position }).state);
    }
    const coreSeconds = (performance.now() - coreStarted) / 1000;

    const started = performance.now();
    for (let from = 0; from < positions.length; from += batch) tracker.durable(positions.slice(from, from + batch));
    await tracker.idle();
    const serviceSeconds = (performance.now() - started) / 1000;
    let eventsStored = 0;
    for (const trip of trips) eventsStored += (await store.trips.events(trip.id, { limit: 1, offset: 0 })).total;
    await tracker.stop();
    return {
      name: 'tracking-service',
      store: 'sqlite',
      trips: tripCount,
      positions: positions.length,
      batch,
      servicePositionsPerSecond: Math.round(positions.length / serviceSeconds),
      corePositionsPerSecond: Math.round(positions.length / coreSeconds),
      eventsStored,
    };
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await trackingServiceBenchmark()));
}
