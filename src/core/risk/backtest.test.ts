import { describe, expect, it } from 'vitest';
import type { DeclarationInput } from '../model/declaration.js';
import { backtest, type BacktestCase } from './backtest.js';
import type { InspectionResult } from './inspection-result.js';
import { context, declaration, goodsItem, ruleSet } from './test-support.js';

const RANDOM = { green: { yellow: 0, red: 0.1 }, yellow: { red: 0 } };

/** In force: only tobacco goes to red. */
const current = ruleSet([{ id: 'tobacco', weight: 60, explanation: 'x', when: { hsPrefix: ['24'] } }], { random: RANDOM });
/** Candidate: tobacco still red, and a missing CMR now yellow. */
const candidate = ruleSet(
  [
    { id: 'tobacco', weight: 60, explanation: 'x', when: { hsPrefix: ['24'] } },
    { id: 'no-cmr', weight: 30, explanation: 'x', when: { documentMissing: ['cmr'] } },
  ],
  { version: 2, random: RANDOM },
);

const tobacco = declaration({ goods: [goodsItem('240220', 1, 1)] });
const noCmr = declaration({ documents: [{ type: 'invoice', number: 'I', date: '2026-04-01' }] });
const plain = declaration();

function past(input: DeclarationInput, results: InspectionResult[], draw = 0.5, randomlySelected = false): BacktestCase {
  return { declaration: input, context: context(), draw: { value: draw, keyId: 'k', scheme: 's' }, results, randomlySelected };
}

// Ten past declarations with what their inspections found:
const CASES: BacktestCase[] = [
  past(tobacco, ['goods_undeclared']),
  past(tobacco, ['compliant']),
  past(noCmr, ['documents_missing'], 0.05, true), // inspected because drawn at random (draw under 0.1)
  past(noCmr, ['documents_missing']), // found on the road
  past(noCmr, []),
  past(plain, ['quantity_or_value_mismatch'], 0.01, true),
  past(plain, ['compliant'], 0.02, true),
  past(plain, []),
  past(plain, []),
  past(plain, []),
];

describe('backtest', () => {
  const report = backtest(CASES, candidate, current);

  it('counts what the candidate would inspect and catch', () => {
    expect(report.candidate).toMatchObject({
      ruleSet: { id: 'test', version: 2 },
      cases: 10,
      // Red: 2 tobacco + 2 plain drawn under 0.1. Yellow: the 3 without CMR, targeted now, so the draw of 0.05
      // no longer raises one of them (yellow has no random share in this set).
      channels: { green: 3, yellow: 3, red: 4 },
      randomlySelected: 2,
      inspectionRate: 0.7,
      physicalInspectionRate: 0.4,
      all: { known: 6, findings: 4, caught: 4, caughtRed: 2, catchRate: 1 },
      randomSample: { known: 3, findings: 2, caught: 2, caughtRed: 1, catchRate: 1 },
    });
    expect(report.candidate.byResult).toEqual({
      documents_missing: { findings: 2, caught: 2, caughtRed: 0 },
      goods_undeclared: { findings: 1, caught: 1, caughtRed: 1 },
      quantity_or_value_mismatch: { findings: 1, caught: 1, caughtRed: 1 },
      seal_tampered: { findings: 0, caught: 0, caughtRed: 0 },
    });
    expect(report.candidate.byRule).toEqual({ tobacco: { fired: 2, findings: 1 }, 'no-cmr': { fired: 3, findings: 2 } });
  });

  it('counts the same for the current set, on the same draws', () => {
    expect(report.current).toMatchObject({
      ruleSet: { id: 'test', version: 1 },
      channels: { green: 5, yellow: 0, red: 5 },
      randomlySelected: 3,
      inspectionRate: 0.5,
      // The road finding without CMR is missed; the one drawn at random is caught by luck, not by a rule.
      all: { known: 6, findings: 4, caught: 3, caughtRed: 3, catchRate: 0.75 },
    });
  });

  it('says what changes between the two', () => {
    // Raised: the two undrawn declarations without CMR. Lowered: the one drawn to red under the current set, which the
    // candidate targets yellow (its finding is still caught, so it is not lost).
    expect(report.changes).toEqual({ raised: 2, lowered: 1, unchanged: 7, findingsGained: 1, findingsLost: 0 });
  });

  it('runs a candidate alone', () => {
    const alone = backtest(CASES, candidate);
    expect(alone.current).toBeUndefined();
    expect(alone.changes).toBeUndefined();
    expect(alone.candidate.all.caught).toBe(4);
  });
});
