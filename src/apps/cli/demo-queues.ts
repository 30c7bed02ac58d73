/**
 * The demo's border queues: the two crossings with the most demo declarations get a queue, every truck bound
 * there checked in (those with incomplete papers wait in the holding state), a few booked for slots in the
 * coming hours instead, and the backlog released at a measured rate. Channels are drawn as risk assessment would
 * spread them (mostly green). Seeded, so the same demo shows the same queues; seeding again changes nothing.
 */
import { createRng } from '../../core/random/index.js';
import type { Channel } from '../../core/queue/index.js';
import type { Platform } from '../platform.js';
import { CONSOLE_USER } from '../platform.js';

const QUEUE_CROSSINGS = 2;
const BOOKED_SHARE = 0.1;
const RELEASE_PER_HOUR = 20;
const HOUR = 3_600_000;

export interface DemoQueues {
  crossings: string[];
  checkedIn: number;
  booked: number;
  holding: number;
}

export async function seedDemoQueues(platform: Platform, now = Date.now()): Promise<DemoQueues> {
  const rng = createRng('corridor-demo-queues');
  const all = await platform.store.declarations.list({ limit: 10_000, offset: 0 });
  const byCrossing = new Map<string, typeof all.items>();
  for (const declaration of all.items) {
    if (declaration.status !== 'accepted' && declaration.status !== 'incomplete') continue;
    byCrossing.set(declaration.borderCrossing, [...(byCrossing.get(declaration.borderCrossing) ?? []), declaration]);
  }
  const busiest = [...byCrossing.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, QUEUE_CROSSINGS);
  const summary: DemoQueues = { crossings: busiest.map(([code]) => code), checkedIn: 0, booked: 0, holding: 0 };
  for (const [crossing, declarations] of busiest) {
    // Oldest first, so the queue's order follows the declarations' order of creation.
    for (const [index, declaration] of [...declarations].reverse().entries()) {
      const channel = rng.weighted<Channel>([['green', 70], ['yellow', 20], ['red', 10]]);
      if (rng.chance(BOOKED_SHARE)) {
        const slotStart = now + (1 + (index % 6)) * HOUR;
        await platform.queue.book(CONSOLE_USER, crossing, { declarationId: declaration.id, slotStart, slotEnd: slotStart + HOUR });
        summary.booked++;
        continue;
      }
      const outcome = await platform.queue.checkIn(CONSOLE_USER, crossing, { declarationId: declaration.id, channel });
      summary.checkedIn++;
      if (outcome.entry.status === 'holding') summary.holding++;
    }
    const settings = await platform.queue.settings(CONSOLE_USER, crossing);
    if (settings.backlog.ratePerHour !== RELEASE_PER_HOUR) {
      await platform.queue.setReleaseRate(CONSOLE_USER, crossing, { ratePerHour: RELEASE_PER_HOUR, reason: 'demo: the backlog released step by step' });
    }
  }
  return summary;
}
