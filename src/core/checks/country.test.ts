import { describe, it, expect } from 'vitest';
import { isCountryCode } from './country.js';

describe('isCountryCode', () => {
  it('accepts ISO 3166-1 alpha-2 codes in capitals', () => {
    for (const code of ['AM', 'BY', 'KG', 'KZ', 'RU', 'CN', 'DE', 'UZ']) expect(isCountryCode(code), code).toBe(true);
  });

  it('rejects lower case, alpha-3, numeric and unassigned codes', () => {
    for (const code of ['kz', 'KAZ', '398', 'XX', 'SU', '', 'K']) expect(isCountryCode(code), code).toBe(false);
  });
});
