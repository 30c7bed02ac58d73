/** What a fleet simulation is told: the fleet, the gateway it talks to, and how fast its clock runs. */
import type { FleetReport, MisbehaviourRates } from '../core/fleet/index.js';
import { SEAL_PROTOCOLS, type SealProtocol } from '../core/model/index.js';
import type { BackoffOptions } from './backoff.js';
import { DEFAULT_PROTOCOL_WEIGHTS, type ProtocolWeights } from './devices.js';
import type { SimulationStats } from './stats.js';

export interface GatewayEndpoints {
  host: string;
  /** The gateway's port for each TCP or HTTP protocol; a protocol without a port gets no devices. */
  ports: Partial<Record<'teltonika' | 'wialon' | 'egts' | 'osmand', number>>;
  /** The MQTT broker the gateway listens to, such as `mqtt://127.0.0.1:1883`; without it, no MQTT devices. */
  mqttUrl?: string;
  /** Path of OsmAnd requests; `/` unless told. */
  osmandPath?: string;
}

export interface SimulationProgress extends SimulationStats {
  /** Where the simulated clock is, milliseconds since the Unix epoch. */
  simulatedTime: number;
}

export interface FleetSimulationOptions {
  count: number;
  seed: number | string;
  gateway: GatewayEndpoints;
  /** Relative share of each protocol; the demo fleet's mix unless told. */
  protocols?: ProtocolWeights;
  /**
   * Simulated seconds per wall second: 1 sends as real seals would; 60 runs an hour of the fleet in a minute. Reports
   * are never sent before the simulated clock reaches them.
   */
  timeScale?: number;
  /** Simulated seconds to run; without it, until every truck has arrived or stop() is called. */
  durationSeconds?: number;
  /**
   * Simulated start, milliseconds since the Unix epoch, whole seconds. Unless told: the wall clock at launch, or,
   * when `timeScale` > 1 and a duration is set, that duration before it, so that no fix lies in the future.
   */
  start?: number;
  misbehaviour?: Partial<MisbehaviourRates>;
  reportIntervalSeconds?: number;
  parkedReportIntervalSeconds?: number;
  departureWindowSeconds?: number;
  /** Only these demo routes. */
  routes?: readonly string[];
  /** Wall milliseconds between two steps of the simulated clock; 200 unless told. */
  tickMs?: number;
  /** Wall milliseconds to wait for a connection, login or acknowledgement; 15 000 unless told. */
  ackTimeoutMs?: number;
  reconnect?: Partial<BackoffOptions>;
  /** Wall milliseconds to wait, at the end, for what is still unacknowledged; 30 000 unless told. */
  drainTimeoutMs?: number;
  onProgress?: (progress: SimulationProgress) => void;
  /** Wall milliseconds between progress calls; 1000 unless told. */
  progressIntervalMs?: number;
  /** Told of every batch the gateway acknowledged, for tests and replays. */
  onAcknowledged?: (deviceId: string, reports: readonly FleetReport[]) => void;
}

/** The weight of each protocol, after leaving out those the gateway has no endpoint for. */
export function resolveProtocolWeights(options: Pick<FleetSimulationOptions, 'gateway' | 'protocols'>): Record<SealProtocol, number> {
  const weights = { ...DEFAULT_PROTOCOL_WEIGHTS };
  const given = options.protocols ?? {};
  for (const protocol of SEAL_PROTOCOLS) {
    const weight = given[protocol];
    if (weight !== undefined) {
      if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`protocol weight ${protocol} must be >= 0, got ${weight}`);
      weights[protocol] = weight;
    }
    const reachable = protocol === 'mqtt' ? options.gateway.mqttUrl !== undefined : options.gateway.ports[protocol] !== undefined;
    if (!reachable) {
      if (weight !== undefined && weight > 0) throw new RangeError(`protocol ${protocol} has a weight but the gateway has no ${protocol === 'mqtt' ? 'mqttUrl' : `port for it`}`);
      weights[protocol] = 0;
    }
  }
  if (SEAL_PROTOCOLS.every((p) => weights[p] === 0)) throw new RangeError('no protocol with a positive weight and a gateway endpoint');
  return weights;
}
