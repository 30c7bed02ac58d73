import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import type { Condition } from './conditions.js';
import type { RiskContext } from './risk-context.js';
import { context, declaration, goodsItem, NO_DRAW, ruleSet } from './test-support.js';
import type { DeclarationInput } from '../model/declaration.js';

const VALUATION = { currency: 'USD', referenceValuePerKg: { '6109': 10, '620342': 12, '6203': 9, '8517': 300 } };

/** Assesses one rule of `when` with an explanation of `explanation`; returns the fired rule or undefined. */
function run(when: Condition, input: DeclarationInput = declaration(), ctx: RiskContext = context(), explanation = 'fired') {
  const set = ruleSet([{ id: 'r', weight: 10, explanation, when }], { valuation: VALUATION });
  const assessment = assess(set, input, ctx, NO_DRAW);
  return { fired: assessment.fired[0], assessment };
}

describe('hsPrefix', () => {
  const mixed = declaration({ goods: [goodsItem('950300', 100, 10), goodsItem('240220', 100, 10), goodsItem('2404110000', 5, 1)] });

  it('fires on any item starting with a prefix of any length, naming the first', () => {
    expect(run({ hsPrefix: ['24'] }, mixed).fired?.inputs).toEqual({ items: 2, item: 2, hsCode: '240220', description: 'goods 240220', prefix: '24' });
    expect(run({ hsPrefix: ['2404'] }, mixed).fired?.inputs).toMatchObject({ items: 1, item: 3, prefix: '2404' });
    expect(run({ hsPrefix: ['240411'] }, mixed).fired).toBeDefined();
    expect(run({ hsPrefix: ['2404110000'] }, mixed).fired).toBeDefined();
    expect(run({ hsPrefix: ['22', '2403', '2404110001'] }, mixed).fired).toBeUndefined();
  });

  it('matches a malformed code on its leading digits only', () => {
    const odd = declaration({ goods: [goodsItem('24x220', 1, 1)] });
    expect(run({ hsPrefix: ['24'] }, odd).fired).toBeDefined();
    expect(run({ hsPrefix: ['2402'] }, odd).fired).toBeUndefined();
  });

  it('shares one prefix list among rules without mixing up different ones', () => {
    const set = ruleSet([
      { id: 'a', weight: 1, explanation: 'a', when: { hsPrefix: ['24', '22'] } },
      { id: 'b', weight: 1, explanation: 'b', when: { hsPrefix: ['22', '24'] } },
      { id: 'c', weight: 1, explanation: 'c', when: { hsPrefix: ['95'] } },
      { id: 'd', weight: 1, explanation: 'd', when: { hsPrefix: ['9503', '61'] } },
    ]);
    expect(assess(set, mixed, context(), NO_DRAW).fired.map((f) => f.ruleId)).toEqual(['a', 'b', 'c', 'd']);
    const clothes = declaration({ goods: [goodsItem('610910', 1, 1)] });
    expect(assess(set, clothes, context(), NO_DRAW).fired.map((f) => f.ruleId)).toEqual(['d']);
  });
});

