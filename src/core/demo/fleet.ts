/** A demo fleet of navigation seals, spread over the device protocols the gateway speaks. */
import type { Rng } from '../random/index.js';
import type { SealDevice, SealDeviceState, SealProtocol } from '../model/devices.js';
import { generateImei } from './imei.js';

interface ProtocolProfile {
  protocol: SealProtocol;
  /** Share of the fleet, as a weight. */
  weight: number;
  /** Model names the device-model mapping can key on; demo names, not claimed to be products. */
  models: readonly string[];
  tac: string;
}

// Teltonika devices dominate vehicle tracking in the region, so they weigh most; the national operators'
// EGTS devices come next; OsmAnd and MQTT stand for phone apps and integrators' own hardware.
const PROFILES: readonly ProtocolProfile[] = [
  { protocol: 'teltonika', weight: 40, models: ['teltonika-seal-a', 'teltonika-seal-b'], tac: '35209078' },
  { protocol: 'egts', weight: 25, models: ['egts-seal'], tac: '86203305' },
  { protocol: 'wialon', weight: 15, models: ['wialon-ips-seal'], tac: '35614607' },
  { protocol: 'osmand', weight: 10, models: ['osmand-app'], tac: '86874104' },
  { protocol: 'mqtt', weight: 10, models: ['mqtt-json-seal'], tac: '35742108' },
];

const STATES: ReadonlyArray<readonly [SealDeviceState, number]> = [
  ['available', 85],
  ['armed', 8],
  ['faulty', 5],
  ['retired', 2],
];

/** `count` seal devices with unique IMEIs; the same generator state gives the same fleet. */
export function generateDemoFleet(rng: Rng, count: number): SealDevice[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a fleet size is a whole number >= 0, got ${count}`);
  const seen = new Set<string>();
  const fleet: SealDevice[] = [];
  for (let i = 0; i < count; i++) {
    const profile = rng.weighted(PROFILES.map((p) => [p, p.weight] as const));
    let id = generateImei(rng, profile.tac);
    while (seen.has(id)) id = generateImei(rng, profile.tac);
    seen.add(id);
    fleet.push({ id, protocol: profile.protocol, model: rng.pick(profile.models), state: rng.weighted(STATES) });
  }
  return fleet;
}
