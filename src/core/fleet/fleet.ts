/**
 * A fleet of virtual sealed trucks on the demo routes, deterministic from a seed and driven by a simulated clock
 * that the caller advances: the same generator and the same times give the same reports, bit for bit.
 *
 * Each truck draws from its own streams (`truck/<n>/…`), so a larger fleet keeps the smaller fleet's trucks.
 */
import type { Rng } from '../random/index.js';
import { DEMO_ROUTES, generateImei, type DemoRoute } from '../demo/index.js';
import type { TruckTruth } from './ground-truth.js';
import { misbehaviourRates, type MisbehaviourRates } from './misbehaviour.js';
import type { FleetReport } from './report.js';
import { restAreasOf, type RestArea } from './rest-areas.js';
import { RoutePath } from './route-path.js';
import { planTruck } from './truck-plan.js';
import { TruckReporter } from './truck-reporter.js';

export interface FleetOptions {
  count: number;
  /** Simulated start, milliseconds since the Unix epoch; trucks are armed from then on. */
  start: number;
  /** Share of trucks with each misbehaviour; unnamed kinds keep their defaults. */
  misbehaviour?: Partial<MisbehaviourRates>;
  /** Seconds between reports while moving; 60 unless told. */
  reportIntervalSeconds?: number;
  /** Seconds between reports while standing; five times the moving interval unless told. */
  parkedReportIntervalSeconds?: number;
  /** Trucks are armed at random times within this many seconds of `start`; 7200 unless told, 0 for all at once. */
  departureWindowSeconds?: number;
  /** The seals' device ids, one per truck; IMEIs are made up when absent. */
  deviceIds?: readonly string[];
  /** Only these demo routes (by id); all of them, by their weights, when absent. */
  routes?: readonly string[];
}

export interface FleetTruck {
  truckId: string;
  deviceId: string;
  routeId: string;
}

export interface Fleet {
  readonly trucks: readonly FleetTruck[];
  readonly rates: Readonly<MisbehaviourRates>;
  /** The time the fleet was last advanced to. */
  readonly time: number;
  /**
   * Moves the clock to `toTime` and returns what each device sends meanwhile, by device id, in sending order.
   * Time only moves forward.
   */
  advance(toTime: number): Map<string, FleetReport[]>;
  /** Every truck has sent its last report. */
  finished(): boolean;
  /** What happens to each truck, as planned when the fleet was created (see truthUntil for what has happened). */
  groundTruth(): TruckTruth[];
  /** The designated rest areas of a truck's route, where long stops are expected. */
  restAreas(routeId: string): readonly RestArea[];
}

function wholeSeconds(value: number | undefined, fallback: number, what: string, min: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min) throw new RangeError(`${what} must be a whole number of seconds >= ${min}, got ${v}`);
  return v;
}

export function createFleet(rng: Rng, options: FleetOptions): Fleet {
  const { count, start } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a fleet size is a whole number >= 0, got ${count}`);
  if (!Number.isFinite(start)) throw new RangeError(`start must be a time in milliseconds, got ${start}`);
  const interval = wholeSeconds(options.reportIntervalSeconds, 60, 'reportIntervalSeconds', 1);
  const parked = wholeSeconds(options.parkedReportIntervalSeconds, interval * 5, 'parkedReportIntervalSeconds', interval);
  const window = wholeSeconds(options.departureWindowSeconds, 7200, 'departureWindowSeconds', 0);
  if (options.deviceIds !== undefined && options.deviceIds.length < count) {
    throw new RangeError(`${count} trucks need ${count} device ids, got ${options.deviceIds.length}`);
  }
  const rates = misbehaviourRates(options.misbehaviour);
  const routes: readonly DemoRoute[] = options.routes === undefined
    ? DEMO_ROUTES
    : options.routes.map((id) => {
      const route = DEMO_ROUTES.find((r) => r.id === id);
      if (route === undefined) throw new RangeError(`unknown demo route ${JSON.stringify(id)}`);
      return route;
    });
  if (routes.length === 0) throw new RangeError('a fleet needs at least one route');

  const paths = new Map<string, { path: RoutePath; restAreas: RestArea[] }>();
  const geometry = (route: DemoRoute): { path: RoutePath; restAreas: RestArea[] } => {
    let g = paths.get(route.id);
    if (g === undefined) {
      const path = new RoutePath(route);
      g = { path, restAreas: restAreasOf(path) };
      paths.set(route.id, g);
    }
    return g;
  };

  const seen = new Set<string>();
  const reporters: TruckReporter[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`truck/${i}`);
    const route = r.weighted(routes.map((x) => [x, x.weight] as const));
    let deviceId = options.deviceIds?.[i];
    if (deviceId === undefined) {
      const ids = r.fork('imei');
      do deviceId = generateImei(ids); while (seen.has(deviceId));
    }
    if (seen.has(deviceId)) throw new RangeError(`device id ${deviceId} is given to two trucks`);
    seen.add(deviceId);
    const { path, restAreas } = geometry(route);
    const armedAt = start + Math.round(r.next() * window) * 1000;
    const plan = planTruck(r, {
      truckId: `T${String(i + 1).padStart(4, '0')}`,
      deviceId, route, path, restAreas, armedAt, rates,
    });
    reporters.push(new TruckReporter(plan, r.fork('noise'), interval * 1000, parked * 1000));
  }

  let time = start;
  return {
    trucks: reporters.map((x) => ({ truckId: x.plan.truckId, deviceId: x.plan.deviceId, routeId: x.plan.route.id })),
    rates,
    get time() {
      return time;
    },
    advance(toTime: number): Map<string, FleetReport[]> {
      if (!(toTime >= time)) throw new RangeError(`the fleet's clock is at ${time}; it cannot go to ${toTime}`);
      time = toTime;
      const out = new Map<string, FleetReport[]>();
      for (const reporter of reporters) {
        if (reporter.done) continue;
        const reports: FleetReport[] = [];
        reporter.advance(toTime, reports);
        if (reports.length > 0) out.set(reporter.plan.deviceId, reports);
      }
      return out;
    },
    finished: () => reporters.every((x) => x.done),
    groundTruth: () => reporters.map((x) => structuredClone(x.plan.truth)),
    restAreas: (routeId: string) => {
      const route = DEMO_ROUTES.find((r) => r.id === routeId);
      if (route === undefined) throw new RangeError(`unknown demo route ${JSON.stringify(routeId)}`);
      return geometry(route).restAreas;
    },
  };
}
