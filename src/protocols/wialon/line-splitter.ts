/**
 * Splitting a Wialon IPS TCP stream into lines ending in LF (the protocol ends each packet with CR LF; the CR
 * is left to the caller). A chunk is searched in place; only an unfinished line is copied aside, into the
 * shared ByteQueue, and a line longer than the limit is refused as soon as that many bytes arrive without an LF.
 */
import { ByteQueue } from '../byte-queue.js';

const LF = 0x0a;

export type LineHandler = (bytes: Uint8Array, start: number, end: number) => boolean;

export class LineSplitter {
  private readonly pending: ByteQueue;

  /** `maxLineBytes` counts the whole line, CR LF included. */
  constructor(private readonly maxLineBytes: number) {
    this.pending = new ByteQueue(maxLineBytes);
  }

  /** Bytes of an unfinished line held until its LF arrives. */
  get pendingBytes(): number {
    return this.pending.length;
  }

  /**
   * Hands each complete line of `chunk` (without its LF) to `onLine`, which returns false to stop. The bytes
   * are valid only during the call. Returns 'too-long' when a line exceeds the limit.
   */
  push(chunk: Uint8Array, onLine: LineHandler): 'ok' | 'stopped' | 'too-long' {
    let pos = 0;
    const pending = this.pending;
    if (pending.length > 0) {
      const lf = chunk.indexOf(LF);
      const take = lf < 0 ? chunk.length : lf + 1;
      if (pending.length + take > this.maxLineBytes) return this.tooLong();
      pending.append(chunk.subarray(0, take));
      if (lf < 0) return 'ok';
      const go = onLine(pending.bytes, pending.start, pending.end - 1);
      pending.clear();
      if (!go) return 'stopped';
      pos = lf + 1;
    }
    for (;;) {
      const lf = chunk.indexOf(LF, pos);
      if (lf < 0) break;
      if (lf + 1 - pos > this.maxLineBytes) return this.tooLong();
      if (!onLine(chunk, pos, lf)) return 'stopped';
      pos = lf + 1;
    }
    if (chunk.length - pos > this.maxLineBytes) return this.tooLong();
    if (pos < chunk.length) pending.append(chunk.subarray(pos));
    return 'ok';
  }

  private tooLong(): 'too-long' {
    this.pending.clear();
    return 'too-long';
  }
}
