/**
 * A fresh store on every backend the machine has: SQLite in memory, and PostgreSQL in a throwaway schema of its
 * own (named after the file's run, so parallel runs never meet) when one is configured. The schemas are dropped
 * when each store is done.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/ports/store.js';
import { postgresUrl } from './services.js';

export type OpenFreshStore = () => Promise<{ store: Store; dispose(): Promise<void> }>;

/** Pairs of backend name and opener; `prefix` names the PostgreSQL schemas. Call at a test file's top level. */
export function storeBackends(prefix: string): Array<[string, OpenFreshStore]> {
  const sqlite: OpenFreshStore = async () => {
    const store = openSqliteStore(':memory:');
    await store.migrate();
    return { store, dispose: () => store.close() };
  };
  const url = postgresUrl();
  if (url === undefined) return [['SQLite', sqlite]];

  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const run = `test_${prefix}_${randomBytes(4).toString('hex')}`;
  let stores = 0;
  afterAll(() => admin.end());
  const postgres: OpenFreshStore = async () => {
    const schema = `${run}_${++stores}`;
    const store = openPostgresStore(url, { schema });
    await store.migrate();
    return {
      store,
      dispose: async () => {
        await store.close();
        await admin.query(`drop schema if exists ${schema} cascade`);
      },
    };
  };
  return [['SQLite', sqlite], ['PostgreSQL', postgres]];
}
