/**
 * Keeps the position partitions of a PostgreSQL store made ahead and past the retention dropped: at start, then
 * hourly, from every process that writes positions (the maintenance serialises itself in the database).
 */
import type { GatewayLog } from '../../adapters/gateway/gateway-context.js';
import type { Store } from '../../ports/store.js';

const EVERY_MS = 3_600_000;

export async function startPartitionMaintenance(store: Store, retentionDays: number | undefined, log: Pick<GatewayLog, 'info' | 'error'>): Promise<{ stop(): void }> {
  const partitions = store.positionPartitions;
  if (partitions === undefined) return { stop: () => undefined };
  const run = async () => {
    try {
      const { created, dropped } = await partitions.maintain(Date.now(), { retentionDays: retentionDays ?? null });
      if (created.length > 0 || dropped.length > 0) log.info({ created, dropped }, 'position partitions');
    } catch (error) {
      log.error({ err: error }, 'position partition maintenance failed; tried again in an hour');
    }
  };
  await run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
