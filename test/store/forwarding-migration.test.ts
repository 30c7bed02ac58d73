/**
 * The migration that gives a transit's forwarding a cursor for each seal: the one cursor kept before it becomes where
 * every seal's forwarding begins, and back down, the latest of the seals' cursors is the transit's one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/adapters/store/migrations/migrations.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';

interface Before {
  operator_transits: { transit_id: string; reference: string; route: string; tracked_by: string; status: string; notice: string | null; forwarded: string | null; updated_at: string };
}

const BEFORE = '0014-taken-behind';

describe('the forwarding cursors migration', () => {
  it("makes a transit's one cursor where every seal's forwarding begins, and back down the latest seal cursor the one", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corridor-forwarding-'));
    const file = join(dir, 'before.db');
    const before = new Kysely<Before>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    expect((await new Migrator({ db: before, provider: migrationProvider('sqlite') }).migrateTo(BEFORE)).error).toBeUndefined();
    const cursor = { receivedTime: 2_000, deviceTime: 1_000, sequence: 7, deviceId: 'S1' };
    const transit = (id: string, forwarded: string | null) => ({ transit_id: id, reference: id, route: '["KG","KZ","RU"]', tracked_by: 'KZ', status: 'handed_over', notice: null, forwarded, updated_at: '2026-02-11T09:00:00.000Z' });
    await before.insertInto('operator_transits').values([transit('t1', JSON.stringify(cursor)), transit('t2', null)]).execute();
    await before.destroy();

    const store = openSqliteStore(file);
    await store.migrate();
    const t1 = (await store.exchange.getTransit('t1'))!;
    expect(t1.forwarded).toStrictEqual({ since: cursor, seals: {} });
    expect((await store.exchange.getTransit('t2'))?.forwarded).toBeNull();
    const later = { receivedTime: 3_000, deviceTime: 2_500, sequence: 1, deviceId: 'S2' };
    await store.exchange.saveTransit({ ...t1, forwarded: { since: cursor, seals: { S2: later } } });
    await store.close();

    const after = new Kysely<Before>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    expect((await new Migrator({ db: after, provider: migrationProvider('sqlite') }).migrateTo(BEFORE)).error).toBeUndefined();
    const rows = await after.selectFrom('operator_transits').select(['transit_id', 'forwarded']).orderBy('transit_id').execute();
    expect(rows).toEqual([{ transit_id: 't1', forwarded: JSON.stringify(later) }, { transit_id: 't2', forwarded: null }]);
    await after.destroy();
    await rm(dir, { recursive: true, force: true });
  });
});
