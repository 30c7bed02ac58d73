import { describe, it, expect } from 'vitest';
import { isCurrencyCode } from './currency.js';

describe('isCurrencyCode', () => {
  it('accepts current ISO 4217 codes, the EAEU currencies among them', () => {
    for (const code of ['USD', 'EUR', 'CNY', 'RUB', 'KZT', 'BYN', 'KGS', 'AMD']) expect(isCurrencyCode(code), code).toBe(true);
  });

  it('rejects withdrawn, invented, lower-case and non-value codes', () => {
    for (const code of ['BYR', 'RUR', 'DEM', 'ABC', 'usd', 'US', 'USDD', '', 'XTS', 'XXX']) {
      expect(isCurrencyCode(code), code).toBe(false);
    }
  });
});
