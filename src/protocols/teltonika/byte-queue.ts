/**
 * A growable byte buffer with read and write offsets: the bytes of a frame that arrived in pieces wait here,
 * so the stream is never re-concatenated per chunk. Storage is allocated only when something must wait, and
 * released when the queue drains after growing, so an idle connection holds almost nothing.
 */

const MIN_CAPACITY = 256;
/** A drained queue larger than this gives its storage back instead of keeping it for the next frame. */
const RETAIN_CAPACITY = 16 * 1024;
const EMPTY = new Uint8Array(0);

export class ByteQueue {
  private buf: Uint8Array = EMPTY;
  private head = 0;
  private tail = 0;

  /** The waiting bytes are `bytes[start..end)`; valid until the next `append`. */
  get bytes(): Uint8Array {
    return this.buf;
  }
  get start(): number {
    return this.head;
  }
  get end(): number {
    return this.tail;
  }
  get length(): number {
    return this.tail - this.head;
  }

  append(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n === 0) return;
    if (this.tail + n > this.buf.length) this.makeRoom(n);
    this.buf.set(chunk, this.tail);
    this.tail += n;
  }

  /** Drops `n` bytes from the front. */
  consume(n: number): void {
    this.head += n;
    if (this.head >= this.tail) this.clear();
  }

  clear(): void {
    this.head = 0;
    this.tail = 0;
    if (this.buf.length > RETAIN_CAPACITY) this.buf = EMPTY;
  }

  private makeRoom(n: number): void {
    const live = this.tail - this.head;
    if (live + n <= this.buf.length) {
      // Enough space overall: slide the live bytes to the front rather than allocating.
      this.buf.copyWithin(0, this.head, this.tail);
    } else {
      const next = new Uint8Array(Math.max(MIN_CAPACITY, this.buf.length * 2, live + n));
      next.set(this.buf.subarray(this.head, this.tail));
      this.buf = next;
    }
    this.head = 0;
    this.tail = live;
  }
}
