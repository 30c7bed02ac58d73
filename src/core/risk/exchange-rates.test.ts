import { describe, expect, it } from 'vitest';
import { parseExchangeRates, ratesIn } from './exchange-rates.js';

describe('exchange-rate tables', () => {
  it('reads a table and gives its rates in another of its currencies through the base', () => {
    const parsed = parseExchangeRates({ base: 'USD', asOf: '2025-11-20', rates: { EUR: 1.16, KZT: 0.002 } });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.table.rates).toEqual({ EUR: 1.16, KZT: 0.002, USD: 1 });
    const inEuro = ratesIn(parsed.table, 'EUR')!;
    expect(inEuro.EUR).toBe(1);
    expect(inEuro.USD).toBeCloseTo(1 / 1.16, 12);
    expect(inEuro.KZT).toBeCloseTo(0.002 / 1.16, 12);
    expect(ratesIn(parsed.table, 'CNY')).toBeUndefined();
  });

  it('names every field that is wrong', () => {
    const parsed = parseExchangeRates({ base: 'XXY', asOf: '20.11.2025', rates: { EUR: -1, DOLLAR: 1, KZT: '0.002' }, source: 'bank' });
    expect(parsed.ok ? [] : parsed.issues.map((i) => i.path)).toEqual(['source', 'base', 'asOf', 'rates.EUR', 'rates.DOLLAR', 'rates.KZT']);
    expect(parseExchangeRates([1, 2])).toEqual({ ok: false, issues: [{ path: '', message: 'an object with base, asOf and rates' }] });
  });
});
