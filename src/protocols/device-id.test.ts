import { describe, expect, it } from 'vitest';
import { isDeviceId } from './device-id.js';

describe('isDeviceId', () => {
  it('accepts IMEIs, terminal numbers and tracker ids', () => {
    for (const id of ['356307042441013', '4087441', 'phone-17', 'seal_A.1:2']) expect(isDeviceId(id), id).toBe(true);
  });

  it('refuses empty, over-long, control characters, spaces and other scripts', () => {
    for (const id of ['', 'x'.repeat(65), '6\u0000138568564795', 'a b', 'id\n', 'пломба']) expect(isDeviceId(id), JSON.stringify(id)).toBe(false);
  });
});
