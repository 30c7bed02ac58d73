import { describe, expect, it } from 'vitest';
import type { DeclarationInput, DocumentType } from '../model/declaration.js';
import { createRng, type Rng } from '../random/index.js';
import { assess } from './assess.js';
import { compileRuleSet } from './compile-rule-set.js';
import type { Condition } from './conditions.js';
import { FINDING_RESULTS } from './inspection-result.js';
import { HISTORY_ROLES, TRIP_ALERT_TYPES, type HistoryCounts, type PartyHistory, type RiskContext } from './risk-context.js';
import { declaration, goodsItem, RULE_SET_HEAD } from './test-support.js';
import { validateRuleSet } from './validate-rule-set.js';

// Guards may only make assessment cheaper: with and without them, every assessment must be the same. Random rule
// sets over every kind of condition, nested, with thresholds at their edges, meet random declarations and contexts
// in which any input may be absent or malformed.

const CODES = ['610910', '620342', '240220', '2404110000', '851713', '950300', '22x1'];
const DOCUMENTS: DocumentType[] = ['invoice', 'cmr', 'permit', 'other'];
const WINDOWS = [30, 365];

const some = <T>(rng: Rng, items: readonly T[]): T[] => rng.shuffle(items).slice(0, rng.int(1, Math.min(3, items.length)));
const comparison = (rng: Rng, max: number) =>
  rng.pick([{ atLeast: rng.int(0, max) }, { atMost: rng.int(0, max) }, { atLeast: 0, atMost: rng.int(0, max) }, { atLeast: 1, atMost: max }]);

function leaf(rng: Rng): Condition {
  switch (rng.int(0, 12)) {
    case 0: return { hsPrefix: some(rng, CODES.map((c) => c.slice(0, rng.pick([2, 4, 6]))).filter((p) => /^[0-9]+$/.test(p))) };
    case 1: return rng.chance(0.5) ? { valueBelowReference: { fraction: rng.pick([0.1, 0.5, 1]) } } : { valueBelowReference: { fraction: 0.5, hsPrefix: ['61', '85'] } };
    case 2: return { documentMissing: some(rng, DOCUMENTS) };
    case 3: return { documentPresent: some(rng, DOCUMENTS) };
    case 4: return { goodsItems: comparison(rng, 4) };
    case 5: return { country: { of: rng.pick(['consignor', 'driver', 'vehicle'] as const), in: some(rng, ['CN', 'KZ', 'RU']) } };
    case 6: return { checkIssue: rng.chance(0.5) ? { codes: ['TIN_CHECK_DIGIT'] } : { codes: ['DOCUMENT_MISSING', 'TIN_CHECK_DIGIT'], path: 'consignee' } };
    case 7: return { firstSeen: { of: rng.pick(HISTORY_ROLES), withinDays: rng.pick([1, 30, 400]) } };
    case 8: return { tin: rng.pick([{ of: 'consignee', invalid: true }, { of: 'consignee', missing: true }, { of: 'carrier', invalid: true, missing: true }] as const) };
    case 9: {
      const base = { of: rng.pick(HISTORY_ROLES), windowDays: rng.pick(WINDOWS) };
      return rng.pick([
        { history: { ...base, findings: comparison(rng, 2) } },
        { history: { ...base, results: some(rng, FINDING_RESULTS), findings: { atLeast: 1 } } },
        { history: { ...base, findingRate: comparison(rng, 1), minInspections: rng.int(1, 3) } },
        { history: { ...base, findingRate: { atLeast: 0.5 } } },
      ]);
    }
    default: return { tripAlerts: { types: some(rng, TRIP_ALERT_TYPES), ...comparison(rng, 2) } };
  }
}

function condition(rng: Rng, depth = 0): Condition {
  const shape = depth >= 3 ? 0 : rng.int(0, 5);
  if (shape <= 2) return leaf(rng);
  const children = Array.from({ length: rng.int(1, 3) }, () => condition(rng, depth + 1));
  if (shape === 3) return { all: children };
  if (shape === 4) return { any: children };
  return { not: children[0]! };
}

function counts(rng: Rng): HistoryCounts {
  const inspections = rng.int(0, 4);
  const withFindings = rng.int(0, inspections);
  const findings: Partial<Record<(typeof FINDING_RESULTS)[number], number>> = {};
  for (const kind of FINDING_RESULTS) if (rng.chance(0.3)) findings[kind] = rng.int(0, withFindings);
  return { inspections, withFindings, findings };
}

