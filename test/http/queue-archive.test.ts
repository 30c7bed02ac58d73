/** Finished trucks leave the live queue after a day, by the timer, and stay readable from the store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { CONSOLE_USER, wirePlatform } from '../../src/apps/platform.js';
import { ServiceError } from '../../src/services/service-error.js';
import { ALMATY, BISHKEK, KORDAY, SEAL, validDeclaration } from '../support/fixtures.js';

const HOUR = 3_600_000;

describe('queue archive', () => {
  it('lets finished trucks go from the live queue after a day, keeps their rows, and replays the same after a restart', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'corridor-queue-archive-'));
    try {
      let now = Date.parse('2025-11-20T08:00:00.000Z');
      const clock = { now: () => new Date(now) };
      const open = async () => {
        const store = openSqliteStore(join(directory, 'corridor.db'));
        await store.migrate();
        return wirePlatform(store, clock);
      };
      let platform = await open();
      for (const office of [BISHKEK, ALMATY]) await platform.reference.put(CONSOLE_USER, 'offices', office);
      await platform.reference.put(CONSOLE_USER, 'crossings', KORDAY);
      await platform.reference.put(CONSOLE_USER, 'devices', SEAL);
      const created = await platform.declarations.create(CONSOLE_USER, validDeclaration('ARCHIVE-1'));
      await platform.declarations.submit(CONSOLE_USER, created.id);

      const entry = (await platform.queue.checkIn(CONSOLE_USER, KORDAY.code, { declarationId: created.id })).entry;
      now += 60_000;
      await platform.queue.callNext(CONSOLE_USER, KORDAY.code, 'L1');
      await platform.queue.arrive(CONSOLE_USER, KORDAY.code, entry.id);
      await platform.queueTimers.sweep();
      expect((await platform.queueViews.entry(CONSOLE_USER, KORDAY.code, entry.id)).status).toBe('served');

      now += 25 * HOUR;
      await platform.queueTimers.sweep();
      const gone = platform.queueViews.entry(CONSOLE_USER, KORDAY.code, entry.id);
      await expect(gone).rejects.toBeInstanceOf(ServiceError);
      const rows = await platform.queueViews.ownTrucks(CONSOLE_USER, { offset: 0, limit: 10 });
      expect(rows.items.map((row) => [row.id, row.status])).toEqual([[entry.id, 'served']]);
      const version = (await platform.queue.settings(CONSOLE_USER, KORDAY.code)).version;

      await platform.close();
      platform = await open();
      expect((await platform.queue.settings(CONSOLE_USER, KORDAY.code)).version).toBe(version);
      await expect(platform.queueViews.entry(CONSOLE_USER, KORDAY.code, entry.id)).rejects.toBeInstanceOf(ServiceError);
      await platform.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