describe('valueBelowReference', () => {
  const cheap = declaration({ goods: [goodsItem('610910', 12_000, 1_000), goodsItem('620342', 2_400, 2_000)] });

  it('fires on the item furthest below, with the values it compared', () => {
    const { fired } = run({ valueBelowReference: { fraction: 0.5 } }, cheap, context(),
      'Item {item} ({hsCode}) at {valuePerKg} {currency}/kg is {ratio:percent} of {reference}');
    expect(fired?.inputs).toEqual({
      fraction: 0.5, currency: 'USD', item: 2, hsCode: '620342', description: 'goods 620342',
      valuePerKg: 1.2, reference: 12, ratio: 0.09999999999999999, referenceSource: 'rule set',
    });
    expect(fired?.explanation).toBe('Item 2 (620342) at 1.2 USD/kg is 10% of 12');
  });

  it('prefers a subheading reference to its heading, and falls back to the heading', () => {
    const trousers = declaration({ goods: [goodsItem('620343', 3_000, 1_000)] });
    expect(run({ valueBelowReference: { fraction: 0.5 } }, trousers).fired?.inputs).toMatchObject({ reference: 9, ratio: 1 / 3 });
    expect(run({ valueBelowReference: { fraction: 0.3 } }, trousers).fired).toBeUndefined();
  });

  it('limits itself to the given prefixes', () => {
    expect(run({ valueBelowReference: { fraction: 0.5, hsPrefix: ['61'] } }, cheap).fired).toBeUndefined();
    expect(run({ valueBelowReference: { fraction: 0.5, hsPrefix: ['61', '62'] } }, cheap).fired).toBeDefined();
  });

  it('converts through the exchange rates and is unknown without one', () => {
    const yuan = declaration({ goods: [goodsItem('851713', 100_000, 100, 'CNY')] });
    const rated = context({ valuation: { exchangeRates: { CNY: 0.14 } } });
    expect(run({ valueBelowReference: { fraction: 0.5 } }, yuan, rated).fired?.inputs).toMatchObject({ valuePerKg: 140, reference: 300 });
    const { fired, assessment } = run({ valueBelowReference: { fraction: 0.5 } }, yuan, context());
    expect(fired).toBeUndefined();
    expect(assessment.missing).toEqual([{ code: 'RISK_INPUT_MISSING', path: 'valuation.exchangeRates.CNY', message: expect.any(String) }]);
    // Unknown, so its negation does not fire either.
    expect(run({ not: { valueBelowReference: { fraction: 0.5 } } }, yuan, context()).fired).toBeUndefined();
  });

  it('takes the context\'s reference values over the rule set\'s', () => {
    const ctx = context({ valuation: { exchangeRates: {}, referenceValuePerKg: { '6109': 40 } } });
    const tees = declaration({ goods: [goodsItem('610910', 10_000, 1_000)] });
    expect(run({ valueBelowReference: { fraction: 0.5 } }, tees).fired).toBeUndefined();
    expect(run({ valueBelowReference: { fraction: 0.5 } }, tees, ctx).fired?.inputs).toMatchObject({ reference: 40, referenceSource: 'context' });
  });

  it('compares nothing for an item without a reference or a mass', () => {
    const odd = declaration({ goods: [goodsItem('950300', 1, 1_000), goodsItem('610910', 1, 0)] });
    const { fired, assessment } = run({ valueBelowReference: { fraction: 0.5 } }, odd);
    expect(fired).toBeUndefined();
    expect(assessment.missing).toEqual([]);
  });
});

describe('documents and goods count', () => {
  const noCmr = declaration({ documents: [{ type: 'invoice', number: 'I', date: '2026-04-01' }] });

  it('documentMissing fires on the first listed type that is absent', () => {
    expect(run({ documentMissing: ['invoice', 'cmr'] }, noCmr, context(), 'No {missingDocument}').fired?.explanation).toBe('No cmr');
    expect(run({ documentMissing: ['invoice', 'cmr'] }).fired).toBeUndefined();
  });

  it('documentPresent fires on an unusual document', () => {
    const withOther = declaration({ documents: [...declaration().documents, { type: 'other', number: 'X', date: '2026-04-01' }] });
    expect(run({ documentPresent: ['permit', 'other'] }, withOther).fired?.inputs).toEqual({ presentDocument: 'other' });
    expect(run({ documentPresent: ['permit', 'other'] }).fired).toBeUndefined();
  });

  it('goodsItems compares the number of lines, both ends inclusive', () => {
    const lines = declaration({ goods: Array.from({ length: 15 }, () => goodsItem('610910', 1, 1)) });
    expect(run({ goodsItems: { atLeast: 15 } }, lines).fired?.inputs).toEqual({ goodsItems: 15 });
    expect(run({ goodsItems: { atLeast: 16 } }, lines).fired).toBeUndefined();
    expect(run({ goodsItems: { atMost: 1 } }).fired).toBeDefined();
    expect(run({ goodsItems: { atLeast: 2, atMost: 20 } }).fired).toBeUndefined();
  });
});

