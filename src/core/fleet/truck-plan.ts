/** One simulated sealed truck, planned whole when the fleet is created: its route, legs, seal and ground truth. */
import type { Rng } from '../random/index.js';
import type { DemoRoute } from '../demo/index.js';
import type { MisbehaviourTruth, TruckTruth } from './ground-truth.js';
import { planItinerary, type Itinerary } from './itinerary.js';
import { MISBEHAVIOUR_KINDS, type MisbehaviourKind, type MisbehaviourRates } from './misbehaviour.js';
import type { RestArea } from './rest-areas.js';
import type { RoutePath } from './route-path.js';
import { LOW_BATTERY_PERCENT, lowBatteryAt, type SealTimeline } from './seal-timeline.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface TruckPlan {
  truckId: string;
  deviceId: string;
  route: DemoRoute;
  path: RoutePath;
  itinerary: Itinerary;
  seal: SealTimeline;
  /** Reports taken in this window are held and sent at its end. */
  signalLoss?: { from: number; to: number };
  truth: TruckTruth;
}

export interface TruckInput {
  truckId: string;
  deviceId: string;
  route: DemoRoute;
  path: RoutePath;
  restAreas: readonly RestArea[];
  armedAt: number;
  rates: MisbehaviourRates;
}

const seconds = (ms: number): number => Math.round(ms / 1000) * 1000;
const between = (rng: Rng, min: number, max: number): number => min + (max - min) * rng.next();

export function planTruck(rng: Rng, input: TruckInput): TruckPlan {
  // Each misbehaviour is drawn from a stream of its own, so changing one rate leaves the others' trucks alone.
  const drawn = new Set<MisbehaviourKind>();
  for (const kind of MISBEHAVIOUR_KINDS) if (rng.fork(`misbehaviour/${kind}`).chance(input.rates[kind])) drawn.add(kind);

  const itinerary = planItinerary(rng.fork('itinerary'), input.path, input.restAreas, input.armedAt, {
    deviation: drawn.has('deviation'),
    longStop: drawn.has('long-stop'),
    doorStop: drawn.has('door-open'),
    cableStop: drawn.has('cable-cut'),
    tamper: drawn.has('tamper'),
  });
  const r = rng.fork('seal');
  const misbehaviours: MisbehaviourTruth[] = [];
  const seal: SealTimeline = { unsealedAt: itinerary.unsealedAt, battery: { at: itinerary.armedAt, percent: 0, drainPerHour: 0 } };

  if (itinerary.doorStop) {
    const stop = itinerary.doorStop;
    const from = seconds(stop.from + between(r, 2, 6) * MINUTE);
    const to = Math.min(seconds(from + between(r, 3, 15) * MINUTE), stop.to - MINUTE);
    seal.door = { from, to };
    misbehaviours.push({ kind: 'door-open', from, to, at: stop.at });
  }
  if (itinerary.tamper) {
    const from = itinerary.tamper.time;
    const to = seconds(from + between(r, 1, 5) * MINUTE);
    seal.tamper = { from, to };
    misbehaviours.push({ kind: 'tamper', from, to, at: itinerary.tamper.at });
  }
  if (itinerary.cableStop) {
    const stop = itinerary.cableStop;
    seal.cableCutAt = Math.min(seconds(stop.from + between(r, 2, 8) * MINUTE), stop.to - MINUTE);
    misbehaviours.push({ kind: 'cable-cut', from: seal.cableCutAt, at: stop.at });
  }
  if (itinerary.deviation) misbehaviours.push({ kind: 'deviation', ...itinerary.deviation });
  if (itinerary.longStop) {
    const { from, to, at } = itinerary.longStop;
    misbehaviours.push({ kind: 'long-stop', from, to, at });
  }

  let signalLoss: TruckPlan['signalLoss'];
  if (drawn.has('signal-loss')) {
    const span = itinerary.arrivedAt - itinerary.departedAt - 90 * MINUTE;
    const duration = Math.min(between(r, 20, 180) * MINUTE, Math.max(span / 2, 5 * MINUTE));
    const from = seconds(itinerary.departedAt + 30 * MINUTE + Math.max(0, span - duration) * r.next());
    signalLoss = { from, to: seconds(from + duration) };
    misbehaviours.push({ kind: 'signal-loss', ...signalLoss });
  }

  const tripHours = (itinerary.endsAt - itinerary.armedAt) / HOUR;
  if (drawn.has('low-battery')) {
    const drive = itinerary.arrivedAt - itinerary.departedAt;
    const lowAt = itinerary.departedAt + drive * between(r, 0.25, 0.85);
    const percent = between(r, 35, 60);
    seal.battery = { at: itinerary.armedAt, percent, drainPerHour: (percent - (LOW_BATTERY_PERCENT - 0.5)) / ((lowAt - itinerary.armedAt) / HOUR) };
    misbehaviours.push({ kind: 'low-battery', from: lowBatteryAt(seal)!, thresholdPercent: LOW_BATTERY_PERCENT });
  } else {
    // A healthy seal ends the trip with a clear margin above the low mark.
    const percent = between(r, 70, 100);
    const drainPerHour = Math.min(between(r, 0.15, 0.5), (percent - LOW_BATTERY_PERCENT - 10) / tripHours);
    seal.battery = { at: itinerary.armedAt, percent, drainPerHour };
  }
  misbehaviours.sort((a, b) => a.from - b.from);

  const truth: TruckTruth = {
    truckId: input.truckId,
    deviceId: input.deviceId,
    routeId: input.route.id,
    departureOffice: input.route.departure,
    destinationOffice: input.route.destination,
    crossing: input.route.crossing,
    armedAt: itinerary.armedAt,
    departedAt: itinerary.departedAt,
    arrivedAt: itinerary.arrivedAt,
    unsealedAt: itinerary.unsealedAt,
    endsAt: itinerary.endsAt,
    crossings: itinerary.crossings,
    stops: itinerary.stops,
    misbehaviours,
  };
  const plan: TruckPlan = { truckId: input.truckId, deviceId: input.deviceId, route: input.route, path: input.path, itinerary, seal, truth };
  if (signalLoss) plan.signalLoss = signalLoss;
  return plan;
}
