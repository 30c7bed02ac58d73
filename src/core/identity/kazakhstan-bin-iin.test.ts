import { describe, it, expect } from 'vitest';
import { kazakhCheckDigit, validateKazakhBinIin } from './kazakhstan-bin-iin.js';

describe('validateKazakhBinIin', () => {
  // BINs published by their holders (two from python-stdnum's examples, one a large bank's).
  it.each(['940140000385', '990140004654', '971240001315'])('accepts the BIN %s', (bin) => {
    expect(validateKazakhBinIin(bin)).toEqual({ valid: true, kind: 'BIN', issues: [] });
  });

  // IINs built for the test with the published algorithm: no real person's number appears here.
  it.each([
    ['850715300122', '1985-07-15, 7th digit 3'],
    ['040229500451', '2004-02-29, a leap day, 7th digit 5'],
    ['000229500127', '2000-02-29, a leap day of a century year'],
    ['991231400872', '1999-12-31, 7th digit 4'],
  ])('accepts the IIN %s (%s)', (iin) => {
    expect(validateKazakhBinIin(iin)).toEqual({ valid: true, kind: 'IIN', issues: [] });
  });

  it('uses the second pass when the first gives 10', () => {
    expect((('8507153004' + '1').split('').reduce((s, d, i) => s + Number(d) * (i + 1), 0)) % 11).toBe(10);
    expect(validateKazakhBinIin('850715300411').valid).toBe(true);
  });

  it('rejects a number whose two passes both give 10', () => {
    expect(kazakhCheckDigit('850715300400')).toBeUndefined();
    const result = validateKazakhBinIin('850715300400');
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(['TIN_CHECK_DIGIT']);
    expect(result.issues[0]?.message).toContain('both check-digit passes give 10');
  });

  it('names the expected and the found check digit', () => {
    expect(validateKazakhBinIin('940140000386').issues).toEqual([
      { code: 'TIN_CHECK_DIGIT', path: '', message: "The BIN's check digit is wrong: 5 expected, 6 found." },
    ]);
  });

  it('decides BIN or IIN by the 5th digit', () => {
    expect(validateKazakhBinIin('940140000386').kind).toBe('BIN');
    expect(validateKazakhBinIin('940150000386').kind).toBe('BIN');
    expect(validateKazakhBinIin('940160000386').kind).toBe('BIN');
    expect(validateKazakhBinIin('850715300123').kind).toBe('IIN');
  });

  it("rejects an IIN whose 7th digit is not 1 to 6", () => {
    for (const marker of ['0', '7', '9']) {
      const result = validateKazakhBinIin(`850715${marker}00122`);
      expect(result.issues.map((i) => i.code)).toContain('TIN_STRUCTURE');
    }
  });

  it('rejects an IIN whose birth date does not exist', () => {
    // 2005 is not a leap year; 1900 is not either (century rule).
    for (const iin of ['050229500451', '000229300127', '851315300122', '850732300122', '850700300122']) {
      expect(validateKazakhBinIin(iin).issues.map((i) => i.code), iin).toContain('TIN_DATE');
    }
  });

  it('rejects a BIN with a month outside 01–12 or a 6th digit above 3', () => {
    expect(validateKazakhBinIin('941340000385').issues.map((i) => i.code)).toContain('TIN_DATE');
    expect(validateKazakhBinIin('940000000385').kind).toBe('IIN');
    expect(validateKazakhBinIin('940044000385').issues.map((i) => i.code)).toEqual(expect.arrayContaining(['TIN_STRUCTURE']));
    expect(validateKazakhBinIin('940144000385').issues.map((i) => i.code)).toContain('TIN_STRUCTURE');
  });

  it('lists every reason at once', () => {
    // Month 13, 6th digit 9 and a wrong check digit.
    const codes = validateKazakhBinIin('941349000380').issues.map((i) => i.code);
    expect(codes).toEqual(['TIN_DATE', 'TIN_STRUCTURE', 'TIN_CHECK_DIGIT']);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(validateKazakhBinIin('94014000038').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateKazakhBinIin('9401400003851').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateKazakhBinIin('94014000038X').issues).toEqual([
      { code: 'TIN_FORMAT', path: '', message: "A Kazakh BIN or IIN has digits only; 'X' found at position 12." },
    ]);
  });
});
