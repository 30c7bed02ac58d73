/**
 * The codes a driver gives, with the plate, to look a truck up in the public queue: ten characters of Crockford's
 * base 32 (no I, L, O or U to misread), 50 random bits, so that guessing a code for a known plate is hopeless
 * at the lookup's rate limit.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

export function newLookupCode(): string {
  const bytes = randomBytes(LENGTH);
  let code = '';
  for (const byte of bytes) code += ALPHABET[byte & 31];
  return code;
}
