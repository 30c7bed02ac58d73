/**
 * What the gateway knows of its devices right now: open connections with their counters and each device's
 * last contact. In memory: it describes this process's connections. The devices refused for not being
 * registered are kept in the store instead (unknown-device-log.ts), to outlive the process.
 */
import type { SealProtocol } from '../core/model/index.js';

export interface ConnectionInfo {
  id: number;
  protocol: SealProtocol;
  remote: string;
  connectedAt: number;
  deviceId?: string;
  lastFrameAt?: number;
  frames: number;
  positions: number;
  errors: number;
}

export interface DeviceContact {
  deviceId: string;
  protocol: SealProtocol;
  remote: string;
  at: number;
}

export class GatewayRegistry {
  private nextId = 1;
  private readonly open = new Map<number, ConnectionInfo>();
  private readonly contacts = new Map<string, DeviceContact>();

  connected(protocol: SealProtocol, remote: string, at: number): ConnectionInfo {
    const info: ConnectionInfo = { id: this.nextId++, protocol, remote, connectedAt: at, frames: 0, positions: 0, errors: 0 };
    this.open.set(info.id, info);
    return info;
  }

  disconnected(info: ConnectionInfo): void {
    this.open.delete(info.id);
  }

  contact(info: ConnectionInfo, at: number): void {
    info.lastFrameAt = at;
    if (info.deviceId) this.contacts.set(info.deviceId, { deviceId: info.deviceId, protocol: info.protocol, remote: info.remote, at });
  }

  connections(): ConnectionInfo[] {
    return [...this.open.values()];
  }

  lastContact(deviceId: string): DeviceContact | undefined {
    return this.contacts.get(deviceId);
  }
}
