import { describe, it, expect } from 'vitest';
import { validateBelarusUnp } from './belarus-unp.js';

describe('validateBelarusUnp', () => {
  // Published examples: python-stdnum's (200988541) and unp-validator's (100320487, 600038906), and an organisation
  // listed in the public register (190796490).
  it.each(['200988541', '100320487', '600038906', '190796490'])('accepts the organisation UNP %s', (unp) => {
    expect(validateBelarusUnp(unp)).toEqual({ valid: true, kind: 'organisation', issues: [] });
  });

  // Individuals' letter form, from the same two sources.
  it.each(['MA1953684', 'KE7810709'])('accepts the individual UNP %s', (unp) => {
    expect(validateBelarusUnp(unp)).toEqual({ valid: true, kind: 'individual', issues: [] });
  });

  it('reads look-alike Cyrillic letters and lower case as the Latin ones', () => {
    expect(validateBelarusUnp('МА1953684').valid).toBe(true);
    expect(validateBelarusUnp('ke7810709').valid).toBe(true);
  });

  it('names the expected and the found check digit', () => {
    expect(validateBelarusUnp('200988542').issues).toEqual([
      { code: 'TIN_CHECK_DIGIT', path: '', message: "The Belarusian UNP's check digit is wrong: 1 expected, 2 found." },
    ]);
    // The form of the number in the Belarusian Wikipedia article, which the algorithm does not accept.
    expect(validateBelarusUnp('MA1953681').issues[0]?.message).toContain('4 expected, 1 found');
  });

  it('rejects a number whose check sum leaves 10', () => {
    // 1·29 + 0·23 + 0·19 + 0·17 + 0·13 + 0·7 + 0·5 + 5·3 = 44 ≡ 0; 1·29 + 3 = 32 ≡ 10.
    const result = validateBelarusUnp('100000010');
    expect(result.valid).toBe(false);
    expect(result.issues[0]?.code).toBe('TIN_CHECK_DIGIT');
    expect(result.issues[0]?.message).toContain('leaves 10');
  });

  it('rejects a region digit outside 1–7', () => {
    for (const unp of ['000988541', '800988541', '900988541']) {
      expect(validateBelarusUnp(unp).issues.map((i) => i.code)).toEqual(['TIN_STRUCTURE']);
    }
  });

  it('rejects letters that are not in the alphabet of the letter form, or mixed with digits', () => {
    for (const unp of ['ZA1953684', 'MZ1953684', 'M01953684', '2A1953684', 'OA1953684']) {
      expect(validateBelarusUnp(unp).issues.map((i) => i.code), unp).toEqual(['TIN_FORMAT']);
    }
  });

  it('rejects non-digits after the second character and wrong lengths', () => {
    expect(validateBelarusUnp('2009885A1').issues[0]?.message).toContain("'A' found at position 8");
    expect(validateBelarusUnp('20098854').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateBelarusUnp('2009885411').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
  });
});
