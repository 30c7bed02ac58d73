/**
 * A platform with a real route to track: the demo route Bishkek – Almaty through Korday with its real offices and
 * crossing, a registered seal and an accepted declaration on it, over a store of the test's choosing and a clock
 * the test moves.
 */
import { expect } from 'vitest';
import { CONSOLE_USER, wirePlatform, type Platform, type PlatformOptions } from '../../src/apps/platform.js';
import { DEMO_ROUTES, plannedRoute, type DemoRoute } from '../../src/core/demo/index.js';
import { findBorderCrossing, findCustomsOffice } from '../../src/core/reference/index.js';
import type { CountryIndex } from '../../src/core/geo/index.js';
import type { TrackingInput } from '../../src/core/tracking/index.js';
import type { User } from '../../src/core/model/index.js';
import { DEVICE, stubCountries, T0 } from '../../src/core/tracking/test-support.js';
import type { Store } from '../../src/ports/store.js';
import { PositionIngest } from '../../src/services/position-ingest.js';
import type { ArmRequest } from '../../src/services/tracking/trip-planning.js';
import { validDeclaration } from '../support/fixtures.js';

export const ROUTE = DEMO_ROUTES.find((r) => r.id === 'bishkek-almaty')!;

export interface TrackingWorld {
  platform: Platform;
  ingest: PositionIngest;
  clock: { now: () => Date; set: (ms: number) => void };
}

/** The platform on `store` with its tracker fed by an ingest, as `serve` wires them. */
export function trackingWorld(store: Store, countries: CountryIndex | null = stubCountries(), options: PlatformOptions = {}): TrackingWorld {
  let now = T0;
  const clock = { now: () => new Date(now), set: (ms: number) => void (now = ms) };
  const platform = wirePlatform(store, clock, { ...options, tracking: { tickIntervalMs: 0, countries } });
  const ingest = new PositionIngest(store.positions, { durable: (positions) => platform.tracker.durable(positions) });
  return { platform, ingest, clock };
}

/** The crossings a demo route passes: those on its way, then the declared one. */
function crossingsOf(route: DemoRoute): string[] {
  return [...route.via.flatMap((step) => ('crossing' in step ? [step.crossing] : [])), route.crossing];
}

/** Puts a route's offices and crossings into an instance's reference data, as every operator of the union has them. */
export async function seedPlaces(platform: Platform, route: DemoRoute = ROUTE): Promise<void> {
  await platform.reference.put(CONSOLE_USER, 'offices', findCustomsOffice(route.departure)!);
  await platform.reference.put(CONSOLE_USER, 'offices', findCustomsOffice(route.destination)!);
  for (const code of crossingsOf(route)) await platform.reference.put(CONSOLE_USER, 'crossings', findBorderCrossing(code)!);
}

/**
 * Seeds the places, the seal and an accepted declaration on `route` (the Bishkek – Almaty one unless told), declaring
 * `crossing` (the route's own unless told); returns the declaration's id.
 */
export async function seedRoute(platform: Platform, reference = 'TRACK-0001', seals = [DEVICE], owner: User = CONSOLE_USER, route: DemoRoute = ROUTE, crossing = route.crossing): Promise<string> {
  await seedPlaces(platform, route);
  for (const id of seals) await platform.reference.put(CONSOLE_USER, 'devices', { id, protocol: 'teltonika', state: 'available' });
  const created = await platform.declarations.create(owner, {
    ...validDeclaration(reference),
    officeOfDeparture: route.departure,
    borderCrossing: findBorderCrossing(crossing)!.code,
    officeOfDestination: route.destination,
    plannedRoute: plannedRoute(route),
    seals,
  });
  const submitted = await platform.declarations.submit(owner, created.id);
  expect(submitted.check?.issues).toEqual([]);
  return created.id;
}

/** The arming the tests use: a 500 m corridor, as the core's scripted tracks expect. */
export function armRequest(declarationId: string, extra: Partial<ArmRequest> = {}): ArmRequest {
  return { declarationId, corridorWidthM: 500, ...extra };
}

/** Feeds inputs as the server would: positions between two ticks in one commit, each tick once they are taken. */
export async function feed(world: TrackingWorld, inputs: readonly TrackingInput[]): Promise<void> {
  let batch = [];
  for (const input of inputs) {
    if (input.kind === 'position') {
      batch.push(input.position);
      continue;
    }
    if (batch.length > 0) await world.ingest.submit(batch);
    batch = [];
    await world.platform.tracker.idle();
    world.clock.set(input.at);
    await world.platform.tracker.tick(input.at);
  }
  if (batch.length > 0) await world.ingest.submit(batch);
  await world.platform.tracker.idle();
}
