import { describe, it, expect } from 'vitest';
import { validateArmenianTin } from './armenia-tin.js';

describe('validateArmenianTin', () => {
  // TINs published by their holders (collected in python-stdnum issue #201).
  it.each(['01538354', '02502212', '05541285'])('accepts %s', (tin) => {
    expect(validateArmenianTin(tin)).toEqual({ valid: true, issues: [] });
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(validateArmenianTin('0153835').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateArmenianTin('015383541').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateArmenianTin('0153835-').issues).toEqual([
      { code: 'TIN_FORMAT', path: '', message: "An Armenian TIN has digits only; '-' found at position 8." },
    ]);
  });
});
