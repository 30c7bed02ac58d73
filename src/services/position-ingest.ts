/**
 * Group commit of positions: whatever all connections submit while one commit runs goes into the next
 * one, so the store sees few large transactions instead of many small ones, and a lone device waits no
 * longer than one commit. A submission resolves only once its positions are committed: that is when a
 * gateway may acknowledge them to the device. A failed commit rejects its submissions, so nothing that
 * was not stored is ever acknowledged, and the devices resend.
 */
import { positionFault, type Position } from '../core/model/index.js';
import type { PositionSink } from '../ports/bus.js';
import type { PositionRepository } from '../ports/store.js';

export interface CommitObserver {
  /** Called after each commit with its size and duration. */
  committed?(positions: number, newPositions: number, seconds: number): void;
  /** Called with the positions of each commit, for the consumers downstream (the tracker). */
  durable?(positions: readonly Position[]): void;
}

interface Waiter {
  positions: readonly Position[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class PositionIngest implements PositionSink {
  private pending: Waiter[] = [];
  private pendingCount = 0;
  private running: Promise<void> | undefined;

  constructor(
    private readonly repository: PositionRepository,
    private readonly observer: CommitObserver = {},
    /** Largest number of positions in one transaction. */
    private readonly maxBatch = 10_000,
  ) {}

  /**
   * Resolves once `positions` are durable. A submission with a position that cannot be stored is refused
   * on its own, at once, so it never fails the commit it would have shared with other devices.
   */
  submit(positions: readonly Position[]): Promise<void> {
    if (positions.length === 0) return Promise.resolve();
    const unstorable = unstorableIn(positions);
    if (unstorable) return Promise.reject(unstorable);
    const done = new Promise<void>((resolve, reject) => this.pending.push({ positions, resolve, reject }));
    this.pendingCount += positions.length;
    // Defer the first commit to the end of this turn of the event loop, so that the frames of every
    // connection that were read in the same turn share it.
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
    return done;
  }

  /** Waits until everything submitted so far is committed (or failed). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0) await this.commitNext();
    } finally {
      this.running = undefined;
    }
  }

  private async commitNext(): Promise<void> {
    const batch: Waiter[] = [];
    let size = 0;
    // Always take at least one submission, however large, so that none can wait forever.
    while (this.pending.length > 0 && (batch.length === 0 || size + this.pending[0]!.positions.length <= this.maxBatch)) {
      const waiter = this.pending.shift()!;
      batch.push(waiter);
      size += waiter.positions.length;
    }
    this.pendingCount -= size;
    const positions = batch.length === 1 ? batch[0]!.positions : batch.flatMap((waiter) => waiter.positions);
    const started = performance.now();
    try {
      const inserted = await this.repository.insertMany(positions);
      this.observer.committed?.(positions.length, inserted, (performance.now() - started) / 1000);
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    for (const waiter of batch) waiter.resolve();
    this.observer.durable?.(positions);
  }

  /** Positions submitted and not yet committed. */
  get backlog(): number {
    return this.pendingCount;
  }
}

/** The refusal of the first position of `positions` that cannot be stored, if any. */
export function unstorableIn(positions: readonly Position[]): UnstorablePosition | undefined {
  for (const position of positions) {
    const fault = positionFault(position);
    if (fault) return new UnstorablePosition(position.deviceId, fault);
  }
  return undefined;
}

/** A position that breaks the rules every stored position keeps (see core/model/position-fault.ts). */
export class UnstorablePosition extends Error {
  readonly code = 'UNSTORABLE_POSITION';

  constructor(
    readonly deviceId: string,
    readonly fault: string,
  ) {
    super(`position of ${deviceId} cannot be stored: ${fault}`);
    this.name = 'UnstorablePosition';
  }
}
