/**
 * The demo's border queues: the two crossings with the most demo declarations get a queue that has run for the
 * last twelve hours. Their trucks arrived one by one over that time (a tenth booked slots in the coming hours
 * instead; those with incomplete papers wait in the holding state), the lanes called what the backlog's release
 * rate of 2 trucks an hour allowed, and now the rate is raised to 20 an hour: a backlog being released step by
 * step, with waiting times, throughput and estimate accuracy to show. Channels are drawn as risk assessment
 * spreads them (mostly green). Seeded; a crossing that has a queue already is left as it is.
 *
 * The past is played on a queue service of its own with a clock that walks through those twelve hours, over the
 * same store; the server loads the queues from the store when it first needs them.
 */
import { createRng } from '../../core/random/index.js';
import type { Channel } from '../../core/queue/index.js';
import type { Declaration } from '../../core/model/index.js';
import { ServiceError } from '../../services/service-error.js';
import { CONSOLE_USER, wirePlatform, type Platform } from '../platform.js';

const QUEUE_CROSSINGS = 2;
const BOOKED_SHARE = 0.1;
const HOUR = 3_600_000;
const HISTORY_MS = 12 * HOUR;
const PAST_RELEASE_PER_HOUR = 2;
const RELEASE_PER_HOUR = 20;
/** How long a called truck takes to drive up to its lane. */
const DRIVE_UP_MS = 5 * 60_000;

export interface DemoQueues {
  crossings: string[];
  checkedIn: number;
  booked: number;
  holding: number;
  called: number;
}

/** The crossings with the most queueable demo declarations, and those declarations, oldest first. */
async function busiestCrossings(platform: Platform): Promise<Array<[string, Declaration[]]>> {
  const all = await platform.store.declarations.list({ limit: 10_000, offset: 0 });
  const byCrossing = new Map<string, Declaration[]>();
  for (const declaration of [...all.items].reverse()) {
    if (declaration.status !== 'accepted' && declaration.status !== 'incomplete') continue;
    byCrossing.set(declaration.borderCrossing, [...(byCrossing.get(declaration.borderCrossing) ?? []), declaration]);
  }
  return [...byCrossing.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, QUEUE_CROSSINGS);
}

export async function seedDemoQueues(platform: Platform, now = Date.now()): Promise<DemoQueues> {
  const rng = createRng('corridor-demo-queues');
  let t = now - HISTORY_MS;
  const past = wirePlatform(platform.store, { now: () => new Date(t) });
  const busiest = await busiestCrossings(platform);
  const summary: DemoQueues = { crossings: busiest.map(([code]) => code), checkedIn: 0, booked: 0, holding: 0, called: 0 };
  for (const [crossing, declarations] of busiest) {
    if ((await platform.store.queues.get(crossing)) !== undefined) continue;
    t = now - HISTORY_MS;
    const step = HISTORY_MS / declarations.length;
    let lanes: string[] = [];
    let onTheirWay: string[] = [];
    for (const [index, declaration] of declarations.entries()) {
      t = Math.round(now - HISTORY_MS + index * step);
      const channel = rng.weighted<Channel>([['green', 70], ['yellow', 20], ['red', 10]]);
      if (rng.chance(BOOKED_SHARE)) {
        const slotStart = now + (1 + (index % 6)) * HOUR;
        await past.queue.book(CONSOLE_USER, crossing, { declarationId: declaration.id, slotStart, slotEnd: slotStart + HOUR });
        summary.booked++;
      } else {
        const outcome = await past.queue.checkIn(CONSOLE_USER, crossing, { declarationId: declaration.id, channel });
        summary.checkedIn++;
        if (outcome.entry.status === 'holding') summary.holding++;
      }
      if (index === 0) {
        await past.queue.setReleaseRate(CONSOLE_USER, crossing, { ratePerHour: PAST_RELEASE_PER_HOUR, burst: 1, reason: 'demo: the backlog held back while the lanes were short of staff' });
        lanes = (await past.queue.settings(CONSOLE_USER, crossing)).lanes.map((lane) => lane.id);
      }
      t += DRIVE_UP_MS;
      for (const entryId of onTheirWay) await past.queue.arrive(CONSOLE_USER, crossing, entryId);
      onTheirWay = [];
      // The board's read refreshes the estimates, so the calls below are measured against them.
      await past.queueViews.board(CONSOLE_USER, crossing);
      for (const lane of lanes) {
        try {
          onTheirWay.push((await past.queue.callNext(CONSOLE_USER, crossing, lane)).entry.id);
          summary.called++;
        } catch (error) {
          // A lane that is busy, or a backlog held by the release rate, waits for the next step.
          if (!(error instanceof ServiceError)) throw error;
        }
      }
    }
    t = now;
    for (const entryId of onTheirWay) await past.queue.arrive(CONSOLE_USER, crossing, entryId);
    await past.queue.setReleaseRate(CONSOLE_USER, crossing, { ratePerHour: RELEASE_PER_HOUR, reason: 'demo: the backlog released step by step' });
  }
  return summary;
}
