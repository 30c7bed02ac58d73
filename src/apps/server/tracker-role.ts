/**
 * The tracker's side of the bus: the shards this process holds (leases in the store) are consumed, each batch stored
 * by the group commit (the store drops what it holds already) and then taken by the tracker, before the bus is told
 * it is done. The tracker follows only the trips of the shards held, reloading (and catching up from the store) when
 * they change, and reads the positions of their seals on other shards from the store. Run by `corridor tracker`, and
 * by `corridor serve` when the bus is JetStream.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { GatewayLog } from '../../adapters/gateway/gateway-context.js';
import { createGatewayMetrics, type GatewayMetrics } from '../../adapters/metrics/gateway-metrics.js';
import { shardOf, tripShard } from '../../core/devices/index.js';
import type { Position } from '../../core/model/index.js';
import type { Bus, Consumption } from '../../ports/bus.js';
import { LeaseLost, type LeaseFence } from '../../ports/shard-leases.js';
import type { StoredTrip } from '../../ports/tracking-store.js';
import { ShardLeaser } from '../../services/shard-leaser.js';
import type { Platform } from '../platform.js';
import { positionIngest } from './gateways.js';

export interface TrackerRoleOptions {
  /** The shards this process is for; every shard unless told. */
  shards?: readonly number[];
  /** Whether to take over the shards of a tracker that stopped renewing its leases. */
  takeover?: boolean;
  /** How long a shard lease lasts unrenewed. */
  leaseMs?: number;
  log: Pick<GatewayLog, 'info' | 'error'>;
}

export interface TrackerRole {
  leaser: ShardLeaser;
  metrics: GatewayMetrics;
  close(): Promise<void>;
}

export async function startTrackerRole(platform: Platform, bus: Bus, options: TrackerRoleOptions): Promise<TrackerRole> {
  const { log } = options;
  const metrics = createGatewayMetrics();
  const ingest = positionIngest(platform.store.positions, metrics);
  const tracker = platform.tracker;
  const handle = async (positions: readonly Position[]): Promise<void> => {
    await ingest.submit(positions);
    // Stored is durable: a tracker that fails here reloads and catches up from the store, so the delivery is done.
    await tracker.take(positions).catch((error: unknown) =>
      log.error({ err: error }, error instanceof LeaseLost ? 'save refused: a shard lease was taken over; the next round lets the shard go' : 'tracking failed; it catches up from the store'),
    );
  };
  const consuming = new Map<number, Consumption>();
  const shardCount = bus.shardCount;
  const apply = async (held: ReadonlySet<number>, fence: LeaseFence): Promise<void> => {
    for (const [shard, consumption] of consuming) {
      if (held.has(shard)) continue;
      await consumption.stop();
      consuming.delete(shard);
    }
    // A reload that fails (the store is down) is tried again before the tracker's next piece of work.
    // A trip's seals on shards another tracker holds are read from the store, where that tracker puts them.
    const follows = (trip: StoredTrip) => held.has(tripShard(trip.sealIds, shardCount));
    const given = (sealId: string) => held.has(shardOf(sealId, shardCount));
    await tracker.followOnly(follows, fence, given).catch((error: unknown) => log.error({ err: error }, 'tracker reload failed; it retries'));
    for (const shard of held) if (!consuming.has(shard)) consuming.set(shard, await bus.consume([shard], handle));
    log.info({ shards: [...held].sort((a, b) => a - b), trips: tracker.openTrips }, 'holding shards');
  };
  await tracker.followOnly(() => false);
  // The shards' consumers start from the first unacknowledged message (the store drops what it holds already).
  const all = Array.from({ length: shardCount }, (_, shard) => shard);
  const leaser = new ShardLeaser(platform.store.shardLeases, {
    owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    shardCount,
    preferred: options.shards ?? all,
    takeover: options.takeover ?? true,
    ...(options.leaseMs === undefined ? {} : { ttlMs: options.leaseMs }),
    apply,
    onError: (error) => log.error({ err: error }, 'shard leases'),
  });
  await leaser.start();
  return {
    leaser,
    metrics,
    close: async () => {
      await leaser.stop();
      await ingest.flush();
    },
  };
}
