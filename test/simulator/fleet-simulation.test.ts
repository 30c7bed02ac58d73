import { afterEach, describe, expect, it } from 'vitest';
import type { FleetReport } from '../../src/core/fleet/index.js';
import type { Position } from '../../src/core/model/index.js';
import { applySealMapping, DEFAULT_SEAL_MAPPINGS, findSealMapping } from '../../src/core/devices/index.js';
import { fleetRegistrations, runFleetSimulation, type FleetSimulationOptions } from '../../src/simulator/index.js';
import { startFakeGateway, type FakeGateway } from './fake-gateway.js';

const START = Date.UTC(2026, 4, 1, 6, 0, 0);

let gateway: FakeGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

function optionsFor(g: FakeGateway, acknowledged: Map<string, FleetReport[]>): FleetSimulationOptions {
  return {
    count: 20,
    seed: 'network',
    gateway: { host: g.host, ports: g.ports, mqttUrl: g.mqttUrl },
    protocols: { teltonika: 1, wialon: 1, egts: 1, osmand: 1, mqtt: 1 },
    // Two simulated hours in about two wall seconds.
    timeScale: 3600,
    durationSeconds: 2 * 3600,
    start: START,
    departureWindowSeconds: 600,
    reportIntervalSeconds: 30,
    misbehaviour: { 'signal-loss': 1, 'door-open': 0.5 },
    tickMs: 50,
    ackTimeoutMs: 2000,
    reconnect: { initialMs: 20, maxMs: 200 },
    drainTimeoutMs: 10_000,
    onAcknowledged: (deviceId, reports) => acknowledged.set(deviceId, [...(acknowledged.get(deviceId) ?? []), ...reports]),
  };
}

/** The decoded position of each report, matched by fix time; fails when one is missing. */
function matchEach(reports: readonly FleetReport[], positions: readonly Position[]): Array<[FleetReport, Position]> {
  const byTime = new Map(positions.map((p) => [p.deviceTime, p]));
  return reports.map((r) => {
    const p = byTime.get(r.time);
    expect(p, `${r.deviceId} report ${r.sequence} at ${new Date(r.time).toISOString()}`).toBeDefined();
    return [r, p!];
  });
}

