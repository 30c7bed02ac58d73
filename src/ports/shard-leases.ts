/**
 * Leases on the bus's shards, kept in the store: a tracker process follows the devices of a shard only while it
 * holds the shard's lease, renewing it well before it runs out; a shard whose holder stopped renewing is free again
 * once its lease ran out. Times are epoch milliseconds of the callers' clocks (keep the machines on NTP).
 *
 * Fencing. A process paused for longer than its lease (a stalled machine, a long GC) may wake up and write after
 * another took its shards over. Each lease carries an epoch, the time its holder took it, kept while it renews; the
 * tracker's writes carry its leases with their epochs (`LeaseFence`), and the store refuses a write, in the same
 * transaction, unless every one of them is still held by that owner at that epoch.
 */
export interface ShardLease {
  shard: number;
  owner: string;
  expiresMs: number;
  /** Another process that has the shard in its own range and asks for it back; null when none does. */
  wantedBy: string | null;
  /** When its holder took it (ms); the same for as long as it renews. */
  epoch: number;
}

/** The leases a write depends on: refused unless `owner` still holds each shard at its epoch. */
export interface LeaseFence {
  owner: string;
  leases: ReadonlyArray<{ shard: number; epoch: number }>;
}

/** A write refused by its fence: a lease it depends on was taken over, or given up, since. */
export class LeaseLost extends Error {
  constructor(readonly shard: number) {
    super(`the lease of shard ${shard} is no longer held at the epoch this write depends on`);
  }
}

export interface ShardLeaseRepository {
  list(): Promise<ShardLease[]>;
  /**
   * Takes or renews the lease of `shard` for `owner` until `expiresMs`: only when no one holds it, `owner` holds it
   * already, or its holder's lease ran out before `nowMs`. Taking it clears any request for it, and starts a new epoch
   * (`nowMs`) unless `owner` held it already. The lease's epoch when `owner` holds it now, undefined otherwise.
   */
  take(shard: number, owner: string, nowMs: number, expiresMs: number): Promise<number | undefined>;
  /** Asks the holder of `shard` to hand it back to `owner`. */
  want(shard: number, owner: string): Promise<void>;
  /** Gives `shard` up, if `owner` holds it. */
  release(shard: number, owner: string): Promise<void>;
}
