/** The gateway's and the ingest's Prometheus metrics, on one registry that `/metrics` exposes. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface GatewayMetrics {
  registry: Registry;
  connections: Counter<'protocol'>;
  openConnections: Gauge<'protocol'>;
  refusedConnections: Counter<'protocol' | 'reason'>;
  frames: Counter<'protocol'>;
  frameErrors: Counter<'protocol' | 'code'>;
  rejectedFrames: Counter<'protocol' | 'code'>;
  positions: Counter<'protocol'>;
  unknownDevices: Counter<'protocol'>;
  ackSeconds: Histogram<'protocol'>;
  commitSeconds: Histogram;
  commitSize: Histogram;
  duplicatePositions: Counter;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'corridor_' });
  const registers = [registry];
  return {
    registry,
    connections: new Counter({ name: 'corridor_gateway_connections_total', help: 'Device connections accepted', labelNames: ['protocol'], registers }),
    openConnections: new Gauge({ name: 'corridor_gateway_connections_open', help: 'Device connections open now', labelNames: ['protocol'], registers }),
    refusedConnections: new Counter({ name: 'corridor_gateway_connections_refused_total', help: 'Connections refused (limit reached)', labelNames: ['protocol', 'reason'], registers }),
    frames: new Counter({ name: 'corridor_gateway_frames_total', help: 'Frames decoded', labelNames: ['protocol'], registers }),
    frameErrors: new Counter({ name: 'corridor_gateway_frame_errors_total', help: 'Broken streams: the connection was closed', labelNames: ['protocol', 'code'], registers }),
    rejectedFrames: new Counter({ name: 'corridor_gateway_frames_rejected_total', help: 'Frames refused with an error answer, connection kept', labelNames: ['protocol', 'code'], registers }),
    positions: new Counter({ name: 'corridor_gateway_positions_total', help: 'Positions made durable and acknowledged', labelNames: ['protocol'], registers }),
    unknownDevices: new Counter({ name: 'corridor_gateway_unknown_devices_total', help: 'Logins refused because the device is not registered', labelNames: ['protocol'], registers }),
    ackSeconds: new Histogram({
      name: 'corridor_gateway_ack_seconds', help: 'From a frame decoded to its acknowledgement written', labelNames: ['protocol'], registers,
      buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
    commitSeconds: new Histogram({ name: 'corridor_ingest_commit_seconds', help: 'Duration of one group commit', registers, buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1] }),
    commitSize: new Histogram({ name: 'corridor_ingest_commit_positions', help: 'Positions per group commit', registers, buckets: [1, 10, 100, 500, 1000, 5000, 10000] }),
    duplicatePositions: new Counter({ name: 'corridor_ingest_duplicate_positions_total', help: 'Positions resent by devices and already stored', registers }),
  };
}
