import { describe, expect, it } from 'vitest';
import { validateTin } from '../identity/index.js';
import { TinMemo } from './tin-memo.js';

describe('TinMemo', () => {
  it('answers as validateTin does, from memory the second time', () => {
    const memo = new TinMemo();
    for (const [country, number] of [['RU', '7707083893'], ['RU', '7707083894'], ['KZ', '123'], ['XX1', '1']] as const) {
      const expected = validateTin(country, number);
      const first = memo.check(country, number);
      expect(first).toEqual({ valid: expected.valid, issue: expected.issues[0]?.code });
      expect(memo.check(country, number)).toBe(first);
    }
  });

  it('keeps the same number apart under two countries', () => {
    const memo = new TinMemo();
    expect(memo.check('RU', '7707083893').valid).toBe(true);
    expect(memo.check('KZ', '7707083893').valid).toBe(false);
  });

  it('forgets everything when full, and still answers', () => {
    const memo = new TinMemo();
    for (let i = 0; i < 20_000; i++) memo.check('AM', String(10_000_000 + i));
    expect(memo.check('RU', '7707083893').valid).toBe(true);
  });
});
