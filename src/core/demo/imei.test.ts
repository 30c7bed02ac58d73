import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { generateImei, isValidImei, luhnCheckDigit } from './imei.js';

describe('IMEI', () => {
  it('computes the Luhn check digit of a published example', () => {
    // The worked example of the IMEI check digit: 49015420323751 → 8.
    expect(luhnCheckDigit('49015420323751')).toBe(8);
    expect(isValidImei('490154203237518')).toBe(true);
    expect(isValidImei('490154203237517')).toBe(false);
    expect(isValidImei('49015420323751')).toBe(false);
  });

  it('generates valid 15-digit IMEIs', () => {
    const rng = createRng('imei');
    for (let i = 0; i < 1000; i++) expect(isValidImei(generateImei(rng))).toBe(true);
    expect(generateImei(rng, '35209078').startsWith('35209078')).toBe(true);
  });
});
