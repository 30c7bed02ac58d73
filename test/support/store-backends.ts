/**
 * A fresh store on every backend the machine has: SQLite in memory, and PostgreSQL in a throwaway schema of its
 * own (named after the file's run, so parallel runs never meet) when one is configured. Each schema is dropped
 * when its store is done, and whatever a failed test left behind when the file is done.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/adapters/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/ports/store.js';
import { postgresUrl } from './services.js';

export type OpenFreshStore = () => Promise<{ store: Store; dispose(): Promise<void> }>;

const sqliteInMemory: OpenFreshStore = async () => {
  const store = openSqliteStore(':memory:');
  await store.migrate();
  return { store, dispose: () => store.close() };
};

/** Opens a fresh store before each test of the enclosing describe, hands it to `use`, and disposes of it after. */
export function freshStoreEachTest(open: OpenFreshStore, use: (store: Store) => void): void {
  let dispose: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const opened = await open();
    dispose = opened.dispose;
    use(opened.store);
  });
  afterEach(() => dispose?.());
}

/** Pairs of backend name and opener; `prefix` names the PostgreSQL schemas. Call at a test file's top level. */
export function storeBackends(prefix: string): Array<[string, OpenFreshStore]> {
  const postgres = postgresStores(prefix);
  return postgres === undefined ? [['SQLite', sqliteInMemory]] : [['SQLite', sqliteInMemory], ['PostgreSQL', postgres]];
}

/** The PostgreSQL opener alone, with the URL and schema prefix it uses; undefined when none is configured. */
export function postgresStores(prefix: string): (OpenFreshStore & { url: string; run: string }) | undefined {
  const url = postgresUrl();
  if (url === undefined) return undefined;
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const run = `test_${prefix}_${randomBytes(4).toString('hex')}`;
  const drop = async (schema: string) => {
    await admin.query(`drop schema if exists ${schema} cascade`);
  };
  afterAll(async () => {
    const left = await admin.query<{ name: string }>('select nspname as name from pg_namespace where nspname like $1', [`${run}%`]);
    for (const { name } of left.rows) await drop(name);
    await admin.end();
  });
  let stores = 0;
  const open: OpenFreshStore = async () => {
    const schema = `${run}_${++stores}`;
    const store = openPostgresStore(url, { schema });
    await store.migrate();
    return {
      store,
      dispose: async () => {
        await store.close();
        await drop(schema);
      },
    };
  };
  return Object.assign(open, { url, run });
}
