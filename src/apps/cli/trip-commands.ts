/**
 * `corridor trips arm|disarm|list`: the monitoring centre's arming at the command line, on the server's store. A
 * running server follows a trip armed here from its tracker's next tick, and stops following one disarmed here.
 */
import { readFile } from 'node:fs/promises';
import type { LineString } from '../../core/model/index.js';
import type { TripStatus } from '../../ports/tracking-store.js';
import { ServiceError } from '../../services/service-error.js';
import type { TripView } from '../../services/tracking/trip-service.js';
import { CONSOLE_USER, type Platform } from '../platform.js';

export interface ArmOptions {
  seal?: string[];
  width?: number;
  route?: string;
}

/** A GeoJSON LineString from a file, bare or as a Feature's geometry. */
async function routeFile(path: string): Promise<LineString> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ServiceError('VALIDATION', `${path} is not JSON: ${(error as Error).message}`);
  }
  const geometry = (parsed as { type?: string; geometry?: unknown }).type === 'Feature' ? (parsed as { geometry: unknown }).geometry : parsed;
  const line = geometry as Partial<LineString> | null;
  if (line?.type !== 'LineString' || !Array.isArray(line.coordinates)) {
    throw new ServiceError('VALIDATION', `${path} holds no GeoJSON LineString`, [{ code: 'ROUTE_NOT_LINESTRING', path: 'route', message: 'expected a LineString or a Feature of one' }]);
  }
  return line as LineString;
}

function line(view: TripView): string {
  const { trip, eta, progress } = view;
  const arrival = eta ? `eta ${new Date(eta.destinationAt).toISOString()}` : trip.closedAt ? `closed ${trip.closedAt}` : '';
  const alarms = progress && progress.openAlarms.length > 0 ? ` alarms: ${progress.openAlarms.join(', ')}` : '';
  return `${trip.id}  ${trip.status}  declaration ${trip.declarationId}  seals ${trip.sealIds.join(',')}  ${arrival}${alarms}`;
}

export async function armTrip(platform: Platform, declarationId: string, options: ArmOptions): Promise<void> {
  const view = await platform.trips.arm(CONSOLE_USER, {
    declarationId,
    ...(options.seal ? { sealIds: options.seal } : {}),
    ...(options.width !== undefined ? { corridorWidthM: options.width } : {}),
    ...(options.route ? { route: await routeFile(options.route) } : {}),
  });
  console.log(`armed: ${line(view)}`);
}

export async function disarmTrip(platform: Platform, tripId: string): Promise<void> {
  console.log(`disarmed: ${line(await platform.trips.disarm(CONSOLE_USER, tripId))}`);
}

export async function listTrips(platform: Platform, options: { status?: TripStatus; limit: number }): Promise<void> {
  const page = await platform.trips.list(CONSOLE_USER, { ...(options.status ? { status: options.status } : {}), limit: options.limit, offset: 0 });
  for (const view of page.items) console.log(line(view));
  console.log(`${page.items.length} of ${page.total} trips`);
}
