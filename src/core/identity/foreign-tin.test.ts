import { describe, it, expect } from 'vitest';
import { validateForeignTin } from './foreign-tin.js';

describe('validateForeignTin', () => {
  it('accepts plausible identifiers, with grouping separators', () => {
    for (const tin of ['DE123456789', 'GB 123 4567 89', '12-3456789', 'X', '1234.5678/90']) {
      expect(validateForeignTin(tin), tin).toEqual({ valid: true, kind: 'foreign', issues: [] });
    }
  });

  it('rejects other characters', () => {
    expect(validateForeignTin('AB#12').issues).toEqual([
      {
        code: 'TIN_FORMAT',
        path: '',
        message: "A taxpayer number has Latin letters and digits, grouped by spaces, dashes, dots or slashes; '#' found at position 3.",
      },
    ]);
    expect(validateForeignTin('12\u000034').issues[0]?.message).toContain('U+0000');
  });

  it('rejects more than 20 letters and digits, or none', () => {
    expect(validateForeignTin('1'.repeat(21)).issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
    expect(validateForeignTin('1'.repeat(20)).valid).toBe(true);
    expect(validateForeignTin('--').issues.map((i) => i.code)).toEqual(['TIN_LENGTH']);
  });
});
