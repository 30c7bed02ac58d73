/** Small builders for the risk tests: a plain declaration, an empty context, a rule set from a few rules. */
import type { DeclarationInput, GoodsItem } from '../model/declaration.js';
import { murmur3x86x128 } from '../random/index.js';
import { compileRuleSet, type CompiledRuleSet } from './compile-rule-set.js';
import type { RiskContext } from './risk-context.js';
import type { RandomDraw, SelectionKey } from './selection.js';
import { validateRuleSet } from './validate-rule-set.js';

export const TODAY = '2026-05-01';

export function goodsItem(hsCode: string, value: number, grossMassKg: number, currency = 'USD'): GoodsItem {
  return { hsCode, description: `goods ${hsCode}`, packages: 10, grossMassKg, value, currency };
}

export function declaration(overrides: Partial<DeclarationInput> = {}): DeclarationInput {
  return {
    reference: 'TEST-1',
    consignor: { name: 'Shenzhen Export Co', country: 'CN', tin: '91440300MA5F000000' },
    // A valid Russian organisation INN (check digit per the 10-digit rule).
    consignee: { name: 'Recipient LLC', country: 'RU', tin: '7707083893' },
    carrier: { name: 'Haulage LLP', country: 'KZ' },
    vehicle: { plate: '123ABC02', country: 'KZ' },
    goods: [goodsItem('610910', 25_000, 2_500)],
    documents: [
      { type: 'invoice', number: 'INV-1', date: '2026-04-20', amount: 25_000, currency: 'USD' },
      { type: 'cmr', number: 'CMR-1', date: '2026-04-29' },
    ],
    officeOfDeparture: '55201',
    borderCrossing: 'KORDAY',
    officeOfDestination: '10005',
    seals: ['352093081234567'],
    ...overrides,
  };
}

export function context(overrides: Partial<RiskContext> = {}): RiskContext {
  return { today: TODAY, checkIssues: [], parties: {}, ...overrides };
}

/** A draw that selects nothing at the rates tests use. */
export const NO_DRAW: RandomDraw = { value: 0.999_999, keyId: 'test', scheme: 'test' };

export const RULE_SET_HEAD = {
  id: 'test',
  version: 1,
  channels: { yellow: 30, red: 60 },
  random: { green: { yellow: 0, red: 0 }, yellow: { red: 0 } },
};

/** Compiles a rule set of `rules` over RULE_SET_HEAD, failing the test with the issues when it is not valid. */
export function ruleSet(rules: unknown[], extra: Record<string, unknown> = {}): CompiledRuleSet {
  const result = validateRuleSet({ ...RULE_SET_HEAD, ...extra, rules });
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path} ${i.code}: ${i.message}`).join('\n'));
  return compileRuleSet(result.ruleSet);
}

/** A stand-in for the HMAC: MurmurHash3 over secret and message. Spreads well; not secure, not for production. */
export function fakeKey(id: string, secret: string): SelectionKey {
  const encoder = new TextEncoder();
  return {
    id,
    mac: (message) => {
      const words = murmur3x86x128(encoder.encode(`${secret}\u0000${message}`));
      const out = new Uint8Array(16);
      new DataView(out.buffer).setUint32(0, words[0]);
      new DataView(out.buffer).setUint32(4, words[1]);
      new DataView(out.buffer).setUint32(8, words[2]);
      new DataView(out.buffer).setUint32(12, words[3]);
      return out;
    },
  };
}
