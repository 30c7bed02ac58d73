/**
 * Passwords hashed with scrypt (memory-hard, in Node's crypto): `scrypt$N$r$p$salt$hash`, base64url. The
 * parameters are stored with each hash so they can be raised later without invalidating old passwords.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Credentials } from '../../ports/credentials.js';

// N = 2^15, r = 8: 32 MiB per hash, the interactive-login setting recommended for scrypt.
const COST = { N: 1 << 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? COST.N) * (options.r ?? COST.r);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export function createScryptCredentials(cost: { N: number; r: number; p: number } = COST): Credentials {
  return {
    async hashPassword(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
    },
    async verifyPassword(password, stored) {
      const [scheme, n, r, p, salt, hash] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !hash) return false;
      const expected = Buffer.from(hash, 'base64url');
      const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
      return key.length === expected.length && timingSafeEqual(key, expected);
    },
    newToken: () => randomBytes(32).toString('base64url'),
    tokenHash: (token) => createHash('sha256').update(token).digest('hex'),
    newPassword: () => randomBytes(12).toString('base64url'),
  };
}
