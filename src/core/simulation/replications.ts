/**
 * Confidence intervals by independent replications: the same scenario run on seeds `<seed>/replication/<i>`, each
 * run's mean wait and mean queue length one independent estimate, and the 95 % interval of their mean by Student's t.
 * Replications rather than batch means: runs share nothing, so no batch size has to be tuned for the estimates to be
 * independent; each run's warm-up (the scenario's warmupHours) keeps the empty start out of its figures.
 */
import { meanInterval, type MeanInterval } from './confidence.js';
import { simulate, type SimulationOptions } from './engine.js';
import type { Scenario } from './scenario.js';

export interface ReplicatedEstimates {
  replications: number;
  /** Mean wait from arrival to call, hours. */
  meanWaitHours: MeanInterval;
  /** Time-average trucks in the order, waiting for a lane. */
  meanInOrder: MeanInterval;
}

export function replicate(scenario: Scenario, options: Omit<SimulationOptions, 'onProgress'>, replications: number): ReplicatedEstimates {
  const waits: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < replications; i++) {
    const run = simulate(scenario, { ...options, seed: `${options.seed}/replication/${i}` });
    let sum = 0;
    for (const wait of run.waitsMs) sum += wait;
    waits.push(run.waitsMs.length === 0 ? 0 : sum / run.waitsMs.length / 3_600_000);
    lengths.push(run.meanInOrder);
  }
  return { replications, meanWaitHours: meanInterval(waits), meanInOrder: meanInterval(lengths) };
}
