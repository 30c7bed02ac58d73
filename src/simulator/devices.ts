/**
 * The simulated seals: which protocol each truck's seal speaks, its IMEI, and the device model the platform
 * should register it under, chosen so that the default seal mappings read the IO elements and parameters the
 * simulator sets.
 */
import { createRng } from '../core/random/index.js';
import { generateImei } from '../core/demo/index.js';
import { EGTS_SEAL, MQTT_JSON_SEAL, TELTONIKA_FMB_SEAL, WIALON_IPS_SEAL } from '../core/devices/index.js';
import { SEAL_PROTOCOLS, type SealProtocol } from '../core/model/index.js';

export type ProtocolWeights = Partial<Record<SealProtocol, number>>;

/** The mix of the demo fleet: Teltonika most, then the national operators' EGTS, then the rest. */
export const DEFAULT_PROTOCOL_WEIGHTS: Readonly<Record<SealProtocol, number>> = Object.freeze({
  teltonika: 40, egts: 25, wialon: 15, osmand: 10, mqtt: 10,
});

const MODELS: Record<SealProtocol, string> = {
  teltonika: TELTONIKA_FMB_SEAL.model,
  wialon: WIALON_IPS_SEAL.model,
  egts: EGTS_SEAL.model,
  mqtt: MQTT_JSON_SEAL.model,
  // No default mapping: OsmAnd's own `batt` is read as the battery; lock, tamper and cable arrive as osmand:<name>.
  osmand: 'osmand-app',
};

// The demo fleet's type allocation codes, one per protocol (illustrative, see core/demo/imei.ts).
const TACS: Record<SealProtocol, string> = {
  teltonika: '35209078', egts: '86203305', wialon: '35614607', osmand: '86874104', mqtt: '35742108',
};

export interface SimulatedDevice {
  deviceId: string;
  protocol: SealProtocol;
  model: string;
}

/** `count` devices with unique IMEIs, protocols drawn by `weights`; the same seed gives the same devices. */
export function planDevices(seed: number | string, count: number, weights: Readonly<Record<SealProtocol, number>>): SimulatedDevice[] {
  const choices = SEAL_PROTOCOLS.map((p) => [p, weights[p]] as const);
  const rng = createRng(seed).fork('simulator/devices');
  const seen = new Set<string>();
  const devices: SimulatedDevice[] = [];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(String(i));
    const protocol = r.weighted(choices);
    let deviceId = generateImei(r, TACS[protocol]);
    while (seen.has(deviceId)) deviceId = generateImei(r, TACS[protocol]);
    seen.add(deviceId);
    devices.push({ deviceId, protocol, model: MODELS[protocol] });
  }
  return devices;
}