describe('countries and check issues', () => {
  it('country reads the named party, vehicle or driver', () => {
    expect(run({ country: { of: 'consignor', in: ['CN', 'TR'] } }).fired?.inputs).toEqual({ consignorCountry: 'CN' });
    expect(run({ country: { of: 'vehicle', in: ['RU'] } }).fired).toBeUndefined();
    // No driver named: unknown, and said so.
    const { fired, assessment } = run({ country: { of: 'driver', in: ['KZ'] } });
    expect(fired).toBeUndefined();
    expect(assessment.missing[0]?.path).toBe('driver');
  });

  it('checkIssue fires on a code of the document check, under a path when given', () => {
    const ctx = context({ checkIssues: [
      { code: 'TIN_CHECK_DIGIT', path: 'consignor.tin', message: '' },
      { code: 'TIN_CHECK_DIGIT', path: 'consignee.tin', message: '' },
    ] });
    expect(run({ checkIssue: { codes: ['TIN_CHECK_DIGIT'] } }, declaration(), ctx).fired?.inputs).toEqual({ issueCode: 'TIN_CHECK_DIGIT', issuePath: 'consignor.tin' });
    expect(run({ checkIssue: { codes: ['TIN_CHECK_DIGIT'], path: 'consignee' } }, declaration(), ctx).fired?.inputs).toEqual({ issueCode: 'TIN_CHECK_DIGIT', issuePath: 'consignee.tin' });
    expect(run({ checkIssue: { codes: ['TIN_CHECK_DIGIT'], path: 'consign' } }, declaration(), ctx).fired).toBeUndefined();
    expect(run({ checkIssue: { codes: ['DOCUMENT_MISSING'] } }, declaration(), ctx).fired).toBeUndefined();
  });
});

describe('parties', () => {
  it('firstSeen fires for a party first seen fewer than N days ago, or never', () => {
    const seen = (firstSeen?: string) => context({ parties: { consignee: firstSeen === undefined ? { windows: {} } : { firstSeen, windows: {} } } });
    const when: Condition = { firstSeen: { of: 'consignee', withinDays: 30 } };
    expect(run(when, declaration(), seen('2026-04-02')).fired?.inputs).toEqual({ consigneeFirstSeen: '2026-04-02', consigneeDaysKnown: 29, withinDays: 30 });
    expect(run(when, declaration(), seen('2026-04-01')).fired).toBeUndefined();
    expect(run(when, declaration(), seen()).fired?.inputs).toEqual({ consigneeFirstSeen: 'never before', consigneeDaysKnown: 0, withinDays: 30 });
    // No history given at all is not "new": it is unknown.
    const { fired, assessment } = run(when, declaration(), context());
    expect(fired).toBeUndefined();
    expect(assessment.missing.map((m) => m.path)).toEqual(['parties.consignee']);
    expect(run(when, declaration(), seen('2026-13-01')).assessment.missing.map((m) => m.path)).toEqual(['parties.consignee.firstSeen']);
  });

  it('tin fires on an invalid or a missing number, as asked', () => {
    const wrongDigit = declaration({ consignee: { name: 'R', country: 'RU', tin: '7707083894' } });
    const none = declaration({ consignee: { name: 'R', country: 'RU' } });
    const invalid: Condition = { tin: { of: 'consignee', invalid: true } };
    const missing: Condition = { tin: { of: 'consignee', missing: true } };
    expect(run(invalid, wrongDigit).fired?.inputs).toEqual({ consigneeTin: '7707083894', consigneeTinIssue: 'TIN_CHECK_DIGIT' });
    expect(run(invalid, none).fired).toBeUndefined();
    expect(run(missing, none).fired?.inputs).toEqual({ consigneeTin: 'none', consigneeTinIssue: 'TIN_MISSING' });
    expect(run(missing, wrongDigit).fired).toBeUndefined();
    expect(run({ tin: { of: 'consignee', invalid: true, missing: true } }).fired).toBeUndefined();
    expect(run({ tin: { of: 'carrier', missing: true } }).fired).toBeDefined();
  });

  const history = (inspections: number, withFindings: number, findings: Record<string, number> = {}) =>
    context({ parties: { carrier: { windows: { 365: { inspections, withFindings, findings } } } } });

  it('history compares the count of findings in the window', () => {
    const when: Condition = { history: { of: 'carrier', windowDays: 365, findings: { atLeast: 2 } } };
    expect(run(when, declaration(), history(10, 2)).fired?.inputs).toEqual({ windowDays: 365, carrierInspections: 10, carrierFindings: 2, carrierFindingRate: 0.2 });
    expect(run(when, declaration(), history(10, 1)).fired).toBeUndefined();
  });

  it('history counts only the kinds of findings asked for', () => {
    const when: Condition = { history: { of: 'carrier', windowDays: 365, results: ['seal_tampered', 'goods_undeclared'], findings: { atLeast: 2 } } };
    expect(run(when, declaration(), history(10, 3, { seal_tampered: 1, goods_undeclared: 1, documents_missing: 3 })).fired?.inputs).toMatchObject({ carrierFindings: 2 });
    expect(run(when, declaration(), history(10, 3, { documents_missing: 3 })).fired).toBeUndefined();
  });

  it('history compares a rate only over enough inspections', () => {
    const when: Condition = { history: { of: 'carrier', windowDays: 365, findingRate: { atLeast: 0.3 }, minInspections: 5 } };
    expect(run(when, declaration(), history(5, 2)).fired?.explanation).toBe('fired');
    expect(run(when, declaration(), history(4, 4)).fired).toBeUndefined();
    expect(run(when, declaration(), history(10, 2)).fired).toBeUndefined();
  });

  it('history is unknown when the window was not given', () => {
    const when: Condition = { history: { of: 'carrier', windowDays: 90, findings: { atLeast: 1 } } };
    const { fired, assessment } = run(when, declaration(), history(10, 2));
    expect(fired).toBeUndefined();
    expect(assessment.missing.map((m) => m.path)).toEqual(['parties.carrier.windows.90']);
  });
});

