/** What `GET /queues` tells of each crossing's queue, as the map and the crossings page both read it. */
import type { StateCounts } from '../../src/core/queue/board.js';
import type { Api } from './api.js';

/** The trucks still to be served by state, by the code of each crossing that has a queue. */
export async function queueTotals(api: Api): Promise<Map<string, StateCounts>> {
  const { items } = await api.get<{ items: Array<{ crossing: string; total: StateCounts }> }>('/queues');
  return new Map(items.map((queue) => [queue.crossing, queue.total]));
}
