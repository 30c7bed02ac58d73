/**
 * Leases on the bus's shards, kept in the store: a tracker process follows the devices of a shard only while it
 * holds the shard's lease, renewing it well before it runs out; a shard whose holder stopped renewing is free again
 * once its lease ran out. Times are epoch milliseconds of the callers' clocks (keep the machines on NTP).
 */
export interface ShardLease {
  shard: number;
  owner: string;
  expiresMs: number;
  /** Another process that has the shard in its own range and asks for it back; null when none does. */
  wantedBy: string | null;
}

export interface ShardLeaseRepository {
  list(): Promise<ShardLease[]>;
  /**
   * Takes or renews the lease of `shard` for `owner` until `expiresMs`: only when no one holds it, `owner` holds it
   * already, or its holder's lease ran out before `nowMs`. Taking it clears any request for it. True when `owner`
   * holds it now.
   */
  take(shard: number, owner: string, nowMs: number, expiresMs: number): Promise<boolean>;
  /** Asks the holder of `shard` to hand it back to `owner`. */
  want(shard: number, owner: string): Promise<void>;
  /** Gives `shard` up, if `owner` holds it. */
  release(shard: number, owner: string): Promise<void>;
}
