import { describe, it, expect } from 'vitest';
import { validateKyrgyzInn } from './kyrgyzstan-inn.js';

// Numbers built for the test from the published structure; no real person's number appears here.
describe('validateKyrgyzInn', () => {
  it('accepts an individual INN with a real birth date', () => {
    expect(validateKyrgyzInn('11503198512345')).toEqual({ valid: true, kind: 'individual', issues: [] });
    expect(validateKyrgyzInn('22902200000017')).toEqual({ valid: true, kind: 'individual', issues: [] });
  });

  it('accepts an organisation INN by its leading 0', () => {
    expect(validateKyrgyzInn('01805200710116')).toEqual({ valid: true, kind: 'organisation', issues: [] });
  });

  it('rejects an individual INN whose birth date does not exist or cannot be a birth year', () => {
    for (const inn of ['12902200100017', '13104199012345', '10001199012345', '11513199012345', '11503189912345']) {
      const result = validateKyrgyzInn(inn);
      expect(result.kind, inn).toBe('individual');
      expect(result.issues.map((i) => i.code), inn).toEqual(['TIN_DATE']);
    }
  });

  it('rejects a first digit other than 0, 1 or 2', () => {
    expect(validateKyrgyzInn('31503198512345').issues).toEqual([
      {
        code: 'TIN_STRUCTURE',
        path: '',
        message: 'A Kyrgyz INN begins with 0 (organisations) or 1 or 2 (individuals); 3 found.',
      },
    ]);
  });

  it('rejects wrong lengths and non-digits', () => {
    expect(validateKyrgyzInn('1150319851234').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateKyrgyzInn('115031985123456').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateKyrgyzInn('1150319851234A').issues.map((i) => i.code)).toEqual(['TIN_FORMAT']);
  });
});
