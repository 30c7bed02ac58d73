import { describe, it, expect } from 'vitest';
import { isPlausiblePlate } from './vehicle.js';

describe('isPlausiblePlate', () => {
  it('accepts plates as written in the EAEU, in Latin or Cyrillic, with spaces and dashes', () => {
    for (const plate of ['123ABC02', '123 ABC 02', 'А123ВС77', 'а 123 вс 777', '01 KG 123 ABC', '35-XY-123', 'AB']) {
      expect(isPlausiblePlate(plate), plate).toBe(true);
    }
  });

  it('rejects plates too short, too long, or with other characters', () => {
    for (const plate of ['A', ' - ', 'ABCDEFGHIJKLM', '123_ABC', '123.ABC', '12/34', '١٢٣٤']) {
      expect(isPlausiblePlate(plate), plate).toBe(false);
    }
  });
});
