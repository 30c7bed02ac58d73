/** Ed25519 signatures of operators' messages over their canonical JSON (node:crypto; no key leaves this module's callers). */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../core/exchange/canonical.js';
import { unsigned, type SignedMessage, type UnsignedMessage } from '../../core/exchange/message.js';

export function signMessage(message: UnsignedMessage, privateKey: KeyObject): SignedMessage {
  return { ...message, signature: sign(null, Buffer.from(canonicalJson(message)), privateKey).toString('base64') };
}

export function signatureHolds(message: SignedMessage, publicKey: KeyObject): boolean {
  return verify(null, Buffer.from(canonicalJson(unsigned(message))), publicKey, Buffer.from(message.signature, 'base64'));
}

/** A private key from its PEM (PKCS #8) text; throws when it is not an Ed25519 key. */
export function privateKeyFromPem(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the operator's signing key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not Ed25519`);
  return key;
}

/** A peer's public key from its 32 raw bytes in base64, the form the peers file holds. */
export function publicKeyFromBase64(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error(`an Ed25519 public key is 32 bytes in base64; found ${bytes.length} bytes`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: bytes.toString('base64url') }, format: 'jwk' });
}

/** The 32 raw bytes of a key's public half, in base64, to hand to peers. */
export function publicKeyBase64(key: KeyObject): string {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}
