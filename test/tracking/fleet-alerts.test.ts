/**
 * End to end: simulated sealed trucks, armed as the demo arms them, speak their protocols to the real gateways;
 * positions go durable into the store and on to the tracker, on the simulation's clock. Each truck that misbehaves
 * raises exactly the alerts of its misbehaviours, once each, and a clean truck raises none.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadCountryIndex } from '../../src/adapters/geo/natural-earth.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { seedDemoReference } from '../../src/apps/cli/demo.js';
import { armDemoFleet, DemoDisarming } from '../../src/apps/cli/demo-trips.js';
import { registerFleet } from '../../src/apps/cli/simulate-fleet.js';
import { wirePlatform } from '../../src/apps/platform.js';
import { startGateways, type Gateways } from '../../src/apps/server/gateways.js';
import type { MisbehaviourKind } from '../../src/core/fleet/index.js';
import { fleetRegistrations, runFleetSimulation, type FleetSimulation, type FleetSimulationOptions } from '../../src/simulator/index.js';

const START = Date.UTC(2026, 4, 4, 5, 0, 0);

/** The alert each misbehaviour must raise. */
const ALERT_OF: Record<MisbehaviourKind, string> = {
  'door-open': 'seal-opened',
  tamper: 'seal-tamper',
  'cable-cut': 'seal-cable-cut',
  deviation: 'corridor-left',
  'long-stop': 'long-stop',
  'signal-loss': 'signal-lost',
  'low-battery': 'battery-low',
};

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
let gateways: Gateways | undefined;
afterAll(async () => {
  await gateways?.close();
});

describe('the fleet simulator through the gateways and the tracker', () => {
  it('raises exactly each misbehaving truck\'s alerts, once, and none for a clean truck', { timeout: 180_000 }, async () => {
    const store = openStore(':memory:');
    await store.migrate();
    // The gateways stamp receive times on the simulation's clock, which exists only once the simulation runs.
    const running: { simulation?: FleetSimulation } = {};
    const clock = () => running.simulation?.simulatedTime() ?? START;
    const errors: unknown[] = [];
    const platform = wirePlatform(store, { now: () => new Date(clock()) }, { tracking: { countries: loadCountryIndex(), tickIntervalMs: 0, onError: (e) => errors.push(e) } });
    await seedDemoReference(platform);
    gateways = await startGateways(
      { host: '127.0.0.1', gateway: { teltonika: 0, wialon: 0, egts: 0, osmand: 0 } },
      store,
      quiet,
      { onDurable: platform.tracker.durable, now: clock },
    );
    const ports = Object.fromEntries(gateways.listeners.map((l) => [l.protocol, l.address.port]));
    const disarming = new DemoDisarming(platform, (e) => errors.push(e));
    const options: FleetSimulationOptions = {
      count: 24,
      seed: 'fleet-alerts',
      gateway: { host: '127.0.0.1', ports },
      protocols: { teltonika: 1, wialon: 1, osmand: 1, egts: 1 },
      routes: ['bishkek-almaty', 'atyrau-astrakhan', 'oral-saratov', 'bishkek-shymkent', 'pavlodar-barnaul'],
      misbehaviour: { 'door-open': 0.2, tamper: 0.2, 'cable-cut': 0.15, deviation: 0.2, 'long-stop': 0.2, 'signal-loss': 0.2, 'low-battery': 0.15 },
      start: START,
      departureWindowSeconds: 600,
      // Receive times are stamped on the simulated clock, so a pause of the process shows as a pause of every seal:
      // at this scale a pause must stay under half a second (15 simulated minutes) not to look like a signal loss.
      timeScale: 1800,
      tickMs: 20,
      onAcknowledged: disarming.acknowledged,
      ackTimeoutMs: 5_000,
      drainTimeoutMs: 20_000,
    };
    await registerFleet(platform, options);
    const trucks = fleetRegistrations(options);
    const tripIds = await armDemoFleet(platform, trucks, '2026-05-04', 'E2E');
    // Trucks on one route share its prepared corridor and places.
    expect(platform.tracker.preparedRoutes).toBe(new Set(trucks.map((t) => t.routeId)).size);

    running.simulation = runFleetSimulation(options);
    const result = await running.simulation.done;
    expect(result.ended).toBe('arrived');
    expect(result.stats.pending).toBe(0);
    await gateways.ingest.flush();
    await disarming.idle();
    await platform.tracker.idle();
    await platform.tracker.tick(result.simulatedUntil);
    expect(errors).toEqual([]);

    // Truck by truck, as `T0001 (route): alert ×occurrences, …`, beside what its ground truth says.
    const raised: string[] = [];
    const expected: string[] = [];
    let misbehaving = 0;
    for (const [index, truth] of result.groundTruth.entries()) {
      const tripId = tripIds[index]!;
      const alerts = (await store.alerts.list({ tripId, limit: 100, offset: 0 })).items;
      const kinds = truth.misbehaviours.map((m) => ALERT_OF[m.kind]).sort();
      if (kinds.length > 0) misbehaving++;
      // Arrived, and disarmed at the office of destination.
      const arrived = (await store.trips.progress(tripId))!.state.arrival.arrivedMs !== null && (await store.trips.get(tripId))!.status === 'closed';
      raised.push(`${truth.truckId} (${truth.routeId}${arrived ? '' : ', not arrived'}): ${alerts.map((a) => `${a.type} ×${a.occurrences}`).sort().join(', ')}`);
      expected.push(`${truth.truckId} (${truth.routeId}): ${kinds.map((k) => `${k} ×1`).join(', ')}`);
    }
    expect(raised).toEqual(expected);
    expect(misbehaving).toBeGreaterThan(5);
    expect(misbehaving).toBeLessThan(trucks.length);

    // A seal entering its declaration's border crossing checked the truck in to that crossing's queue, once.
    const checkIns = (await store.audit.list({ entity: 'queue-entry', limit: 1_000, offset: 0 })).filter((entry) => entry.actor === 'geofence' && entry.action === 'queue.check_in');
    const checkedIn = checkIns.map((entry) => (entry.detail as { declarationId: string }).declarationId);
    expect(new Set(checkedIn).size).toBe(checkedIn.length);
    for (const declarationId of checkedIn) {
      const trip = (await store.trips.list({ declarationId, limit: 1, offset: 0 })).items[0];
      expect(trip?.sealIds).toContain((checkIns.find((e) => (e.detail as { declarationId: string }).declarationId === declarationId)!.detail as { deviceId: string }).deviceId);
    }
    expect(checkedIn.length).toBeGreaterThan(trucks.length / 2);
    await platform.close();
  });
});
