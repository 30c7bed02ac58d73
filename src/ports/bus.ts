/**
 * The bus between the device gateways and the consumers of their positions (the store's ingest and the tracker):
 * durable, acknowledged, ordered per device. In one process it is the in-process bus; across machines, NATS
 * JetStream (`CORRIDOR_BUS=nats://...`).
 *
 * Positions travel on shards: a device always on the same one (`shardOf`), so one consumer of a shard sees each of
 * its devices' positions in the order they were published. A consumer's handler resolves once its work is durable;
 * only then is the delivery acknowledged, so a consumer that dies redelivers what it had not finished, and consumers
 * are idempotent (the store deduplicates positions on device, device time and sequence; the tracker skips what it took).
 */
import type { Position } from '../core/model/index.js';

/** Where a gateway hands the positions it decoded; resolves once they are durable, when the device may be acknowledged. */
export interface PositionSink {
  /** Resolves once `positions` are durable; rejects when they are not (the device is not acknowledged, and resends). */
  submit(positions: readonly Position[]): Promise<void>;
  /** Waits until everything submitted so far is settled. */
  flush(): Promise<void>;
}

/** A consumer's work on a batch of positions of its shards, in publish order per device; resolves once durable. */
export type PositionHandler = (positions: readonly Position[]) => Promise<void>;

export interface Consumption {
  readonly shards: readonly number[];
  /** Stops taking deliveries; resolves once the batch under way is handled (and acknowledged). */
  stop(): Promise<void>;
}

export interface Bus {
  /** How many shards the devices are spread over; fixed for the life of the bus's streams. */
  readonly shardCount: number;
  /** Resolves once every position is durable on the bus (rejects otherwise: nothing may be acknowledged then). */
  publish(positions: readonly Position[]): Promise<void>;
  /** Hands the positions of `shards` to `handler`, one batch of a shard at a time, acknowledging each once it resolved. */
  consume(shards: readonly number[], handler: PositionHandler): Promise<Consumption>;
  close(): Promise<void>;
}
