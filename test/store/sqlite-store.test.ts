import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import { fullInput, newDeclaration } from './fixtures.js';
import { describeStoreSuite } from './store-suite.js';

describeStoreSuite('SQLite store in memory', async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  return { store, dispose: () => store.close() };
});

describeStoreSuite('SQLite store in a file', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'corridor-store-'));
  // A directory that does not exist yet: the store creates it.
  const store = openSqliteStore(join(directory, 'nested', 'corridor.db'));
  await store.migrate();
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

describe('SQLite store file', () => {
  it('keeps its data across a close and a reopen, in WAL mode', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'corridor-store-'));
    try {
      const path = join(directory, 'corridor.db');
      const first = openStore(path);
      expect(first.dialect).toBe('sqlite');
      await first.migrate();
      await first.declarations.insert(newDeclaration('d1', fullInput()));
      await first.close();
      await first.close();

      const second = openStore(path);
      await second.migrate();
      expect((await second.declarations.get('d1'))?.reference).toBe('KZ-2025-000001');
      await second.close();

      const { default: SqliteDatabase } = await import('better-sqlite3');
      const raw = new SqliteDatabase(path, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('SQLite positions', () => {
  it('read a track straight off the primary key, with no sort', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'corridor-store-'));
    try {
      const path = join(directory, 'corridor.db');
      const store = openSqliteStore(path);
      await store.migrate();
      await store.close();
      const { default: SqliteDatabase } = await import('better-sqlite3');
      const raw = new SqliteDatabase(path, { readonly: true });
      // The statement the repository's list sends, bounds and limit included.
      const plan = raw
        .prepare(
          'explain query plan select * from "positions" where "device_id" = ? and "device_time" >= ? and "device_time" <= ? ' +
            'order by "device_time", "sequence" limit ?',
        )
        .all('d1', 0, 1, 10) as Array<{ detail: string }>;
      raw.close();
      const details = plan.map((step) => step.detail).join('\n');
      expect(details).toMatch(/SEARCH positions USING INDEX sqlite_autoindex_positions_1 \(device_id=\? AND device_time>\? AND device_time<\?\)/);
      expect(details).not.toMatch(/TEMP B-TREE/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
