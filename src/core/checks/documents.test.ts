import { describe, it, expect } from 'vitest';
import { isPlausibleDocumentDate } from './documents.js';

describe('isPlausibleDocumentDate', () => {
  it('accepts real YYYY-MM-DD dates of current years', () => {
    for (const date of ['2026-02-11', '2024-02-29', '2000-01-01', '2099-12-31']) expect(isPlausibleDocumentDate(date), date).toBe(true);
  });

  it('rejects days that do not exist, other layouts and absurd years', () => {
    for (const date of ['2026-02-29', '2026-04-31', '2026-00-10', '2026-13-01', '2026-1-5', '11.02.2026', '2026/02/11',
      '2026-02-11T00:00:00Z', ' 2026-02-11', '1999-12-31', '2100-01-01', '0206-02-11', '20a6-02-11', '']) {
      expect(isPlausibleDocumentDate(date), date).toBe(false);
    }
  });
});
