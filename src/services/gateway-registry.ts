/**
 * What the gateway knows of its devices right now: open connections with their counters, each device's
 * last contact, and the devices that tried to connect without being registered (for an operator to
 * register or to investigate). In memory: it describes this process's connections.
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

export interface UnknownDevice {
  deviceId: string;
  protocol: SealProtocol;
  remote: string;
  attempts: number;
  firstSeen: number;
  lastSeen: number;
}

export interface DeviceContact {
  deviceId: string;
  protocol: SealProtocol;
  remote: string;
  at: number;
}

/** Unknown devices remembered at most, so a scan of random identifiers cannot exhaust memory. */
const MAX_UNKNOWN = 10_000;

export class GatewayRegistry {
  private nextId = 1;
  private readonly open = new Map<number, ConnectionInfo>();
  private readonly unknown = new Map<string, UnknownDevice>();
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

  refused(deviceId: string, protocol: SealProtocol, remote: string, at: number): void {
    const key = `${protocol}:${deviceId}`;
    const known = this.unknown.get(key);
    if (known) {
      known.attempts += 1;
      known.lastSeen = at;
      known.remote = remote;
      return;
    }
    if (this.unknown.size >= MAX_UNKNOWN) this.unknown.delete(this.unknown.keys().next().value!);
    this.unknown.set(key, { deviceId, protocol, remote, attempts: 1, firstSeen: at, lastSeen: at });
  }

  /** A device now registered is no longer listed as unknown. */
  registered(deviceId: string, protocol: SealProtocol): void {
    this.unknown.delete(`${protocol}:${deviceId}`);
  }

  connections(): ConnectionInfo[] {
    return [...this.open.values()];
  }

  unknownDevices(): UnknownDevice[] {
    return [...this.unknown.values()].sort((a, b) => b.lastSeen - a.lastSeen);
  }

  lastContact(deviceId: string): DeviceContact | undefined {
    return this.contacts.get(deviceId);
  }
}