describe('trip alerts', () => {
  const trip = context({ trip: { alerts: { 'seal-tamper': 1, 'corridor-left': 2, 'long-stop': 1 } } });

  it('sums the listed alert types and compares', () => {
    const { fired } = run({ tripAlerts: { types: ['seal-opened', 'seal-tamper', 'corridor-left'], atLeast: 3 } }, declaration(), trip, '{alerts} alerts: {alertTypes}');
    expect(fired?.explanation).toBe('3 alerts: seal-tamper 1, corridor-left 2');
    expect(run({ tripAlerts: { types: ['long-stop'], atLeast: 2 } }, declaration(), trip).fired).toBeUndefined();
    expect(run({ tripAlerts: { types: ['signal-lost'], atMost: 0 } }, declaration(), trip).fired).toBeDefined();
  });

  it('is unknown before the trip', () => {
    const { fired, assessment } = run({ tripAlerts: { types: ['long-stop'], atMost: 0 } });
    expect(fired).toBeUndefined();
    expect(assessment.missing.map((m) => m.path)).toEqual(['trip']);
  });
});

describe('all, any, not', () => {
  const excise = declaration({ goods: [goodsItem('240220', 1, 1)] });
  const yes: Condition = { hsPrefix: ['24'] };
  const no: Condition = { hsPrefix: ['22'] };
  const unknown: Condition = { tripAlerts: { types: ['long-stop'], atLeast: 1 } };

  it('follow three-valued logic: a rule fires only on what is known', () => {
    const fires = (when: Condition) => run(when, excise).fired !== undefined;
    expect(fires({ all: [yes, yes] })).toBe(true);
    expect(fires({ all: [yes, no] })).toBe(false);
    expect(fires({ all: [yes, unknown] })).toBe(false);
    expect(fires({ not: { all: [no, unknown] } })).toBe(true);
    expect(fires({ any: [no, yes] })).toBe(true);
    expect(fires({ any: [unknown, yes] })).toBe(true);
    expect(fires({ any: [no, unknown] })).toBe(false);
    expect(fires({ not: { any: [no, unknown] } })).toBe(false);
    expect(fires({ not: no })).toBe(true);
    expect(fires({ not: unknown })).toBe(false);
  });

  it('gather the inputs of what decided: all operands, the branch of any that held', () => {
    const ctx = context({ parties: { consignee: { windows: {} } } });
    const { fired } = run(
      { all: [{ firstSeen: { of: 'consignee', withinDays: 30 } }, { any: [no, yes] }] },
      excise,
      ctx,
      'New recipient ({consigneeDaysKnown} days) with {hsCode} under {prefix}',
    );
    expect(fired?.explanation).toBe('New recipient (0 days) with 240220 under 24');
    expect(fired?.inputs).toEqual({ consigneeFirstSeen: 'never before', consigneeDaysKnown: 0, withinDays: 30, items: 1, item: 1, hsCode: '240220', description: 'goods 240220', prefix: '24' });
  });

  it('write n/a for a placeholder of a branch that did not decide', () => {
    const { fired } = run({ any: [yes, { goodsItems: { atLeast: 50 } }] }, excise, context(), '{hsCode} / {goodsItems}');
    expect(fired?.explanation).toBe('240220 / n/a');
  });
});
