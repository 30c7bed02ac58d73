/**
 * The device side of one TCP protocol, without the socket: what to send on connecting, how to encode a batch of
 * reports, and what the gateway's bytes mean for the batch in flight. One driver serves one connection.
 */
import type { OutboxEntry } from '../outbox.js';

export type DriverEvent =
  /** The gateway accepted the login; data may flow. */
  | { type: 'logged-in' }
  /** Bytes the device must send of its own accord (an EGTS confirmation of the platform's packet). */
  | { type: 'send'; bytes: Uint8Array }
  /** The batch in flight is settled: `accepted` reports confirmed, then `refused` ones turned down for good. */
  | { type: 'settled'; accepted: number; refused: number }
  /** The link is unusable (login refused, batch not confirmed, answer not understood): drop it and reconnect. */
  | { type: 'failed'; kind: string; message: string };

export interface TcpDriver {
  /** Most reports one packet carries. */
  readonly maxBatch: number;
  /** The login that opens the connection. */
  open(): Uint8Array;
  /** The packet for a batch; the driver remembers what it expects back. */
  encode(batch: readonly OutboxEntry[]): Uint8Array;
  /** Bytes from the gateway, in chunks of any size. */
  read(chunk: Uint8Array): DriverEvent[];
}

/** Bytes received and not yet consumed, for answers split over chunks. */
export class Received {
  private bytes = new Uint8Array(0);

  push(chunk: Uint8Array): void {
    const joined = new Uint8Array(this.bytes.length + chunk.length);
    joined.set(this.bytes);
    joined.set(chunk, this.bytes.length);
    this.bytes = joined;
  }

  get length(): number {
    return this.bytes.length;
  }

  /** The first `n` bytes, removed. */
  take(n: number): Uint8Array {
    const head = this.bytes.subarray(0, n);
    this.bytes = this.bytes.subarray(n);
    return head;
  }

  /** Everything before the first CR LF (or LF), removed with it; undefined until a whole line is here. */
  line(): string | undefined {
    const end = this.bytes.indexOf(0x0a);
    if (end < 0) return undefined;
    const text = new TextDecoder().decode(this.bytes.subarray(0, end)).replace(/\r$/, '');
    this.bytes = this.bytes.subarray(end + 1);
    return text;
  }
}
