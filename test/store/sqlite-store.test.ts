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
