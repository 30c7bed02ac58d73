/**
 * Splitting a Wialon IPS TCP stream into lines ending in LF (the protocol ends each packet with CR LF; the CR
 * is left to the caller). A chunk is searched in place; only an unfinished line is copied aside, and a line
 * longer than the limit is refused as soon as that many bytes arrive without an LF.
 */

const EMPTY = new Uint8Array(0);
const LF = 0x0a;

export type LineHandler = (bytes: Uint8Array, start: number, end: number) => boolean;

export class LineSplitter {
  private pending: Uint8Array = EMPTY;
  private pendingLength = 0;

  /** `maxLineBytes` counts the whole line, CR LF included. */
  constructor(private readonly maxLineBytes: number) {}

  /**
   * Hands each complete line of `chunk` (without its LF) to `onLine`, which returns false to stop. The bytes
   * are valid only during the call. Returns 'too-long' when a line exceeds the limit.
   */
  push(chunk: Uint8Array, onLine: LineHandler): 'ok' | 'stopped' | 'too-long' {
    let pos = 0;
    if (this.pendingLength > 0) {
      const lf = chunk.indexOf(LF);
      const take = lf < 0 ? chunk.length : lf + 1;
      if (this.pendingLength + take > this.maxLineBytes) return this.tooLong();
      this.append(chunk.subarray(0, take));
      if (lf < 0) return 'ok';
      const length = this.pendingLength - 1;
      this.pendingLength = 0;
      if (!onLine(this.pending, 0, length)) return 'stopped';
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
    if (pos < chunk.length) this.append(chunk.subarray(pos));
    return 'ok';
  }

  private tooLong(): 'too-long' {
    this.pending = EMPTY;
    this.pendingLength = 0;
    return 'too-long';
  }

  private append(bytes: Uint8Array): void {
    const needed = this.pendingLength + bytes.length;
    if (needed > this.pending.length) {
      const next = new Uint8Array(Math.min(this.maxLineBytes, Math.max(256, needed, this.pending.length * 2)));
      next.set(this.pending.subarray(0, this.pendingLength));
      this.pending = next;
    }
    this.pending.set(bytes, this.pendingLength);
    this.pendingLength = needed;
  }
}
