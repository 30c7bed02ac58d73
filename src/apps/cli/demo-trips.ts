/**
 * The demo fleet as armed trips, so the demo shows trips, ETAs and the alerts the simulator's misbehaviours raise:
 * for each simulated truck an accepted declaration on its route under its seal, and a trip armed on it.
 *
 * The trip's route is the line the truck drives: the fleet model draws each leg between towns straight in latitude
 * and longitude, while a planned route's long legs are great circles, which part from those lines by kilometres on
 * the corridor's long diagonal legs. So the route is the demo route's polyline sampled every few kilometres along
 * those straight legs. The route's designated rest areas are its stop zones.
 */
import { DEMO_ROUTES, generateDemoSet } from '../../core/demo/index.js';
import { designatedRestAreas, REST_AREA_RADIUS_KM, RoutePath, type FleetReport } from '../../core/fleet/index.js';
import type { LineString, SealDevice } from '../../core/model/index.js';
import { createRng } from '../../core/random/index.js';
import { hexagonAround } from '../../core/reference/index.js';
import type { ArmRequest } from '../../services/tracking/trip-planning.js';
import type { DeviceRegistration } from '../../simulator/index.js';
import { CONSOLE_USER, type Platform } from '../platform.js';

/** Spacing of the sampled route, km: a great circle this short stays within a metre of the straight leg. */
const SAMPLE_KM = 2;
/** A rest area's geofence reaches past the radius trucks park within, so GPS noise at its edge stays inside. */
const REST_AREA_GEOFENCE_KM = REST_AREA_RADIUS_KM * 1.5;
/** Declarations generated per truck to find one on each truck's route. */
const CANDIDATES_PER_TRUCK = 25;

/** The line a fleet truck drives on a demo route, as a planned route. */
export function drivenRoute(routeId: string): LineString {
  const route = DEMO_ROUTES.find((r) => r.id === routeId);
  if (route === undefined) throw new RangeError(`unknown demo route ${JSON.stringify(routeId)}`);
  const path = new RoutePath(route);
  const coordinates: Array<[number, number]> = [];
  path.vertices.forEach((vertex, i) => {
    const next = path.vertices[i + 1];
    if (next === undefined) return void coordinates.push([vertex.location.lon, vertex.location.lat]);
    const pieces = Math.max(1, Math.ceil((next.km - vertex.km) / SAMPLE_KM));
    for (let j = 0; j < pieces; j++) {
      const point = path.pointAt(vertex.km + ((next.km - vertex.km) * j) / pieces);
      coordinates.push([point.lon, point.lat]);
    }
  });
  return { type: 'LineString', coordinates };
}

/** What to arm a fleet truck's trip with: its driven route and its route's rest areas. */
export function demoArmRequest(declarationId: string, routeId: string): ArmRequest {
  return {
    declarationId,
    route: drivenRoute(routeId),
    stopZones: designatedRestAreas(routeId).map((area) => ({
      id: `${routeId}-km${Math.round(area.km)}`,
      name: area.name,
      geofence: hexagonAround(area.location, REST_AREA_GEOFENCE_KM),
    })),
  };
}

/**
 * Declares and arms a trip for every truck. `run` tells this run's declarations apart from an earlier run's; a
 * trip an earlier run left open on a seal is disarmed first.
 */
export async function armDemoFleet(platform: Platform, trucks: readonly DeviceRegistration[], today: string, run: string): Promise<string[]> {
  const fleet: SealDevice[] = trucks.map((t) => ({ id: t.deviceId, protocol: t.protocol, model: t.model, state: 'available' }));
  const candidates = generateDemoSet(createRng(`demo-fleet/${run}`), trucks.length * CANDIDATES_PER_TRUCK, { today, fleet, gapShare: 0 });
  const used = new Set<number>();
  const rows = trucks.map((truck, line) => {
    const index = candidates.findIndex((c, i) => !used.has(i) && c.route === truck.routeId);
    if (index < 0) throw new Error(`no demo declaration on route ${truck.routeId} among ${candidates.length}`);
    used.add(index);
    return { line: line + 1, record: { ...candidates[index]!.input, reference: `FLEET-${run}-${truck.truckId}`, seals: [truck.deviceId] } };
  });
  await platform.imports.run(CONSOLE_USER, rows);

  const tripIds: string[] = [];
  for (const truck of trucks) {
    const declaration = await platform.store.declarations.getByReference(`FLEET-${run}-${truck.truckId}`);
    if (declaration?.status !== 'accepted') throw new Error(`the demo declaration of ${truck.truckId} was not accepted`);
    const left = await platform.store.trips.openTripOfSeal(truck.deviceId);
    if (left !== undefined) await platform.trips.disarm(CONSOLE_USER, left);
    tripIds.push((await platform.trips.arm(CONSOLE_USER, demoArmRequest(declaration.id, truck.routeId))).trip.id);
  }
  return tripIds;
}

/**
 * Disarms a truck's trip once the gateway has its report of the seal opened at the office of destination, as the
 * officer there would: the seal comes off the truck, and its trip ends. Give `acknowledged` to the simulation.
 */
export class DemoDisarming {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly platform: Platform,
    private readonly onError: (error: unknown) => void,
  ) {}

  readonly acknowledged = (deviceId: string, reports: readonly FleetReport[]): void => {
    if (!reports.some((report) => report.event === 'unsealed')) return;
    this.pending = this.pending
      .then(async () => {
        const tripId = await this.platform.store.trips.openTripOfSeal(deviceId);
        if (tripId !== undefined) await this.platform.trips.disarm(CONSOLE_USER, tripId);
      })
      .catch(this.onError);
  };

  /** Resolves once every disarming asked for so far is done. */
  async idle(): Promise<void> {
    await this.pending;
  }
}
