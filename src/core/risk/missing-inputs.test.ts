import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import { context, declaration, goodsItem, NO_DRAW, ruleSet } from './test-support.js';

describe('missing inputs', () => {
  const set = ruleSet(
    [
      { id: 'trip-then-carrier', weight: 10, explanation: 'x', when: { all: [{ tripAlerts: { types: ['long-stop'], atLeast: 1 } }, { history: { of: 'carrier', windowDays: 365, findings: { atLeast: 1 } } }] } },
      { id: 'new-consignee', weight: 10, explanation: 'x', when: { firstSeen: { of: 'consignee', withinDays: 30 } } },
      { id: 'driver', weight: 10, explanation: 'x', when: { country: { of: 'driver', in: ['KZ'] } } },
      { id: 'cheap', weight: 10, explanation: 'x', when: { valueBelowReference: { fraction: 0.5 } } },
    ],
    { valuation: { currency: 'USD', referenceValuePerKg: { '6109': 10 } } },
  );

  it('lists what the rule set reads and the context lacks, whichever rules were evaluated', () => {
    // The trip is known and quiet, so the first rule fails on it before reading the carrier: still listed.
    const a = assess(set, declaration({ goods: [goodsItem('610910', 100, 10, 'CNY')] }), context({ trip: { alerts: {} } }), NO_DRAW);
    expect(a.missing.map((m) => m.path)).toEqual(['parties.consignee', 'parties.carrier', 'driver', 'valuation.exchangeRates.CNY']);
    expect(a.missing.every((m) => m.code === 'RISK_INPUT_MISSING' && m.message.length > 0)).toBe(true);
  });

  it('names a missing window, a malformed day and an absent trip', () => {
    const ctx = context({
      today: '2026-05-01',
      parties: { consignee: { firstSeen: '2026-02-30', windows: {} }, carrier: { windows: { 90: { inspections: 1, withFindings: 0, findings: {} } } } },
    });
    const a = assess(set, declaration({ driver: { name: 'D', country: 'KZ' } }), ctx, NO_DRAW);
    expect(a.missing.map((m) => m.path)).toEqual(['parties.consignee.firstSeen', 'parties.carrier.windows.365', 'trip']);
    expect(assess(set, declaration(), context({ today: 'May Day' }), NO_DRAW).missing[0]?.path).toBe('today');
  });

  it('is empty when the context has everything', () => {
    const ctx = context({
      trip: { alerts: {} },
      parties: { consignee: { windows: {} }, carrier: { windows: { 365: { inspections: 0, withFindings: 0, findings: {} } } } },
    });
    expect(assess(set, declaration({ driver: { name: 'D', country: 'RU' } }), ctx, NO_DRAW).missing).toEqual([]);
  });
});
