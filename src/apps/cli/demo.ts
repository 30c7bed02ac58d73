/**
 * The demo world of `serve --demo`: the real crossings of the Russia–Kazakhstan and Kazakhstan–Kyrgyzstan
 * borders, customs offices along the corridor, carriers with their vehicles, seal devices, and a few
 * hundred declarations imported through the same path as a real backlog, a quarter of them with the gaps
 * a real backlog has. Seeded, so every demo shows the same world; seeding again adds nothing twice.
 */
import { generateDemoDeclarations, generateDemoFleet, generateDemoParties } from '../../core/demo/index.js';
import { createRng } from '../../core/random/index.js';
import type { DeclarationInput, SealDevice } from '../../core/model/index.js';
import { BORDER_CROSSINGS, CUSTOMS_OFFICES } from '../../core/reference/index.js';
import type { ImportSummary } from '../../services/declaration-import.js';
import type { Listener } from '../../adapters/gateway/tcp-gateway.js';
import { fleetRegistrations, runFleetSimulation, type FleetSimulation, type FleetSimulationOptions } from '../../simulator/index.js';
import { armDemoFleet, DemoDisarming } from './demo-trips.js';
import { CONSOLE_USER, type Platform } from '../platform.js';
import { seedDemoRisk } from './demo-risk.js';
import { registerFleet } from './simulate-fleet.js';

const SEED = 'corridor-demo';
export const DEMO_DECLARATIONS = 300;
// Twice the declarations, so that every declaration's seals are distinct devices.
const DEMO_FLEET = 2 * DEMO_DECLARATIONS;

/** Seeds the places, carriers, vehicles and seal devices; returns the fleet the declarations arm. */
export async function seedDemoReference(platform: Platform): Promise<SealDevice[]> {
  const rng = createRng(SEED);
  for (const office of CUSTOMS_OFFICES) await platform.reference.put(CONSOLE_USER, 'offices', office);
  for (const crossing of BORDER_CROSSINGS) await platform.reference.put(CONSOLE_USER, 'crossings', crossing);

  // The same fork the declaration generator uses, so the carriers seeded are the ones the declarations name.
  const parties = generateDemoParties(rng.fork('parties'));
  for (const [country, carriers] of parties.carriers) {
    for (const [index, carrier] of carriers.entries()) {
      const id = `${country}-${index + 1}`;
      await platform.reference.put(CONSOLE_USER, 'carriers', { id, ...carrier.party });
      for (const vehicle of carrier.vehicles) {
        await platform.reference.put(CONSOLE_USER, 'vehicles', {
          id: `${vehicle.country}-${vehicle.plate}`,
          plate: vehicle.plate,
          country: vehicle.country,
          carrierId: id,
          ...(vehicle.trailerPlate ? { trailerPlate: vehicle.trailerPlate } : {}),
        });
      }
    }
  }

  const fleet = generateDemoFleet(rng.fork('fleet'), DEMO_FLEET);
  for (const device of fleet) await platform.reference.put(CONSOLE_USER, 'devices', device);
  return fleet;
}

/** Demo declarations on the seeded world, `count` of them, the same ones for the same prefix. */
export function demoDeclarations(fleet: readonly SealDevice[], count: number, today: string, referencePrefix = 'DEMO'): DeclarationInput[] {
  return generateDemoDeclarations(createRng(SEED), count, { today, fleet, referencePrefix });
}

export async function seedDemo(platform: Platform, today = new Date().toISOString().slice(0, 10)): Promise<ImportSummary> {
  const fleet = await seedDemoReference(platform);
  const declarations = demoDeclarations(fleet, DEMO_DECLARATIONS, today);
  const summary = await platform.imports.run(
    CONSOLE_USER,
    declarations.map((record, index) => ({ line: index + 1, record })),
  );
  await seedDemoRisk(platform);
  return summary;
}

const DEMO_FLEET_TRUCKS = 40;

/**
 * A small fleet of simulated seals driving in real time against this server's own gateways, so the demo's
 * positions move. Trucks leave within minutes rather than hours, and misbehave at the usual rates. Each truck's
 * seal is armed on a declaration of its own first, so its trip is tracked and its misbehaviours raise alerts.
 */
export async function startDemoFleet(platform: Platform, listeners: readonly Listener[], host: string): Promise<FleetSimulation> {
  const ports = Object.fromEntries(listeners.map((listener) => [listener.protocol, listener.address.port]));
  const options: FleetSimulationOptions = {
    count: DEMO_FLEET_TRUCKS,
    seed: SEED,
    timeScale: 1,
    departureWindowSeconds: 300,
    gateway: { host: host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host, ports },
  };
  await registerFleet(platform, options);
  const now = new Date();
  // Each start declares its own trips: the run's stamp, to the second, tells them from an earlier start's.
  await armDemoFleet(platform, fleetRegistrations(options), now.toISOString().slice(0, 10), now.toISOString().slice(0, 19).replace(/\D/g, ''));
  const disarming = new DemoDisarming(platform, (error) => console.error('demo: disarming a trip failed', error));
  return runFleetSimulation({ ...options, onAcknowledged: disarming.acknowledged });
}
