/**
 * `corridor simulate-fleet`: virtual sealed trucks driving real routes, each seal speaking its protocol to
 * a running gateway. Registers the seals in the platform's store first, shows progress, and can write the
 * ground truth (what each truck really did) for checking the alerts against.
 */
import { writeFile } from 'node:fs/promises';
import { fleetRegistrations, runFleetSimulation, type FleetSimulationOptions } from '../../simulator/index.js';
import { CONSOLE_USER, type Platform } from '../platform.js';
import { progressBar } from './progress-bar.js';

export interface SimulateFleetOptions {
  count: number;
  seed: string;
  timeScale: number;
  durationSeconds?: number;
  host: string;
  ports: FleetSimulationOptions['gateway']['ports'];
  mqttUrl?: string;
  truth?: string;
}

/** Registers the simulated seals so the gateway accepts them; registering again changes nothing. */
export async function registerFleet(platform: Platform, options: FleetSimulationOptions): Promise<number> {
  const registrations = fleetRegistrations(options);
  for (const { deviceId, protocol, model } of registrations) {
    await platform.reference.put(CONSOLE_USER, 'devices', { id: deviceId, protocol, model, state: 'available' });
  }
  return registrations.length;
}

export async function simulateFleet(platform: Platform, options: SimulateFleetOptions): Promise<void> {
  const simulation: FleetSimulationOptions = {
    count: options.count,
    seed: options.seed,
    timeScale: options.timeScale,
    gateway: { host: options.host, ports: options.ports, ...(options.mqttUrl ? { mqttUrl: options.mqttUrl } : {}) },
    ...(options.durationSeconds !== undefined ? { durationSeconds: options.durationSeconds } : {}),
  };
  console.log(`registered ${await registerFleet(platform, simulation)} seals`);
  const bar = options.durationSeconds === undefined ? undefined : progressBar('fleet [{bar}] {percentage}% | {acknowledged} acknowledged, {pending} pending, {resent} resent');
  let from = 0;
  const run = runFleetSimulation({
    ...simulation,
    onProgress: (progress) => {
      from ||= progress.simulatedTime;
      const elapsed = Math.round((progress.simulatedTime - from) / 1000);
      if (bar) {
        if (!bar.isActive) bar.start(options.durationSeconds!, 0, progress);
        bar.update(elapsed, progress);
      } else {
        console.log(`${new Date(progress.simulatedTime).toISOString()}: ${progress.acknowledged} acknowledged, ${progress.pending} pending, ${progress.resent} resent`);
      }
    },
  });
  process.once('SIGINT', () => void run.stop());
  const result = await run.done;
  bar?.stop();
  console.log(JSON.stringify({ ended: result.ended, ...result.stats }, null, 2));
  if (options.truth) {
    await writeFile(options.truth, JSON.stringify(result.groundTruth, null, 2));
    console.log(`ground truth of ${result.groundTruth.length} trucks: ${options.truth}`);
  }
}