describe('runFleetSimulation against a gateway of the real protocol sessions', () => {
  it('delivers every report, acknowledged and decoded to the same time, place and seal state', async () => {
    gateway = await startFakeGateway();
    const acknowledged = new Map<string, FleetReport[]>();
    const options = optionsFor(gateway, acknowledged);
    const registrations = fleetRegistrations(options);
    expect(registrations).toHaveLength(20);
    expect(new Set(registrations.map((r) => r.protocol))).toEqual(new Set(['teltonika', 'wialon', 'egts', 'osmand', 'mqtt']));

    const simulation = runFleetSimulation(options);
    expect(simulation.registrations()).toEqual(registrations);
    const result = await simulation.done;
    const { stats } = result;

    expect(result.ended).toBe('duration');
    expect(result.simulatedUntil).toBe(START + 2 * 3600 * 1000);
    expect(gateway.errors).toEqual([]);
    expect(stats.generated).toBeGreaterThan(20 * 60);
    expect(stats.acknowledged).toBe(stats.generated);
    expect(stats.sent).toBe(stats.generated);
    expect(stats.pending).toBe(0);
    expect(stats.rejected).toBe(0);
    for (const protocol of ['teltonika', 'wialon', 'egts', 'osmand', 'mqtt'] as const) {
      expect(stats.byProtocol[protocol].acknowledged, protocol).toBe(stats.byProtocol[protocol].generated);
      expect(stats.byProtocol[protocol].generated, protocol).toBeGreaterThan(0);
    }

    let buffered = 0;
    for (const device of registrations) {
      const reports = acknowledged.get(device.deviceId) ?? [];
      const positions = gateway.acknowledged.get(device.deviceId) ?? [];
      expect(positions.length, device.deviceId).toBe(reports.length);
      const mapping = findSealMapping(DEFAULT_SEAL_MAPPINGS, device.model);
      for (const [r, p] of matchEach(reports, positions)) {
        // Wialon's DDMM.MMMM carries the coarsest coordinates: a ten-thousandth of a minute, under 2e-6 degrees.
        expect(Math.abs(p.lat - r.lat)).toBeLessThan(2e-6);
        expect(Math.abs(p.lon - r.lon)).toBeLessThan(2e-6);
        expect(Math.abs(p.speed - r.speed)).toBeLessThan(0.06);
        expect(p.course).toBe(r.course);
        if (mapping !== undefined) {
          expect(applySealMapping(mapping, p.attributes), device.protocol).toMatchObject({ locked: r.seal.locked, tamper: r.seal.tamper, cableCut: r.seal.cableCut });
        } else {
          expect(p.attributes['osmand:lock']).toBe(r.seal.locked ? 1 : 0);
          expect(p.seal?.batteryPercent).toBe(r.seal.batteryPercent);
        }
        if (r.buffered) {
          buffered++;
          if (device.protocol === 'egts') expect(p.attributes['egts:blackBox']).toBe(true);
        }
      }
      // Each device's reports arrive in the order they were taken.
      const times = positions.map((p) => p.deviceTime);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
    const lossesInWindow = result.groundTruth.flatMap((t) => t.misbehaviours).filter((m) => m.kind === 'signal-loss' && m.to <= result.simulatedUntil);
    if (lossesInWindow.length > 0) expect(buffered).toBeGreaterThan(0);
    expect(result.groundTruth).toHaveLength(20);
  });

  it('sends again what a gateway hung up on before acknowledging, so no report is lost', async () => {
    // Every third frame of every device is decoded, then the connection is dropped without an answer.
    gateway = await startFakeGateway({ drop: (_protocol, _device, frame) => frame % 3 === 1 });
    const acknowledged = new Map<string, FleetReport[]>();
    const options = { ...optionsFor(gateway, acknowledged), durationSeconds: 3600 };
    const result = await runFleetSimulation(options).done;
    const { stats } = result;

    expect(gateway.errors).toEqual([]);
    expect(stats.acknowledged).toBe(stats.generated);
    expect(stats.pending).toBe(0);
    expect(stats.resent).toBeGreaterThan(0);
    expect(stats.errors['closed-before-ack']).toBeGreaterThan(0);
    expect(stats.connections).toBeGreaterThan(20);
    let dropped = 0;
    for (const device of fleetRegistrations(options)) {
      const reports = acknowledged.get(device.deviceId) ?? [];
      expect(reports.length).toBeGreaterThan(0);
      // Every report is among those the gateway acknowledged, whatever it had dropped before.
      matchEach(reports, gateway.acknowledged.get(device.deviceId) ?? []);
      dropped += gateway.dropped.get(device.deviceId)?.length ?? 0;
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('reconnects with backoff while the gateway is down, then delivers everything', async () => {
    // Ports where nothing listens yet: the devices are refused until the gateway comes up on them.
    const probe = await startFakeGateway();
    const ports = { ...probe.ports, mqtt: Number(new URL(probe.mqttUrl).port) };
    await probe.close();
    const acknowledged = new Map<string, FleetReport[]>();
    const options: FleetSimulationOptions = { ...optionsFor(probe, acknowledged), count: 8, durationSeconds: 1800 };
    const simulation = runFleetSimulation(options);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const down = simulation.stats();
    expect(down.errors['connect-refused']).toBeGreaterThan(0);
    expect(down.acknowledged).toBe(0);
    expect(down.pending).toBeGreaterThan(0);

    gateway = await startFakeGateway({ ports });
    const { stats } = await simulation.done;
    expect(stats.acknowledged).toBe(stats.generated);
    expect(stats.pending).toBe(0);
    for (const device of simulation.registrations()) {
      matchEach(acknowledged.get(device.deviceId) ?? [], gateway.acknowledged.get(device.deviceId) ?? []);
    }
  });
});
