/**
 * The in-process bus of the all-in-one server: a publish is handed straight to the consumer of its shard and
 * resolves once that consumer's work is durable (the store's commit), which is what the bus promises. Nothing is
 * kept in memory for a consumer that is not there: such a publish is refused, and the device resends.
 */
import { shardOf } from '../../../core/devices/index.js';
import type { Position } from '../../../core/model/index.js';
import type { Bus, Consumption, PositionHandler } from '../../../ports/bus.js';

export class MemoryBus implements Bus {
  private readonly handlers = new Map<number, PositionHandler>();

  constructor(readonly shardCount = 1) {}

  publish(positions: readonly Position[]): Promise<void> {
    if (positions.length === 0) return Promise.resolve();
    const batches = new Map<PositionHandler, Position[]>();
    for (const position of positions) {
      const shard = this.shardCount === 1 ? 0 : shardOf(position.deviceId, this.shardCount);
      const handler = this.handlers.get(shard);
      if (handler === undefined) return Promise.reject(new Error(`no consumer takes shard ${shard} of the in-process bus`));
      const batch = batches.get(handler);
      if (batch === undefined) batches.set(handler, [position]);
      else batch.push(position);
    }
    // The common case, one consumer for everything, hands the caller's array on as it is.
    if (batches.size === 1) return [...batches.keys()][0]!(positions);
    return Promise.all([...batches].map(([handler, batch]) => handler(batch))).then(() => undefined);
  }

  consume(shards: readonly number[], handler: PositionHandler): Promise<Consumption> {
    for (const shard of shards) {
      if (!Number.isInteger(shard) || shard < 0 || shard >= this.shardCount) return Promise.reject(new RangeError(`no shard ${shard} of ${this.shardCount}`));
      if (this.handlers.has(shard)) return Promise.reject(new Error(`shard ${shard} of the in-process bus has a consumer already`));
    }
    for (const shard of shards) this.handlers.set(shard, handler);
    return Promise.resolve({
      shards: [...shards],
      stop: () => {
        for (const shard of shards) if (this.handlers.get(shard) === handler) this.handlers.delete(shard);
        return Promise.resolve();
      },
    });
  }

  close(): Promise<void> {
    this.handlers.clear();
    return Promise.resolve();
  }
}
