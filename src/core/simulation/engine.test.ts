import { describe, expect, it } from 'vitest';
import { loadRuleSet, type CompiledRuleSet } from '../risk/index.js';
import { simulate } from './engine.js';
import type { InspectionPolicy, Scenario } from './scenario.js';
import { backlogScenario, mmcScenario, TEST_RULES } from './test-support.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const NONE: InspectionPolicy = { kind: 'none', name: 'none' };
const ALL: InspectionPolicy = { kind: 'all', name: 'all' };
const RISK: InspectionPolicy = { kind: 'risk', name: 'risk' };
const ESEAL: InspectionPolicy = { kind: 'eseal-green-lane', name: 'eseal' };

const loaded = loadRuleSet(TEST_RULES);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const ruleSet: CompiledRuleSet = loaded.ruleSet;

/** A busy crossing with trucks arriving for two days, some illicit, some with papers to complete. */
function mixedScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    ...mmcScenario(4, 0.7, 48, 0),
    horizonHours: 24 * 20,
    backlog: { trucks: 200, builtOverHours: 24 },
    papers: { incompleteShare: 0.2, completion: { kind: 'lognormal', meanMinutes: 180, sdMinutes: 120 } },
    trucks: { eSealedShare: 0.4, perishableShare: 0.05, trustedTraderShare: 0.1 },
    illicit: { share: 0.1, tactics: { undervalued: 0, 'unidentified-recipient': 1, 'seal-tampered': 1, concealed: 1 } },
    ...overrides,
  };
}

describe('simulate', () => {
  it('gives the same run for the same scenario and seed, and another for another seed', () => {
    const a = simulate(mixedScenario(), { seed: 7, policy: RISK, ruleSet });
    const b = simulate(mixedScenario(), { seed: 7, policy: RISK, ruleSet });
    const c = simulate(mixedScenario(), { seed: 8, policy: RISK, ruleSet });
    expect(b).toEqual(a);
    expect(c.waitsMs).not.toEqual(a.waitsMs);
  });

  it('shows every policy the same trucks at the same times (common random numbers)', () => {
    const runs = [NONE, ALL, RISK].map((policy) => simulate(mixedScenario(), { seed: 3, policy, ruleSet }));
    for (const run of runs) {
      expect(run.trucks.arrived).toBe(runs[0]!.trucks.arrived);
      expect(run.illicit.arrived).toBe(runs[0]!.illicit.arrived);
    }
    expect(runs[0]!.illicit.arrived).toBeGreaterThan(20);
  });

  it('catches nothing inspecting nobody, everything inspecting all, and what the rules see when risk-targeted', () => {
    const [none, all, risk] = [NONE, ALL, RISK].map((policy) => simulate(mixedScenario(), { seed: 3, policy, ruleSet }));
    expect(none!.illicit.caught).toBe(0);
    expect(none!.channels.red).toBe(0);
    expect(all!.illicit.missed).toBe(0);
    expect(all!.illicit.caught).toBe(all!.illicit.arrived - all!.illicit.notServed);
    expect(all!.channels.green).toBe(0);
    // The concealed third leaves nothing on paper, so the rules miss it; the others they catch.
    expect(risk!.illicit.caught).toBeGreaterThan(0);
    expect(risk!.illicit.missed).toBeGreaterThan(0);
    expect(risk!.channels.red).toBeLessThan(all!.channels.red / 2);
    // Inspecting every truck at a quarter of the speed makes the queue longer.
    const mean = (waits: Float64Array) => waits.reduce((a, b) => a + b, 0) / waits.length;
    expect(mean(all!.waitsMs)).toBeGreaterThan(mean(risk!.waitsMs));
  });

  it('releases e-sealed trucks green unless their seal reported an alert', () => {
    const sealed = mixedScenario({
      trucks: { eSealedShare: 1, perishableShare: 0, trustedTraderShare: 0 },
      illicit: { share: 0.1, tactics: { undervalued: 0, 'unidentified-recipient': 0, 'seal-tampered': 1, concealed: 0 } },
    });
    const run = simulate(sealed, { seed: 5, policy: ESEAL, ruleSet });
    const risk = simulate(sealed, { seed: 5, policy: RISK, ruleSet });
    expect(run.illicit.missed).toBe(0);
    expect(run.illicit.caught).toBeGreaterThan(20);
    expect(run.channels.yellow).toBe(0);
    // No random selection among sealed trucks: only those the rules send red are inspected.
    expect(run.channels.red).toBeLessThan(risk.channels.red);
  });

  it("clears a backlog at the lanes' pace: 500 trucks, 4 lanes, 6 minutes each", () => {
    const run = simulate(backlogScenario(500, 6), { seed: 1, policy: NONE });
    // 125 trucks a lane; the last ones are called after 124 services.
    expect(run.backlogClearedAfterMs).toBe(124 * 6 * MINUTE);
    expect(run.trucks.served).toBe(500);
    expect(run.lanes.map((lane) => lane.served)).toEqual([125, 125, 125, 125]);
    expect(run.lanes.every((lane) => lane.busyMs === 125 * 6 * MINUTE)).toBe(true);
  });

  it('releases the backlog no faster than the release rate', () => {
    const run = simulate(backlogScenario(100, 6, { releasePerHour: 20 }), { seed: 1, policy: NONE });
    // Four tokens at once, then one every three minutes: the 100th call 96 tokens after the start.
    expect(run.backlogClearedAfterMs).toBe(96 * 3 * MINUTE);
  });

  it('holds trucks with incomplete papers until they are completed', () => {
    const scenario = mixedScenario({
      illicit: { share: 0, tactics: { undervalued: 1, 'unidentified-recipient': 0, 'seal-tampered': 0, concealed: 0 } },
      backlog: { trucks: 0, builtOverHours: 0 },
      papers: { incompleteShare: 1, completion: { kind: 'fixed', minutes: 90 } },
    });
    const run = simulate(scenario, { seed: 2, policy: NONE });
    expect(run.trucks.served).toBe(run.trucks.arrived);
    expect(Math.min(...run.waitsMs)).toBeGreaterThanOrEqual(90 * MINUTE);
    expect(run.meanAtCrossing).toBeGreaterThan(run.meanInOrder);
  });

  it('samples the queue over time and stops at the horizon when trucks still wait', () => {
    const overloaded = mmcScenario(1, 0.5, 10, 0);
    const run = simulate({ ...overloaded, backlog: { trucks: 1000, builtOverHours: 10 }, horizonHours: 10 }, { seed: 4, policy: NONE });
    expect(run.end).toBe(run.start + 10 * HOUR);
    expect(run.backlogClearedAfterMs).toBeNull();
    expect(run.series.minutes).toEqual(Array.from({ length: 11 }, (_, i) => i * 60));
    expect(run.series.atCrossing[0]).toBe(1000);
    expect(run.series.atCrossing.at(-1)).toBe(run.trucks.notServed);
  });
});
