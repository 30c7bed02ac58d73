/**
 * Starts the device gateways: a listener per protocol, all publishing to one bus. In the all-in-one server that is
 * the in-process bus, consumed by one group commit for all; `corridor gateway` publishes to JetStream instead.
 */
import { MemoryBus } from '../../adapters/bus/memory/memory-bus.js';
import { connectMqttGateway } from '../../adapters/gateway/mqtt-gateway.js';
import type { GatewayContext, GatewayLog } from '../../adapters/gateway/gateway-context.js';
import { listenOsmandGateway } from '../../adapters/gateway/osmand-gateway.js';
import { listenTcpGateway, type Listener } from '../../adapters/gateway/tcp-gateway.js';
import { createGatewayMetrics, type GatewayMetrics } from '../../adapters/metrics/gateway-metrics.js';
import { DEFAULT_SEAL_MAPPINGS, type SealMapping } from '../../core/devices/index.js';
import { createEgtsSession } from '../../protocols/egts/session.js';
import type { ProtocolSession } from '../../protocols/session.js';
import { createTeltonikaSession } from '../../protocols/teltonika/session.js';
import { createWialonSession } from '../../protocols/wialon/session.js';
import type { Position } from '../../core/model/index.js';
import type { Bus, PositionSink } from '../../ports/bus.js';
import type { PositionRepository, Store } from '../../ports/store.js';
import { BusPublisher } from '../../services/bus-publisher.js';
import { GatewayRegistry } from '../../services/gateway-registry.js';
import { PositionIngest } from '../../services/position-ingest.js';
import { UnknownDeviceLog } from '../../services/unknown-device-log.js';
import type { Config } from '../config.js';

export interface Gateways {
  listeners: Listener[];
  registry: GatewayRegistry;
  /** The refused unregistered devices, on their way to the store. */
  unknownDevices: UnknownDeviceLog;
  metrics: GatewayMetrics;
  /** Where the listeners submit positions: the bus, through its publisher. */
  ingest: PositionSink;
  close(): Promise<void>;
}

const TCP_PROTOCOLS: Array<{ protocol: 'teltonika' | 'wialon' | 'egts'; createSession: () => ProtocolSession }> = [
  { protocol: 'teltonika', createSession: () => createTeltonikaSession() },
  { protocol: 'wialon', createSession: () => createWialonSession() },
  { protocol: 'egts', createSession: () => createEgtsSession() },
];

export interface GatewayOptions {
  /** The MQTT client id, whose persistent session holds what the gateway has not acknowledged. */
  mqttClientId?: string;
  /** Seal mappings by device model; the built-in ones unless told. */
  sealMappings?: readonly SealMapping[];
  /**
   * The bus the positions are published to; unless told, the in-process bus, consumed by a group commit into the
   * store in this process (whose durable positions go to `onDurable`).
   */
  bus?: Bus;
  /** Told of the positions of each commit once durable: the tracker. Only with the in-process bus. */
  onDurable?: (positions: readonly Position[]) => void;
  /** The clock that stamps receive times; the wall clock unless told (a simulation runs its own). */
  now?: () => number;
}

export async function startGateways(
  config: Pick<Config, 'host' | 'gateway' | 'mqttUrl'>,
  store: Store,
  log: GatewayLog,
  options: GatewayOptions = {},
): Promise<Gateways> {
  const metrics = createGatewayMetrics();
  const registry = new GatewayRegistry();
  const unknownDevices = new UnknownDeviceLog(store.unknownDevices, log);
  let bus = options.bus;
  if (bus === undefined) {
    const ingest = positionIngest(store.positions, metrics, options.onDurable);
    bus = new MemoryBus();
    await bus.consume([0], (positions) => ingest.submit(positions));
  }
  const publisher = new BusPublisher(bus);
  const context: GatewayContext = {
    device: (id) => store.reference.getDevice(id),
    ingest: publisher,
    registry,
    unknownDevices,
    metrics,
    log,
    mappings: options.sealMappings ?? DEFAULT_SEAL_MAPPINGS,
    now: options.now ?? Date.now,
  };
  const listeners: Listener[] = [];
  const closers: Array<() => Promise<void>> = [];
  try {
    for (const { protocol, createSession } of TCP_PROTOCOLS) {
      const port = config.gateway[protocol];
      if (port >= 0) listeners.push(await listenTcpGateway({ protocol, host: config.host, port, createSession }, context));
    }
    if (config.gateway.osmand >= 0) listeners.push(await listenOsmandGateway({ host: config.host, port: config.gateway.osmand }, context));
    if (config.mqttUrl) {
      const mqtt = await connectMqttGateway({ url: config.mqttUrl, ...(options.mqttClientId ? { clientId: options.mqttClientId } : {}) }, context);
      closers.push(() => mqtt.close());
    }
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  for (const listener of listeners) closers.push(() => listener.close());
  return {
    listeners,
    registry,
    unknownDevices,
    metrics,
    ingest: publisher,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
      await Promise.all([publisher.flush(), unknownDevices.close()]);
    },
  };
}

/** The group commit of positions into the store, its commits measured in the gateway metrics. */
export function positionIngest(
  positions: PositionRepository,
  metrics: GatewayMetrics,
  onDurable?: (positions: readonly Position[]) => void,
): PositionIngest {
  return new PositionIngest(positions, {
    committed: (count, inserted, seconds) => {
      metrics.commitSize.observe(count);
      metrics.commitSeconds.observe(seconds);
      metrics.duplicatePositions.inc(count - inserted);
    },
    ...(onDurable ? { durable: onDurable } : {}),
  });
}
