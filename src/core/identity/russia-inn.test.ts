import { describe, it, expect } from 'vitest';
import { validateRussianInn } from './russia-inn.js';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('validateRussianInn', () => {
  // Published INNs of large companies (Sberbank, Gazprom, Yandex, Lukoil, VTB), as printed on their own sites.
  it.each(['7707083893', '7736050003', '7736207543', '7708004767', '7702070139'])('accepts the organisation INN %s', (inn) => {
    expect(validateRussianInn(inn)).toEqual({ valid: true, kind: 'organisation', issues: [] });
  });

  it('accepts a 12-digit individual INN', () => {
    // The sample individual INN widely used in documentation of the algorithm.
    expect(validateRussianInn('500100732259')).toEqual({ valid: true, kind: 'individual', issues: [] });
  });

  it('names the expected and the found check digit', () => {
    const result = validateRussianInn('7707083894');
    expect(result.valid).toBe(false);
    expect(result.kind).toBe('organisation');
    expect(result.issues).toEqual([
      { code: 'TIN_CHECK_DIGIT', path: '', message: "The Russian INN's check digit is wrong: 3 expected, 4 found." },
    ]);
  });

  it('checks both check digits of a 12-digit INN', () => {
    expect(validateRussianInn('500100732250').issues[0]?.message).toContain('59 expected, 50 found');
    expect(validateRussianInn('500100732269').issues[0]?.message).toContain('59 expected, 69 found');
  });

  it('rejects other lengths', () => {
    for (const inn of ['770708389', '77070838931', '5001007322591']) {
      const result = validateRussianInn(inn);
      expect(result.valid).toBe(false);
      expect(result.issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
      expect(result.issues[0]?.message).toContain(`${inn.length} found`);
    }
  });

  it('rejects characters other than digits, naming the first one', () => {
    expect(validateRussianInn('7707O83893').issues).toEqual([
      { code: 'TIN_FORMAT', path: '', message: "A Russian INN has digits only; 'O' found at position 5." },
    ]);
    expect(validateRussianInn('7707 083893').issues[0]?.code).toBe('TIN_FORMAT');
  });

  it('finds exactly one valid last digit for any first nine digits', () => {
    const random = prng(20250211);
    for (let n = 0; n < 2000; n++) {
      let stem = '';
      for (let i = 0; i < 9; i++) stem += String(Math.floor(random() * 10));
      let valid = 0;
      for (let last = 0; last < 10; last++) if (validateRussianInn(stem + String(last)).valid) valid++;
      expect(valid, stem).toBe(1);
    }
  });
});
