/**
 * A device's memory of reports not yet acknowledged, oldest first. A real tracker keeps every record until the
 * server confirms it and sends again, after a reconnection, whatever was in flight when the link broke; so does
 * this one. At most one batch is in flight at a time: the head of the queue.
 */
import type { FleetReport } from '../core/fleet/index.js';
import type { SealProtocol } from '../core/model/index.js';
import type { StatsCollector } from './stats.js';

export interface OutboxEntry {
  report: FleetReport;
  /** Times sent so far. */
  attempts: number;
  /** A number the protocol gives the report at its first send and keeps on resends (EGTS record number). */
  tag?: number;
}

export class Outbox {
  private readonly queue: OutboxEntry[] = [];
  private inFlight = 0;

  constructor(private readonly stats: StatsCollector, private readonly protocol: SealProtocol) {}

  get size(): number {
    return this.queue.length;
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }

  get hasUnsent(): boolean {
    return this.queue.length > this.inFlight;
  }

  add(reports: readonly FleetReport[]): void {
    for (const report of reports) this.queue.push({ report, attempts: 0 });
    this.stats.stats.generated += reports.length;
    this.stats.stats.byProtocol[this.protocol].generated += reports.length;
    this.stats.stats.pending += reports.length;
  }

  /** Up to `max` reports from the head, now in flight. */
  take(max: number): OutboxEntry[] {
    if (this.inFlight > 0) throw new Error('a batch is already in flight');
    const batch = this.queue.slice(0, max);
    for (const entry of batch) {
      if (entry.attempts === 0) this.stats.stats.sent++;
      else this.stats.stats.resent++;
      entry.attempts++;
    }
    this.inFlight = batch.length;
    return batch;
  }

  /** The gateway confirmed the first `accepted` reports in flight and refused the next `refused`. */
  settle(accepted: number, refused = 0): FleetReport[] {
    const done = Math.min(this.inFlight, accepted + refused);
    const removed = this.queue.splice(0, done);
    this.inFlight = 0;
    const ok = Math.min(accepted, done);
    const s = this.stats.stats;
    s.acknowledged += ok;
    s.byProtocol[this.protocol].acknowledged += ok;
    s.rejected += done - ok;
    s.pending -= done;
    return removed.slice(0, ok).map((e) => e.report);
  }

  /** The batch in flight was not confirmed: it stays at the head, to be sent again. */
  release(): void {
    this.inFlight = 0;
  }
}
