/**
 * The migration that gives a trip a cursor for each seal: a cursor saved before it, one for the whole trip, stands for
 * every seal of its trip afterwards, so the trip takes nothing up to it twice and goes on after it for each seal; and
 * back down, the latest seal's cursor is the trip's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/adapters/store/migrations/migrations.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import type { TripState } from '../../src/core/tracking/index.js';
import { T0 } from './fixtures.js';

interface Before {
  trips: { id: string; declaration_id: string; owner: string; seal_ids: string; plan: string; status: string; opened_at: string; opened_by: string };
  trip_states: { trip_id: string; state: string; cursor: string | null; ticked_at: number | null };
}

describe('the seal cursors migration', () => {
  it('gives every seal of a trip the cursor the trip had, and back down the trip its latest seal\'s', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corridor-seal-cursors-'));
    const file = join(dir, 'before.db');
    const before = new Kysely<Before>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    expect((await new Migrator({ db: before, provider: migrationProvider('sqlite') }).migrateTo('0012-transit-forwarded')).error).toBeUndefined();
    const cursor = { receivedTime: 2_000, deviceTime: 1_000, sequence: 7, deviceId: 'S1' };
    const trip = (id: string) => ({ id, declaration_id: `d-${id}`, owner: 'o', seal_ids: JSON.stringify(['S1', 'S2']), plan: '{}', status: 'open', opened_at: T0, opened_by: 'op' });
    await before.insertInto('trips').values([trip('t1'), trip('t2')]).execute();
    await before.insertInto('trip_states').values([
      { trip_id: 't1', state: '{}', cursor: JSON.stringify(cursor), ticked_at: null },
      { trip_id: 't2', state: '{}', cursor: null, ticked_at: null },
    ]).execute();
    await before.destroy();

    const store = openSqliteStore(file);
    await store.migrate();
    expect((await store.trips.progress('t1'))?.cursors).toStrictEqual({ S1: cursor, S2: cursor });
    expect((await store.trips.progress('t2'))?.cursors).toStrictEqual({});
    const later = { receivedTime: 3_000, deviceTime: 2_500, sequence: 1, deviceId: 'S2' };
    await store.trips.saveProgress({ progress: [{ tripId: 't1', state: {} as TripState, cursors: { S1: cursor, S2: later }, tickedAt: null }], events: [], newAlerts: [], folds: [] });
    await store.close();

    // Back down, the trip's one cursor is the last position it took.
    const after = new Kysely<Before>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    expect((await new Migrator({ db: after, provider: migrationProvider('sqlite') }).migrateTo('0012-transit-forwarded')).error).toBeUndefined();
    const cursors = await after.selectFrom('trip_states').select(['trip_id', 'cursor']).orderBy('trip_id').execute();
    expect(cursors).toEqual([{ trip_id: 't1', cursor: JSON.stringify(later) }, { trip_id: 't2', cursor: null }]);
    await after.destroy();
    await rm(dir, { recursive: true, force: true });
  });
});
