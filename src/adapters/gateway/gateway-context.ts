/**
 * What every gateway listener shares: the device registry, the record of unknown devices, ingestion, seal
 * mappings, metrics and the log.
 */
import {
  DEFAULT_SEAL_MAPPINGS, EGTS_SEAL, MQTT_JSON_SEAL, TELTONIKA_FMB_SEAL, WIALON_IPS_SEAL, applySealMapping, findSealMapping, type SealMapping,
} from '../../core/devices/index.js';
import type { Position, SealDevice, SealProtocol } from '../../core/model/index.js';
import type { PositionSink } from '../../ports/bus.js';
import type { GatewayRegistry } from '../../services/gateway-registry.js';
import type { UnknownDeviceLog } from '../../services/unknown-device-log.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';

export interface GatewayLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface GatewayContext {
  /** Looks a device up in the registered devices. */
  device(id: string): Promise<SealDevice | undefined>;
  /** Where decoded positions go; a device is acknowledged once its submission resolved (they are durable). */
  ingest: PositionSink;
  registry: GatewayRegistry;
  /** Where a refused unregistered device is recorded, for an operator to register. */
  unknownDevices: UnknownDeviceLog;
  metrics: GatewayMetrics;
  log: GatewayLog;
  /** Operator-configured mappings by device model; the protocol's default serves a device without one. */
  mappings: readonly SealMapping[];
  now(): number;
}

const PROTOCOL_DEFAULT: Record<SealProtocol, SealMapping | undefined> = {
  teltonika: TELTONIKA_FMB_SEAL,
  wialon: WIALON_IPS_SEAL,
  egts: EGTS_SEAL,
  mqtt: MQTT_JSON_SEAL,
  // OsmAnd carries its battery level itself and has no lock.
  osmand: undefined,
};

export function sealMappingFor(device: SealDevice, mappings: readonly SealMapping[] = DEFAULT_SEAL_MAPPINGS): SealMapping | undefined {
  return findSealMapping(mappings, device.model) ?? PROTOCOL_DEFAULT[device.protocol];
}

/** Whether a device may report over `protocol`: registered for it and not retired. */
export function admits(device: SealDevice | undefined, protocol: SealProtocol): device is SealDevice {
  return device !== undefined && device.protocol === protocol && device.state !== 'retired';
}

/** Records, counts and logs a device refused for not being registered for `protocol`, for an operator to register. */
export function recordRefusal(context: GatewayContext, deviceId: string, protocol: SealProtocol, remote: string, receivedAt: number): void {
  context.unknownDevices.refused(deviceId, protocol, remote, receivedAt);
  context.metrics.unknownDevices.inc({ protocol });
  context.log.warn({ remote, protocol, deviceId }, 'unregistered device refused');
}

/**
 * Fills in each position's seal state from its raw attributes under the device's mapping. What the
 * protocol reported itself (OsmAnd's battery, MQTT's seal object) wins over what the mapping derives.
 */
export function deriveSealState(positions: readonly Position[], mapping: SealMapping | undefined): void {
  if (!mapping) return;
  for (const position of positions) {
    const mapped = applySealMapping(mapping, position.attributes);
    if (mapped) position.seal = { ...mapped, ...position.seal };
  }
}
