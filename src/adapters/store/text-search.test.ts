import { describe, expect, it } from 'vitest';
import { containsPattern, searchText } from './text-search.js';

describe('text search', () => {
  it('folds case beyond ASCII on both sides', () => {
    expect(searchText(['REF-1', 'ТОО "Ақ Жол"'])).toBe('ref-1\u001fтоо "ақ жол"');
    expect(containsPattern('АҚ ЖОЛ')).toBe('%ақ жол%');
  });

  it('escapes the wildcards and the escape character itself', () => {
    expect(containsPattern('100%')).toBe('%100\\%%');
    expect(containsPattern('a_b')).toBe('%a\\_b%');
    expect(containsPattern('a\\b')).toBe('%a\\\\b%');
    expect(containsPattern("'; --")).toBe("%'; --%");
  });
});
