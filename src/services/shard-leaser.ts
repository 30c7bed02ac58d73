/**
 * Which shards of the bus this tracker process holds, by leases in the store. Each round (every third of a lease's
 * life) it renews what it holds, takes its own shards (`preferred`) when they are free or their holder's lease ran
 * out, asks for them back when another process holds them, hands back a shard it took over once its own process asks
 * for it, and, with `takeover`, takes any other shard whose holder stopped renewing. What it holds is handed to
 * `apply` (the process starts and stops consuming), always before a lease is released and never after it may have
 * run out: a process that cannot renew (the store is down) lets go of everything before its leases run out, so two
 * processes never consume a shard at once for longer than clocks drift apart.
 */
import type { LeaseFence, ShardLeaseRepository } from '../ports/shard-leases.js';

export interface ShardLeaserOptions {
  /** This process's name in the leases; unique among the processes (host, pid and a random part). */
  owner: string;
  shardCount: number;
  /** The shards this process is for (`--shards`). */
  preferred: readonly number[];
  /** Whether to take other shards whose holder stopped renewing. */
  takeover: boolean;
  /** How long a lease lasts unrenewed; 15 s unless told. */
  ttlMs?: number;
  now?: () => number;
  /**
   * Makes the process consume exactly `held`, writing under `fence`; resolves once it does (stopped shards finished
   * their batch). Called again when a lease held was taken anew (a new epoch), though the shards are the same.
   */
  apply: (held: ReadonlySet<number>, fence: LeaseFence) => Promise<void>;
  onError?: (error: unknown) => void;
}

export class ShardLeaser {
  /** The shards held, each with its lease's epoch. */
  private held: ReadonlyMap<number, number> = new Map();
  private readonly preferred: ReadonlySet<number>;
  private readonly ttlMs: number;
  private readonly now: () => number;
  private lastRenewed = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly leases: ShardLeaseRepository,
    private readonly options: ShardLeaserOptions,
  ) {
    this.preferred = new Set(options.preferred);
    this.ttlMs = options.ttlMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  /** The shards held now. */
  get shards(): ReadonlySet<number> {
    return new Set(this.held.keys());
  }

  /** Runs a first round, then one every third of the lease's life. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.round();
    this.timer = setInterval(() => void this.round(), Math.max(50, Math.floor(this.ttlMs / 3)));
  }

  /** Stops consuming, then gives every lease up, so another process may take the shards at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    const held = [...this.held.keys()];
    await this.hold(new Map());
    for (const shard of held) await this.leases.release(shard, this.options.owner).catch((error: unknown) => this.options.onError?.(error));
  }

  /** One round, after the one under way. */
  round(): Promise<void> {
    this.running = this.running.then(() => (this.stopped ? undefined : this.renew().catch((error: unknown) => this.options.onError?.(error))));
    return this.running;
  }

  private async renew(): Promise<void> {
    const now = this.now();
    const expires = now + this.ttlMs;
    const { owner, shardCount, takeover } = this.options;
    const next = new Map<number, number>();
    const handBack: number[] = [];
    try {
      const rows = new Map((await this.leases.list()).map((lease) => [lease.shard, lease]));
      for (let shard = 0; shard < shardCount; shard++) {
        const lease = rows.get(shard);
        const mine = this.preferred.has(shard);
        if (lease?.owner === owner) {
          // Renewed even when handed back: the lease must outlast stopping its consumption, or the taker would
          // start on the shard's trips while this process is still finishing them.
          const epoch = await this.leases.take(shard, owner, now, expires);
          if (epoch !== undefined && !mine && lease.wantedBy !== null) handBack.push(shard);
          else if (epoch !== undefined) next.set(shard, epoch);
        } else if (lease === undefined || lease.expiresMs < now) {
          const epoch = mine || (takeover && lease !== undefined) ? await this.leases.take(shard, owner, now, expires) : undefined;
          if (epoch !== undefined) next.set(shard, epoch);
        } else if (mine && lease.wantedBy !== owner) {
          await this.leases.want(shard, owner);
        }
      }
    } catch (error) {
      // Without renewals the leases run out: let go well before, so a process taking them over is alone.
      if (this.now() - this.lastRenewed > this.ttlMs / 2) await this.hold(new Map());
      throw error;
    }
    this.lastRenewed = now;
    await this.hold(next);
    for (const shard of handBack) await this.leases.release(shard, owner);
  }

  private async hold(leases: ReadonlyMap<number, number>): Promise<void> {
    const same = leases.size === this.held.size && [...leases].every(([shard, epoch]) => this.held.get(shard) === epoch);
    if (same) return;
    const fence: LeaseFence = { owner: this.options.owner, leases: [...leases].map(([shard, epoch]) => ({ shard, epoch })) };
    await this.options.apply(new Set(leases.keys()), fence);
    this.held = leases;
  }
}
