/**
 * The shape every TCP protocol codec takes: a pure per-connection state machine. The server feeds it the
 * bytes as they arrive, in chunks of any size, and acts on what it returns; the codec never touches a socket.
 */
import type { Position } from '../core/model/index.js';

export type SessionOutput =
  /** The device said who it is. The server checks registration and sends `accept` or `refuse`. */
  | { type: 'identified'; deviceId: string; accept: Uint8Array; refuse: Uint8Array }
  /** Positions decoded from one frame. `reply` acknowledges them and is sent only once they are durable. */
  | { type: 'positions'; positions: Position[]; reply: Uint8Array }
  /** A frame that needs only an answer (a ping, a heartbeat). */
  | { type: 'reply'; reply: Uint8Array }
  /**
   * The stream is broken (bad checksum, malformed frame, frame too large, data before identification).
   * The server counts and logs it by `code` and closes the connection; `reply`, if any, is sent first.
   */
  | { type: 'error'; code: string; message: string; reply?: Uint8Array };

export interface ProtocolSession {
  /** Consumes a chunk; `receivedAt` (ms since the epoch) stamps the positions decoded from it. */
  feed(chunk: Uint8Array, receivedAt: number): SessionOutput[];
}

export interface SessionLimits {
  /** Largest frame accepted, in bytes; a longer one is an error, not a buffer that grows without end. */
  maxFrameBytes: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { maxFrameBytes: 64 * 1024 };
