import { describe, expect, it } from 'vitest';
import { createRng } from '../random/index.js';
import { validateTin } from '../identity/index.js';
import { generateTin, withWrongCheckDigit } from './taxpayer-numbers.js';

describe('generateTin', () => {
  it('gives numbers the identity rules accept, in each country’s form', () => {
    const rng = createRng('tins');
    const shapes: Record<string, RegExp> = {
      RU: /^\d{10}$/, KZ: /^\d{12}$/, KG: /^0\d{13}$/, UZ: /^[23]\d{8}$/, TR: /^\d{10}$/, CN: /^91\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/,
    };
    for (const [country, shape] of Object.entries(shapes)) {
      for (let i = 0; i < 50; i++) {
        const tin = generateTin(rng, country);
        expect(tin, country).toMatch(shape);
        expect(validateTin(country, tin).valid, `${country} ${tin}`).toBe(true);
      }
    }
    expect(generateTin(rng, 'RU', 'individual')).toMatch(/^\d{12}$/);
  });

  it('breaks the check digit on request', () => {
    const rng = createRng('wrong');
    for (const country of ['RU', 'KZ']) {
      for (let i = 0; i < 50; i++) {
        const tin = generateTin(rng, country);
        const wrong = withWrongCheckDigit(rng, tin);
        expect(wrong).not.toBe(tin);
        expect(validateTin(country, wrong).valid).toBe(false);
      }
    }
  });
});
