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
  /**
   * A frame that needs only an answer (a ping, a heartbeat), or one refused without closing the connection.
   * With `rejected`, the frame was refused: nothing from it is stored, `reply` tells the device why in the
   * protocol's own terms, and the server counts and logs it by `rejected.code`; the session goes on.
   */
  | { type: 'reply'; reply: Uint8Array; rejected?: FrameRejection }
  /**
   * The stream is broken (bad checksum, malformed frame, frame too large, data before identification).
   * The server counts and logs it by `code` and closes the connection; `reply`, if any, is sent first.
   */
  | { type: 'error'; code: string; message: string; reply?: Uint8Array };

/**
 * Why a frame was refused while the connection stays open. `code` is stable, one of the protocol's listed
 * codes (as an error's is), for counting; `message` says what was wrong with this frame, for the log.
 */
export interface FrameRejection {
  code: string;
  message: string;
}

export interface ProtocolSession {
  /** Consumes a chunk; `receivedAt` (ms since the epoch) stamps the positions decoded from it. */
  feed(chunk: Uint8Array, receivedAt: number): SessionOutput[];
}

/** A session that tells how much of the stream it holds: for tests of its memory bound, and for metrics. */
export interface BufferedProtocolSession extends ProtocolSession {
  /**
   * Bytes received and held between calls to `feed`, waiting for the rest of a frame: never more than
   * `SessionLimits.maxFrameBytes`, for any limit that leaves room for the protocol's frame header.
   */
  readonly bufferedBytes: number;
}

export interface SessionLimits {
  /** Largest frame accepted, in bytes; a longer one is an error, not a buffer that grows without end. */
  maxFrameBytes: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { maxFrameBytes: 64 * 1024 };