/** The counts of a shorter window inside `longer`: never more of anything, as trailing windows of one history. */
function within(rng: Rng, longer: HistoryCounts): HistoryCounts {
  const inspections = rng.int(0, longer.inspections);
  const withFindings = rng.int(0, Math.min(inspections, longer.withFindings));
  const findings: Partial<Record<(typeof FINDING_RESULTS)[number], number>> = {};
  for (const kind of FINDING_RESULTS) {
    const most = Math.min(longer.findings[kind] ?? 0, withFindings);
    if (most > 0 || rng.chance(0.2)) findings[kind] = rng.int(0, most);
  }
  return { inspections, withFindings, findings };
}

function party(rng: Rng): PartyHistory | undefined {
  if (rng.chance(0.2)) return undefined;
  const windows: Record<number, HistoryCounts> = {};
  // Nested windows as a store computes them, and now and then counts that are not, which must change nothing either.
  const year = counts(rng);
  if (rng.chance(0.85)) windows[365] = year;
  if (rng.chance(0.85)) windows[30] = rng.chance(0.8) ? within(rng, year) : counts(rng);
  const firstSeen = rng.pick([undefined, '2026-04-30', '2026-01-01', '2020-05-05', '2026-02-30']);
  return firstSeen === undefined ? { windows } : { firstSeen, windows };
}

function randomCase(rng: Rng): { input: DeclarationInput; context: RiskContext } {
  const base = declaration();
  const input: DeclarationInput = {
    ...base,
    reference: `R-${rng.int(0, 1e6)}`,
    consignee: rng.pick([base.consignee, { name: 'X', country: 'RU', tin: '7707083894' }, { name: 'Y', country: 'RU' }]),
    goods: Array.from({ length: rng.int(0, 4) }, () => goodsItem(rng.pick(CODES), rng.int(0, 5000), rng.int(0, 500), rng.pick(['USD', 'EUR', 'CNY']))),
    documents: some(rng, DOCUMENTS).map((type) => ({ type, number: 'N', date: '2026-04-01' })),
    ...(rng.chance(0.5) ? { driver: { name: 'D', country: rng.pick(['KZ', 'RU']) } } : {}),
  };
  const alerts: Record<string, number> = {};
  for (const type of TRIP_ALERT_TYPES) if (rng.chance(0.15)) alerts[type] = rng.int(0, 3);
  const parties: Partial<Record<(typeof HISTORY_ROLES)[number], PartyHistory>> = {};
  for (const role of HISTORY_ROLES) {
    const history = party(rng);
    if (history !== undefined) parties[role] = history;
  }
  const context: RiskContext = {
    today: rng.chance(0.95) ? '2026-05-01' : 'yesterday',
    checkIssues: rng.chance(0.3) ? [{ code: rng.pick(['TIN_CHECK_DIGIT', 'DOCUMENT_MISSING']), path: rng.pick(['consignee.tin', 'documents']), message: '' }] : [],
    parties,
    ...(rng.chance(0.7) ? { trip: { alerts } } : {}),
    ...(rng.chance(0.8) ? { valuation: { exchangeRates: rng.chance(0.5) ? { EUR: 1.1 } : { EUR: 1.1, CNY: 0.14 } } } : {}),
  };
  return { input, context };
}

describe('rule guards', () => {
  it('change no assessment: random rule sets over random declarations, with and without guards', () => {
    const rng = createRng('rule-guards');
    let fired = 0;
    let compared = 0;
    for (let set = 0; set < 150; set++) {
      const r = rng.fork(`set/${set}`);
      const rules = Array.from({ length: r.int(1, 25) }, (_, i) => ({ id: `r${i}`, weight: r.int(1, 40), explanation: 'x', when: condition(r) }));
      const valid = validateRuleSet({ ...RULE_SET_HEAD, valuation: { currency: 'USD', referenceValuePerKg: { '6109': 10, '851713': 400, '2402': 30 } }, rules });
      if (!valid.ok) throw new Error(JSON.stringify(valid.issues[0]));
      const guarded = compileRuleSet(valid.ruleSet);
      const plain = compileRuleSet(valid.ruleSet, { guards: false });
      for (let c = 0; c < 60; c++) {
        const { input, context } = randomCase(r.fork(`case/${c}`));
        const draw = { value: r.next(), keyId: 'k', scheme: 's' };
        const expected = assess(plain, input, context, draw);
        const actual = assess(guarded, input, context, draw);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          expect({ rules: valid.ruleSet.rules, input, context, actual }).toEqual({ rules: valid.ruleSet.rules, input, context, actual: expected });
        }
        fired += expected.fired.length;
        compared++;
      }
    }
    // The comparison means something only if rules fire often enough.
    expect(compared).toBe(9000);
    expect(fired).toBeGreaterThan(10_000);
  });
});
