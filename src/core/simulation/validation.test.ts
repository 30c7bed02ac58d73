/**
 * The simulator against queueing theory: with Poisson arrivals, exponential service and c identical lanes, the
 * production queue driven by the engine is an M/M/c queue, so its mean wait and mean queue length must agree with
 * the Erlang C formula within the 95 % intervals of independent replications.
 */
import { describe, expect, it } from 'vitest';
import { contains } from './confidence.js';
import { erlangC } from './erlang-c.js';
import { replicate } from './replications.js';
import { mmcScenario } from './test-support.js';

const LANES = 3;
const SERVICE_PER_HOUR = 6;

describe('validation against Erlang C (M/M/3, 10 replications)', () => {
  // Heavier loads relax more slowly, so they run longer to keep the intervals narrow.
  it.each([
    [0.5, 400],
    [0.8, 1000],
    [0.95, 2000],
  ])('at load %s (%s simulated hours a replication)', (load, hours) => {
    const theory = erlangC(load * LANES * SERVICE_PER_HOUR, SERVICE_PER_HOUR, LANES);
    const estimates = replicate(mmcScenario(LANES, load, hours, hours / 10), { seed: `erlang/${load}`, policy: { kind: 'none', name: 'none' } }, 10);
    expect(contains(estimates.meanWaitHours, theory.meanWait)).toBe(true);
    expect(contains(estimates.meanInOrder, theory.meanQueueLength)).toBe(true);
    // Intervals narrow enough that agreement means something: within 20 % of the value.
    expect(estimates.meanWaitHours.halfWidth).toBeLessThan(0.2 * theory.meanWait);
    expect(estimates.meanInOrder.halfWidth).toBeLessThan(0.2 * theory.meanQueueLength);
  });
});
