import { describe, it, expect } from 'vitest';
import { validateTin } from './index.js';

describe('validateTin', () => {
  it('dispatches to the rule of each EAEU country', () => {
    expect(validateTin('RU', '7707083893')).toMatchObject({ valid: true, kind: 'organisation' });
    expect(validateTin('KZ', '940140000385')).toMatchObject({ valid: true, kind: 'BIN' });
    expect(validateTin('BY', 'MA1953684')).toMatchObject({ valid: true, kind: 'individual' });
    expect(validateTin('KG', '01805200710116')).toMatchObject({ valid: true, kind: 'organisation' });
    expect(validateTin('AM', '01538354')).toEqual({ valid: true, issues: [] });
    // A number valid in one country is not in another.
    expect(validateTin('KZ', '7707083893').valid).toBe(false);
  });

  it('ignores surrounding whitespace but not inner spaces', () => {
    expect(validateTin('RU', '  7707083893\t\n').valid).toBe(true);
    expect(validateTin('RU', '7707 083893').issues[0]?.code).toBe('TIN_FORMAT');
  });

  it('reports an empty number', () => {
    expect(validateTin('RU', '   ')).toEqual({
      valid: false,
      issues: [{ code: 'TIN_EMPTY', path: '', message: 'The taxpayer number is empty.' }],
    });
  });

  it('gives other countries the plausibility test only', () => {
    expect(validateTin('DE', 'DE 123456789')).toEqual({ valid: true, kind: 'foreign', issues: [] });
    expect(validateTin('CN', '91340621MA2PBPLU08')).toMatchObject({ valid: true, kind: 'foreign' });
    expect(validateTin('TR', 'ΑΒΓ').issues[0]?.code).toBe('TIN_FORMAT');
  });

  it('cannot check a number without a usable country code', () => {
    for (const country of ['', 'ru', 'RUS', '1A']) {
      const result = validateTin(country, '7707083893');
      expect(result.valid).toBe(false);
      expect(result.issues.map((i) => i.code)).toEqual(['TIN_COUNTRY_UNSUPPORTED']);
    }
  });
});
