/** The demo's border queues: a backlog at the two busiest crossings that has waited, some trucks holding for their papers. */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { seedDemo } from '../../src/apps/cli/demo.js';
import { seedDemoQueues } from '../../src/apps/cli/demo-queues.js';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';

const HOUR = 3_600_000;

describe('serve --demo queues', () => {
  it('queues the trucks of the two busiest crossings, once, incomplete papers holding', async () => {
    const store = openStore(':memory:');
    await store.migrate();
    const platform = wirePlatform(store);
    await seedDemo(platform, '2025-11-20');
    const now = Date.now();
    const first = await seedDemoQueues(platform, now);
    expect(first.crossings).toHaveLength(2);
    expect(first.checkedIn).toBeGreaterThan(20);
    expect(first.holding).toBeGreaterThan(0);
    expect(first.booked).toBeGreaterThan(0);
    expect(first.called).toBeGreaterThan(10);

    const board = await platform.queueViews.board(CONSOLE_USER, first.crossings[0]!);
    expect(board.total.waiting + board.total.holding + board.total.booked).toBeGreaterThan(10);
    expect(board.backlog.releaseRatePerHour).toBe(20);
    expect(board.total.holding).toBeGreaterThan(0);
    expect(board.waitsOfCalledLastDay.count).toBeGreaterThan(5);
    expect(board.waitingNow.medianMs).toBeGreaterThan(HOUR);
    expect(board.accuracy.first.overall.count).toBeGreaterThan(5);

    const versions = await Promise.all(first.crossings.map(async (code) => (await platform.queue.settings(CONSOLE_USER, code)).version));
    await seedDemoQueues(platform, now);
    expect(await Promise.all(first.crossings.map(async (code) => (await platform.queue.settings(CONSOLE_USER, code)).version))).toEqual(versions);
    await platform.close();
  });
});
