/**
 * Runs a fleet of virtual sealed trucks against a gateway: the pure movement model (core/fleet) on a simulated
 * clock that runs `timeScale` times the wall clock, each truck's seal a device of its protocol with a real
 * connection to the gateway's port, its reports encoded with the project's encoders.
 */
import { createRng } from '../core/random/index.js';
import { createFleet, truthUntil, type Fleet, type TruckTruth } from '../core/fleet/index.js';
import type { SealProtocol } from '../core/model/index.js';
import { Backoff, DEFAULT_BACKOFF } from './backoff.js';
import type { DeviceLink, LinkContext } from './device-link.js';
import { planDevices, type SimulatedDevice } from './devices.js';
import { createEgtsDriver } from './drivers/egts.js';
import { createTeltonikaDriver } from './drivers/teltonika.js';
import { createWialonDriver } from './drivers/wialon.js';
import { MqttLink } from './mqtt-link.js';
import { resolveProtocolWeights, type FleetSimulationOptions } from './options.js';
import { OsmandLink } from './osmand-link.js';
import { StatsCollector, type SimulationStats } from './stats.js';
import { TcpLink } from './tcp-link.js';

export interface DeviceRegistration {
  deviceId: string;
  protocol: SealProtocol;
  /** The model to register the seal under: the default seal mapping of that name reads what the simulator sets. */
  model: string;
  truckId: string;
  routeId: string;
}

export interface FleetSimulationResult {
  stats: SimulationStats;
  /** What happened to each truck up to `simulatedUntil`. */
  groundTruth: TruckTruth[];
  simulatedFrom: number;
  simulatedUntil: number;
  /** Why it ended: the duration ran out, every truck arrived, or stop() was called. */
  ended: 'duration' | 'arrived' | 'stopped';
}

export interface FleetSimulation {
  /** The seals, to register with the platform (the same as fleetRegistrations with these options). */
  registrations(): DeviceRegistration[];
  stats(): SimulationStats;
  /** Where the simulated clock is. */
  simulatedTime(): number;
  /** Settles when the simulation ends by itself (after a last wait for acknowledgements) or is stopped. */
  readonly done: Promise<FleetSimulationResult>;
  /** Ends now: no more reports, connections closed; what is unacknowledged stays counted as pending. */
  stop(): Promise<FleetSimulationResult>;
}

interface Planned {
  devices: SimulatedDevice[];
  fleet: Fleet;
  start: number;
}

function plan(options: FleetSimulationOptions, start: number): Planned {
  const devices = planDevices(options.seed, options.count, resolveProtocolWeights(options));
  const fleetOptions: Parameters<typeof createFleet>[1] = {
    count: options.count,
    start,
    deviceIds: devices.map((d) => d.deviceId),
  };
  if (options.misbehaviour !== undefined) fleetOptions.misbehaviour = options.misbehaviour;
  if (options.reportIntervalSeconds !== undefined) fleetOptions.reportIntervalSeconds = options.reportIntervalSeconds;
  if (options.parkedReportIntervalSeconds !== undefined) fleetOptions.parkedReportIntervalSeconds = options.parkedReportIntervalSeconds;
  if (options.departureWindowSeconds !== undefined) fleetOptions.departureWindowSeconds = options.departureWindowSeconds;
  if (options.routes !== undefined) fleetOptions.routes = options.routes;
  return { devices, fleet: createFleet(createRng(options.seed).fork('fleet'), fleetOptions), start };
}

function registrationsOf({ devices, fleet }: Planned): DeviceRegistration[] {
  return devices.map((d, i) => ({ ...d, truckId: fleet.trucks[i]!.truckId, routeId: fleet.trucks[i]!.routeId }));
}

/** The seals a simulation with these options will run, without starting it: register them first. */
export function fleetRegistrations(options: FleetSimulationOptions): DeviceRegistration[] {
  return registrationsOf(plan(options, options.start ?? 0));
}

/**
 * Now, for a clock running at wall speed. A faster clock with a duration starts that duration in the past, so that
 * it catches up with the wall clock only as it ends and no seal ever reports a fix from the future, which a gateway
 * may refuse. A faster clock without an end must run ahead; its caller can pass `start` to choose otherwise.
 */
export function defaultStart(now: number, timeScale: number, durationSeconds: number | undefined): number {
  return timeScale > 1 && durationSeconds !== undefined ? now - durationSeconds * 1000 : now;
}

