/**
 * The migration that gives declarations their customs procedure: those stored before it were transit declarations
 * (the only procedure the platform knew), so they come out of it as transit, with the rest of them unchanged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { declarationRow } from '../../src/adapters/store/declaration-rows.js';
import { migrationProvider } from '../../src/adapters/store/migrations/migrations.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { fullInput, newDeclaration } from './fixtures.js';

describe('the customs procedure migration', () => {
  it('makes the declarations stored before it transit declarations', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corridor-procedure-'));
    const file = join(dir, 'before.db');
    const before = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
    expect((await new Migrator({ db: before, provider: migrationProvider('sqlite') }).migrateTo('0008-position-partitions')).error).toBeUndefined();
    const { procedure: _procedure, ...input } = fullInput();
    const { procedure: _column, ...row } = declarationRow(newDeclaration('d1', input));
    await (before as Kysely<{ declarations: typeof row }>).insertInto('declarations').values(row).execute();
    await before.destroy();

    const store = openSqliteStore(file);
    await store.migrate();
    expect(await store.declarations.get('d1')).toMatchObject({ reference: input.reference, procedure: 'transit', goods: [] });
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
});
