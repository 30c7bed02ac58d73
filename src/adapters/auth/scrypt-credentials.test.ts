import { describe, expect, it } from 'vitest';
import { createScryptCredentials } from './scrypt-credentials.js';

// Low cost keeps the test fast; the format and the comparison are what is under test.
const credentials = createScryptCredentials({ N: 1 << 10, r: 8, p: 1 });

describe('scrypt credentials', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await credentials.hashPassword('correct horse');
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await credentials.verifyPassword('correct horse', hash)).toBe(true);
    expect(await credentials.verifyPassword('correct hors', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await credentials.hashPassword('same')).not.toBe(await credentials.hashPassword('same'));
  });

  it('treats a malformed stored hash as a mismatch', async () => {
    expect(await credentials.verifyPassword('x', 'not-a-hash')).toBe(false);
    expect(await credentials.verifyPassword('x', 'scrypt$1024$8$1$$')).toBe(false);
  });

  it('stores tokens only as their hash', () => {
    const token = credentials.newToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(credentials.tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(credentials.tokenHash(token)).not.toContain(token);
  });
});
