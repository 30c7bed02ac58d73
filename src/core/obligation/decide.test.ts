import { describe, expect, it } from 'vitest';
import { decideObligation, routeCountries, type ObligationFacts } from './decide.js';
import { parseObligationRules } from './parse-obligation-rules.js';
import type { ObligationRuleSet } from './obligation-rules.js';

const TEXT = `
id: test-seals
version: 3
memberStates: [AM, BY, KG, KZ, RU]
exemptions:
  - id: exempt-trader
    explanation: Exempted by name.
    consignorTin: ["7707083893"]
rules:
  - id: excise
    explanation: Excise goods.
    hsPrefix: ["2208", "2402"]
    procedure: [transit, export, mutual_trade]
    minMemberStates: 2
  - id: clothing-transit
    explanation: Clothing under transit.
    hsPrefix: ["61", "62"]
    procedure: [transit]
    minMemberStates: 2
`;

function rules(): ObligationRuleSet {
  const parsed = parseObligationRules(TEXT);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.rules;
}

const facts = (overrides: Partial<ObligationFacts> = {}): ObligationFacts => ({
  procedure: 'transit',
  routeCountries: ['KG', 'KZ', 'RU'],
  goods: [{ hsCode: '8471300000' }, { hsCode: '6203420000' }],
  consignorTin: '00101199910001',
  ...overrides,
});

describe('decideObligation', () => {
  it('requires a seal by the first rule that holds, naming the goods item and prefix that matched', () => {
    const decision = decideObligation(rules(), facts());
    expect(decision).toEqual({
      required: true,
      rules: { id: 'test-seals', version: 3 },
      decidedBy: { kind: 'rule', id: 'clothing-transit', explanation: 'Clothing under transit.', goods: { item: 2, hsCode: '6203420000', prefix: '62' } },
      procedure: 'transit',
      routeCountries: ['KG', 'KZ', 'RU'],
      memberStatesCrossed: 3,
    });
  });

  it('requires none when the procedure, the goods or the route do not fit any rule', () => {
    expect(decideObligation(rules(), facts({ procedure: 'export' })).required).toBe(false);
    expect(decideObligation(rules(), facts({ goods: [{ hsCode: '0702000000' }] }))).toMatchObject({ required: false, decidedBy: null });
    // Within one member state, or from a third country into one, is not a shipment across two of them.
    expect(decideObligation(rules(), facts({ routeCountries: ['CN', 'KZ'] }))).toMatchObject({ required: false, memberStatesCrossed: 1 });
  });

  it('applies excise rules to export and mutual trade too', () => {
    const spirits = facts({ goods: [{ hsCode: '2208601100' }] });
    expect(decideObligation(rules(), { ...spirits, procedure: 'mutual_trade' }).decidedBy?.id).toBe('excise');
    expect(decideObligation(rules(), { ...spirits, procedure: 'export' }).decidedBy?.id).toBe('excise');
  });

  it('lets a rule limited to some procedures hold when the declaration names none, so that leaving it out hides nothing', () => {
    const decision = decideObligation(rules(), facts({ procedure: null, goods: [{ hsCode: '6203420000' }] }));
    expect(decision).toMatchObject({ required: true, decidedBy: { id: 'clothing-transit' }, procedure: null });
  });

  it('lets a listed exemption lift the obligation, and says so', () => {
    const decision = decideObligation(rules(), facts({ consignorTin: '7707083893' }));
    expect(decision.required).toBe(false);
    expect(decision.decidedBy).toEqual({ kind: 'exemption', id: 'exempt-trader', explanation: 'Exempted by name.' });
  });
});

describe('routeCountries', () => {
  it('orders the crossing the way the truck passes it, each country once', () => {
    expect(routeCountries('KG', ['KZ', 'KG'], 'RU')).toEqual(['KG', 'KZ', 'RU']);
    expect(routeCountries('KZ', ['KZ', 'KG'], 'KG')).toEqual(['KZ', 'KG']);
    expect(routeCountries(undefined, ['RU', 'KZ'], 'KZ')).toEqual(['RU', 'KZ']);
    // A declared crossing on neither side of the departure: its side in the country of destination comes last.
    expect(routeCountries('KG', ['RU', 'KZ'], 'RU')).toEqual(['KG', 'KZ', 'RU']);
    expect(routeCountries('KG', ['KZ', 'RU'], 'RU')).toEqual(['KG', 'KZ', 'RU']);
  });
});
