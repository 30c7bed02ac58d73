/**
 * The growable byte buffer with read and write offsets that every stream protocol keeps its unfinished frame
 * in: the bytes of a frame that arrived in pieces wait here, so the stream is never re-concatenated per chunk
 * and nothing is allocated per byte. Storage is allocated only when something must wait, grows by doubling
 * (up to a cap, so a queue sized for one frame does not end up twice that), and is given back when the queue
 * drains after growing large, so an idle connection holds almost nothing.
 */

const MIN_CAPACITY = 256;
/** A drained queue larger than this gives its storage back instead of keeping it for the next frame. */
const RETAIN_CAPACITY = 16 * 1024;
const EMPTY = new Uint8Array(0);

export class ByteQueue {
  private buf: Uint8Array = EMPTY;
  private bufView: DataView | undefined;
  private head = 0;
  private tail = 0;

  /**
   * `maxCapacity` caps the doubling: growth never goes past it unless a single request needs more. Callers
   * that refuse frames over a limit pass that limit, so the storage stays within it.
   */
  constructor(private readonly maxCapacity = Number.POSITIVE_INFINITY) {}

  /** The waiting bytes are `bytes[start..end)`; valid until the next `append` or `reserve`. */
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
  /** Bytes of storage held, waiting or not. */
  get capacity(): number {
    return this.buf.length;
  }

  /** A DataView over `bytes` (same offsets), for protocols with multi-byte fields; made once per storage. */
  get view(): DataView {
    let view = this.bufView;
    if (view === undefined || view.buffer !== this.buf.buffer) {
      view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
      this.bufView = view;
    }
    return view;
  }

  append(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n === 0) return;
    if (this.tail + n > this.buf.length) this.makeRoom(n);
    this.buf.set(chunk, this.tail);
    this.tail += n;
  }

  /**
   * Makes room for `extra` more bytes after the waiting ones, compacting before growing. A reader that knows
   * how long the frame it waits for is calls this once, rather than letting piecemeal appends double the
   * storage several times.
   */
  reserve(extra: number): void {
    if (this.tail + extra > this.buf.length) this.makeRoom(extra);
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
    const needed = live + n;
    if (needed <= this.buf.length) {
      // Enough space overall: slide the live bytes to the front rather than allocating.
      this.buf.copyWithin(0, this.head, this.tail);
    } else {
      const grown = Math.min(this.maxCapacity, Math.max(MIN_CAPACITY, this.buf.length * 2));
      const next = new Uint8Array(Math.max(needed, grown));
      next.set(this.buf.subarray(this.head, this.tail));
      this.buf = next;
    }
    this.head = 0;
    this.tail = live;
  }
}
