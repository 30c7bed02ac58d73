/**
 * A platform with a real route to track: the demo route Bishkek – Almaty through Korday with its real offices and
 * crossing, a registered seal and an accepted declaration on it, over a store of the test's choosing and a clock
 * the test moves.
 */
import { expect } from 'vitest';
import { CONSOLE_USER, wirePlatform, type Platform, type PlatformOptions } from '../../src/apps/platform.js';
import { DEMO_ROUTES, plannedRoute } from '../../src/core/demo/index.js';
import { findBorderCrossing, findCustomsOffice } from '../../src/core/reference/index.js';
import type { CountryIndex } from '../../src/core/geo/index.js';
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

/** Seeds the places, the seal and an accepted declaration; returns the declaration's id. */
export async function seedRoute(platform: Platform, reference = 'TRACK-0001', seals = [DEVICE], owner: User = CONSOLE_USER): Promise<string> {
  await platform.reference.put(CONSOLE_USER, 'offices', findCustomsOffice(ROUTE.departure)!);
  await platform.reference.put(CONSOLE_USER, 'offices', findCustomsOffice(ROUTE.destination)!);
  await platform.reference.put(CONSOLE_USER, 'crossings', findBorderCrossing(ROUTE.crossing)!);
  for (const id of seals) await platform.reference.put(CONSOLE_USER, 'devices', { id, protocol: 'teltonika', state: 'available' });
  const created = await platform.declarations.create(owner, {
    ...validDeclaration(reference),
    officeOfDeparture: ROUTE.departure,
    borderCrossing: findBorderCrossing(ROUTE.crossing)!.code,
    officeOfDestination: ROUTE.destination,
    plannedRoute: plannedRoute(ROUTE),
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