function positive(value: number | undefined, fallback: number, what: string): number {
  const v = value ?? fallback;
  if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${what} must be > 0, got ${v}`);
  return v;
}

export function runFleetSimulation(options: FleetSimulationOptions): FleetSimulation {
  const timeScale = positive(options.timeScale, 1, 'timeScale');
  const tickMs = positive(options.tickMs, 200, 'tickMs');
  const ackTimeoutMs = positive(options.ackTimeoutMs, 15_000, 'ackTimeoutMs');
  const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
  if (options.durationSeconds !== undefined) positive(options.durationSeconds, 1, 'durationSeconds');
  const start = Math.floor((options.start ?? defaultStart(Date.now(), timeScale, options.durationSeconds)) / 1000) * 1000;
  const planned = plan(options, start);
  const { devices, fleet } = planned;
  const registrations = registrationsOf(planned);
  const stats = new StatsCollector(devices);
  const backoffOptions = { ...DEFAULT_BACKOFF, ...options.reconnect };
  const jitter = createRng(options.seed).fork('simulator/backoff');
  const { gateway } = options;

  const links = new Map<string, DeviceLink>();
  devices.forEach((device, i) => {
    const context: LinkContext = { device, stats, backoff: new Backoff(backoffOptions, jitter.fork(String(i))), ackTimeoutMs };
    if (options.onAcknowledged) context.onAcknowledged = options.onAcknowledged;
    const host = gateway.host;
    let link: DeviceLink;
    switch (device.protocol) {
      case 'teltonika':
        link = new TcpLink(context, { host, port: gateway.ports.teltonika! }, () => createTeltonikaDriver(device.deviceId));
        break;
      case 'wialon':
        link = new TcpLink(context, { host, port: gateway.ports.wialon! }, () => createWialonDriver(device.deviceId));
        break;
      case 'egts': {
        // The terminal id an operator would configure; the IMEI is what identifies the seal.
        const counters = { packetId: 0, recordNumber: 0 };
        link = new TcpLink(context, { host, port: gateway.ports.egts! }, () => createEgtsDriver(device.deviceId, i + 1, counters));
        break;
      }
      case 'osmand': {
        const endpoint = gateway.osmandPath === undefined
          ? { host, port: gateway.ports.osmand! }
          : { host, port: gateway.ports.osmand!, path: gateway.osmandPath };
        link = new OsmandLink(context, endpoint);
        break;
      }
      case 'mqtt':
        link = new MqttLink(context, gateway.mqttUrl!);
        break;
    }
    links.set(device.deviceId, link);
  });

  const end = options.durationSeconds === undefined ? Infinity : start + options.durationSeconds * 1000;
  const wallStart = performance.now();
  let simulated = start;
  let ended: FleetSimulationResult['ended'] | undefined;
  let resolveDone!: (result: FleetSimulationResult) => void;
  const done = new Promise<FleetSimulationResult>((resolve) => {
    resolveDone = resolve;
  });

  const pendingTotal = (): number => {
    let n = 0;
    for (const link of links.values()) n += link.outbox.size;
    return n;
  };
  const result = (): FleetSimulationResult => ({
    stats: stats.snapshot(),
    groundTruth: truthUntil(fleet.groundTruth(), simulated),
    simulatedFrom: start,
    simulatedUntil: simulated,
    ended: ended ?? 'stopped',
  });
  const progress = (): void => options.onProgress?.({ ...stats.snapshot(), simulatedTime: simulated });

  const closeAll = async (): Promise<void> => {
    clearInterval(ticker);
    clearInterval(reporter);
    await Promise.all([...links.values()].map((link) => link.close()));
    progress();
    resolveDone(result());
  };

  const finish = async (why: 'duration' | 'arrived'): Promise<void> => {
    ended = why;
    clearInterval(ticker);
    // The clock has stopped; give the devices time to deliver what they still hold, then hang up.
    const deadline = performance.now() + drainTimeoutMs;
    while (pendingTotal() > 0 && performance.now() < deadline && !stopped) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(50, tickMs)));
    }
    if (!stopped) {
      stopped = true;
      await closeAll();
    }
  };

  let stopped = false;
  const tick = (): void => {
    if (ended !== undefined || stopped) return;
    const now = Math.min(end, start + (performance.now() - wallStart) * timeScale);
    simulated = Math.max(simulated, Math.floor(now));
    for (const [deviceId, reports] of fleet.advance(simulated)) links.get(deviceId)!.enqueue(reports);
    if (simulated >= end) void finish('duration');
    else if (fleet.finished()) void finish('arrived');
  };
  const ticker = setInterval(tick, tickMs);
  const reporter = setInterval(progress, options.progressIntervalMs ?? 1000);
  queueMicrotask(tick);

  return {
    registrations: () => registrations.map((r) => ({ ...r })),
    stats: () => stats.snapshot(),
    simulatedTime: () => simulated,
    done,
    async stop(): Promise<FleetSimulationResult> {
      if (!stopped) {
        stopped = true;
        await closeAll();
      }
      return done;
    },
  };
}
