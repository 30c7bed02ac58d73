/**
 * The simulation's future event list: a binary min-heap of (time, kind, subject) kept in parallel typed arrays,
 * so that a million pending events cost no object each. Events at the same time come out in the order they were
 * scheduled (a sequence number breaks ties), which keeps a run deterministic whatever the heap's shape.
 */

export interface ScheduledEvent {
  time: number;
  kind: number;
  /** What the event is about: a truck's number, a lane's index; its meaning belongs to the kind. */
  subject: number;
}

export class EventHeap {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Int32Array(1024);
  private subjects = new Int32Array(1024);
  private count = 0;
  private nextSeq = 0;

  get size(): number {
    return this.count;
  }

  push(time: number, kind: number, subject: number): void {
    if (Number.isNaN(time)) throw new RangeError('an event needs a time');
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const seq = this.nextSeq++;
    // Sift up: move parents down until the new event's place is found, then write it once.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(time, seq, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.write(i, time, seq, kind, subject);
  }

  /** The earliest event's time; Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.times[0]!;
  }

  /** Removes the earliest event into `out`; false when empty. */
  pop(out: ScheduledEvent): boolean {
    if (this.count === 0) return false;
    out.time = this.times[0]!;
    out.kind = this.kinds[0]!;
    out.subject = this.subjects[0]!;
    const last = --this.count;
    if (last === 0) return true;
    const time = this.times[last]!;
    const seq = this.seqs[last]!;
    const kind = this.kinds[last]!;
    const subject = this.subjects[last]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.earlier(right, this.times[left]!, this.seqs[left]!) ? right : left;
      if (!this.earlier(child, time, seq)) break;
      this.move(child, i);
      i = child;
    }
    this.write(i, time, seq, kind, subject);
    return true;
  }

  /** Whether (time, seq) comes before the event at slot `j`. */
  private before(time: number, seq: number, j: number): boolean {
    const other = this.times[j]!;
    return time < other || (time === other && seq < this.seqs[j]!);
  }

  /** Whether the event at slot `j` comes before (time, seq). */
  private earlier(j: number, time: number, seq: number): boolean {
    const own = this.times[j]!;
    return own < time || (own === time && this.seqs[j]! < seq);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.subjects[to] = this.subjects[from]!;
  }

  private write(i: number, time: number, seq: number, kind: number, subject: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.subjects[i] = subject;
  }

  private grow(): void {
    const size = this.times.length * 2;
    const grown = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.times = grown(this.times, (n) => new Float64Array(n));
    this.seqs = grown(this.seqs, (n) => new Float64Array(n));
    this.kinds = grown(this.kinds, (n) => new Int32Array(n));
    this.subjects = grown(this.subjects, (n) => new Int32Array(n));
  }
}
