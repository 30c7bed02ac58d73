/** Starts the device gateways of the all-in-one server: a listener per protocol, one group commit for all. */
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
import type { Store } from '../../ports/store.js';
import { GatewayRegistry } from '../../services/gateway-registry.js';
import { PositionIngest } from '../../services/position-ingest.js';
import type { Config } from '../config.js';

export interface Gateways {
  listeners: Listener[];
  registry: GatewayRegistry;
  metrics: GatewayMetrics;
  ingest: PositionIngest;
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
  /** Told of the positions of each commit once durable: the tracker. */
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
  const ingest = new PositionIngest(store.positions, {
    committed: (positions, inserted, seconds) => {
      metrics.commitSize.observe(positions);
      metrics.commitSeconds.observe(seconds);
      metrics.duplicatePositions.inc(positions - inserted);
    },
    ...(options.onDurable ? { durable: options.onDurable } : {}),
  });
  const context: GatewayContext = {
    device: (id) => store.reference.getDevice(id),
    ingest,
    registry,
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
    metrics,
    ingest,
    close: async () => {
      await Promise.all(closers.map((close) => close()));
      await ingest.flush();
    },
  };
}
