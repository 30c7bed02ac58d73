/** The border queue's services, wired together over one registry of live queues. */
import type { ApproachingTrucks } from '../../ports/approaching-trucks.js';
import type { Clock } from '../../ports/clock.js';
import type { Store } from '../../ports/store.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { QueueRegistry } from './queue-registry.js';
import { QueueService } from './queue-service.js';
import { QueueTimers } from './queue-timers.js';
import { DEFAULT_REFRESH, QueueViews, type RefreshPolicy } from './queue-views.js';

export { QueueService, type EntryOutcome, type SettingsOutcome } from './queue-service.js';
export { QueueTimers } from './queue-timers.js';
export type { EntryView, QueueSettingsView } from './views.js';
export { DEFAULT_REFRESH, QueueViews, type BoardView, type EntryDetail, type OwnTruck, type PublicView, type RefreshPolicy } from './queue-views.js';

export interface QueueServices {
  queue: QueueService;
  queueViews: QueueViews;
  queueTimers: QueueTimers;
}

export function wireQueues(store: Store, auth: AuthService, clock: Clock, audit: Audit, approaching?: ApproachingTrucks, refresh: RefreshPolicy = DEFAULT_REFRESH): QueueServices {
  const registry = new QueueRegistry(store, clock);
  const queue = new QueueService(store, registry, auth, clock, audit);
  return {
    queue,
    queueViews: new QueueViews(store, registry, auth, clock, refresh, approaching),
    queueTimers: new QueueTimers(registry, clock, audit, refresh, queue),
  };
}
