/** What the simulator counts: reports through their life, connections, and failures by kind. */
import type { SealProtocol } from '../core/model/index.js';

export interface ProtocolStats {
  devices: number;
  generated: number;
  acknowledged: number;
}

export interface SimulationStats {
  /** Reports the trucks produced (released to their devices by the simulated clock). */
  generated: number;
  /** Reports sent at least once. */
  sent: number;
  /** Reports the gateway acknowledged. */
  acknowledged: number;
  /** Retransmissions: sends of a report after its first. */
  resent: number;
  /** Reports the gateway answered with a refusal; a device drops those, as resending would be refused again. */
  rejected: number;
  /** Reports still held by their devices, unacknowledged. */
  pending: number;
  /** Connections established (TCP, HTTP keep-alive sockets, MQTT sessions). */
  connections: number;
  connectAttempts: number;
  /** Failures by kind: connect-refused, closed-before-ack, ack-timeout, login-refused, http-500, … */
  errors: Record<string, number>;
  byProtocol: Record<SealProtocol, ProtocolStats>;
}

export class StatsCollector {
  readonly stats: SimulationStats;

  constructor(devices: ReadonlyArray<{ protocol: SealProtocol }>) {
    const byProtocol = {
      teltonika: { devices: 0, generated: 0, acknowledged: 0 },
      wialon: { devices: 0, generated: 0, acknowledged: 0 },
      egts: { devices: 0, generated: 0, acknowledged: 0 },
      osmand: { devices: 0, generated: 0, acknowledged: 0 },
      mqtt: { devices: 0, generated: 0, acknowledged: 0 },
    };
    for (const d of devices) byProtocol[d.protocol].devices++;
    this.stats = {
      generated: 0, sent: 0, acknowledged: 0, resent: 0, rejected: 0, pending: 0, connections: 0, connectAttempts: 0,
      errors: {}, byProtocol,
    };
  }

  error(kind: string): void {
    this.stats.errors[kind] = (this.stats.errors[kind] ?? 0) + 1;
  }

  snapshot(): SimulationStats {
    return structuredClone(this.stats);
  }
}
