/**
 * Messages between national operators: each names its sender (a country's operator), its recipient, its type,
 * a sequence number per recipient (so the receiver can see order and gaps), and a body whose shape its type's JSON
 * Schema documents. The signature is Ed25519 over the canonical serialisation of everything else (see canonical.ts).
 */

export const MESSAGE_TYPES = ['transit-notice', 'handover', 'positions', 'alert', 'arrival', 'closure'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface UnsignedMessage {
  /** uuid v7; the receiver processes a message once by it. */
  id: string;
  /** From 1, per sender and recipient; raised on every message. */
  sequence: number;
  /** ISO 3166-1 alpha-2 code of the sending operator's country. */
  sender: string;
  recipient: string;
  type: MessageType;
  /** ISO 8601 instant the message was made. */
  sentAt: string;
  body: Record<string, unknown>;
}

export interface SignedMessage extends UnsignedMessage {
  /** Base64 Ed25519 signature over canonicalJson of the message without this field. */
  signature: string;
}

export function unsigned(message: SignedMessage): UnsignedMessage {
  const { signature: _signature, ...rest } = message;
  return rest;
}
