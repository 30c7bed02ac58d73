import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.js';
import { effectiveness, type AssessmentOutcome } from './effectiveness.js';
import { wilsonInterval } from './hit-stats.js';
import type { InspectionResult } from './inspection-result.js';
import type { Channel } from './rule-set.js';

function outcome(rules: string[], targeted: Channel, channel: Channel, results: InspectionResult[]): AssessmentOutcome {
  const assessment: Pick<Assessment, 'fired' | 'channel' | 'targetedChannel' | 'randomlySelected'> = {
    fired: rules.map((ruleId) => ({ ruleId, weight: 1, explanation: '', inputs: {} })),
    targetedChannel: targeted,
    channel,
    randomlySelected: targeted !== channel,
  };
  return { assessment, results };
}

const repeat = (n: number, make: () => AssessmentOutcome) => Array.from({ length: n }, make);

// A hand-made history of 40 declarations:
// - 10 red by rule "seal" (2 of them with "new" too): all inspected, 6 with findings;
// - 8 yellow by rule "new": all inspected, 2 with documents missing;
// - 4 green raised at random (1 to red, 3 to yellow): inspected, 1 with a value mismatch;
// - 18 green: 16 not inspected, 2 inspected on the road and compliant.
const HISTORY: AssessmentOutcome[] = [
  ...repeat(4, () => outcome(['seal'], 'red', 'red', ['seal_tampered'])),
  ...repeat(2, () => outcome(['seal', 'new'], 'red', 'red', ['goods_undeclared', 'documents_missing'])),
  ...repeat(4, () => outcome(['seal'], 'red', 'red', ['compliant'])),
  ...repeat(2, () => outcome(['new'], 'yellow', 'yellow', ['documents_missing'])),
  ...repeat(6, () => outcome(['new'], 'yellow', 'yellow', ['compliant'])),
  outcome([], 'green', 'red', ['quantity_or_value_mismatch']),
  ...repeat(3, () => outcome([], 'green', 'yellow', ['compliant'])),
  ...repeat(16, () => outcome([], 'green', 'green', [])),
  ...repeat(2, () => outcome([], 'green', 'green', ['compliant'])),
];

describe('effectiveness', () => {
  const report = effectiveness(HISTORY);

  it('counts assessments, inspections and findings overall', () => {
    expect(report.assessed).toBe(40);
    expect(report.overall).toMatchObject({
      inspected: 24,
      withFindings: 9,
      hitRate: 9 / 24,
      findings: { seal_tampered: 4, goods_undeclared: 2, documents_missing: 4, quantity_or_value_mismatch: 1 },
    });
  });

  it('separates targeted inspections from the random baseline', () => {
    expect(report.targeted).toMatchObject({ inspected: 18, withFindings: 8, hitRate: 8 / 18 });
    expect(report.randomBaseline).toMatchObject({ inspected: 4, withFindings: 1, hitRate: 0.25 });
  });

  it('reports each channel by how its declarations got there', () => {
    expect(report.byChannel.red).toMatchObject({
      assessed: 11,
      all: { inspected: 11, withFindings: 7 },
      targeted: { inspected: 10, withFindings: 6, hitRate: 0.6 },
      random: { inspected: 1, withFindings: 1, hitRate: 1 },
    });
    expect(report.byChannel.yellow).toMatchObject({ assessed: 11, targeted: { inspected: 8, withFindings: 2 }, random: { inspected: 3, withFindings: 0 } });
    expect(report.byChannel.green).toMatchObject({ assessed: 18, all: { inspected: 2, withFindings: 0, hitRate: 0 }, random: { inspected: 0, hitRate: null, interval: null } });
  });

  it('reports each rule with its lift over the random baseline', () => {
    expect(report.byRule.map((r) => [r.ruleId, r.fired, r.stats.inspected, r.stats.withFindings, r.lift])).toEqual([
      ['new', 10, 10, 4, 0.4 / 0.25],
      ['seal', 10, 10, 6, 0.6 / 0.25],
    ]);
  });

  it('gives no lift without a baseline', () => {
    const without = effectiveness(HISTORY.filter((o) => !o.assessment.randomlySelected));
    expect(without.randomBaseline.hitRate).toBeNull();
    expect(without.byRule.every((r) => r.lift === null)).toBe(true);
  });
});

describe('wilsonInterval', () => {
  it('matches the textbook values', () => {
    const [low, high] = wilsonInterval(3, 10)!;
    expect(low).toBeCloseTo(0.1078, 4);
    expect(high).toBeCloseTo(0.6032, 4);
    expect(wilsonInterval(0, 20)![0]).toBe(0);
    expect(wilsonInterval(20, 20)![1]).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});
