/**
 * The selection key of random selection: HMAC-SHA256 from node:crypto under a secret customs holds. The core takes
 * it as a plain function (core/risk/selection.ts), so it never sees the secret nor depends on a crypto library.
 */
import { createHmac } from 'node:crypto';
import type { SelectionKey } from '../../core/risk/index.js';

/** Shorter secrets are refused: 32 bytes is SHA-256's block of security, and guessing must not be the cheap attack. */
export const MIN_SECRET_BYTES = 32;

export function hmacSelectionKey(id: string, secret: Uint8Array): SelectionKey {
  if (id.trim().length === 0) throw new RangeError('a selection key needs an id to be named by in assessments');
  if (secret.length < MIN_SECRET_BYTES) {
    throw new RangeError(`a selection secret has at least ${MIN_SECRET_BYTES} bytes, got ${secret.length}`);
  }
  // A copy, so a caller that later overwrites its buffer does not change past and future draws apart.
  const key = Buffer.from(secret);
  return { id, mac: (message: string) => createHmac('sha256', key).update(message, 'utf8').digest() };
}

/**
 * A key from configuration text `id:secret`, the secret in base64 or hex (64 hex digits or more), as an operator puts
 * it in an environment variable such as CORRIDOR_SELECTION_KEY.
 */
export function selectionKeyFromText(text: string): SelectionKey {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new RangeError('a selection key is written id:secret, the secret in base64 or hex');
  const id = text.slice(0, colon).trim();
  const encoded = text.slice(colon + 1).trim();
  const secret = /^([0-9a-fA-F]{2})+$/.test(encoded) ? Buffer.from(encoded, 'hex') : Buffer.from(encoded, 'base64');
  return hmacSelectionKey(id, secret);
}
