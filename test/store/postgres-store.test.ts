/** The store suite on PostgreSQL, each store in a throwaway schema (test/support/store-backends.ts), and the setup. */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { postgresStores } from '../support/store-backends.js';
import { fullInput, newDeclaration } from './fixtures.js';
import { describeStoreSuite } from './store-suite.js';

const postgres = postgresStores('store');

if (postgres !== undefined) {
  const { url, run } = postgres;
  describeStoreSuite('PostgreSQL store', postgres);

  describe('PostgreSQL store setup', () => {
    it('is chosen by a postgres:// or postgresql:// URL', async () => {
      for (const variant of [url, url.replace(/^postgres(ql)?:/, 'postgresql:')]) {
        const store = openStore(variant);
        expect(store.dialect).toBe('postgres');
        await store.close();
      }
    });

    it('keeps each schema apart', async () => {
      const one = openPostgresStore(url, { schema: `${run}_apart_a` });
      const two = openPostgresStore(url, { schema: `${run}_apart_b` });
      try {
        await Promise.all([one.migrate(), two.migrate()]);
        await one.declarations.insert(newDeclaration('d1', fullInput()));
        expect((await one.declarations.list({ limit: 1, offset: 0 })).total).toBe(1);
        expect((await two.declarations.list({ limit: 1, offset: 0 })).total).toBe(0);
      } finally {
        await one.close();
        await two.close();
      }
    });

    it('migrates the schema its URL names by search_path while another schema of the database holds a store', async () => {
      const other = openPostgresStore(url, { schema: `${run}_path_other` });
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const schema = `${run}_path`;
      const byPath = new URL(url);
      byPath.searchParams.set('options', `-c search_path=${schema}`);
      const store = openPostgresStore(byPath.toString());
      try {
        await other.migrate();
        await admin.query(`create schema ${schema}`);
        await store.migrate();
        await store.declarations.insert(newDeclaration('d1', fullInput()));
        const { rows } = await admin.query<{ n: number }>(`select count(*)::int as n from ${schema}.declarations`);
        expect(rows[0]!.n).toBe(1);
      } finally {
        await store.close();
        await other.close();
        await admin.end();
      }
    });

    it('refuses a schema name that would need quoting', () => {
      expect(() => openPostgresStore(url, { schema: 'x; drop schema public' })).toThrow(RangeError);
      expect(() => openPostgresStore(url, { schema: 'Upper' })).toThrow(RangeError);
    });
  });
} else {
  describe.skip('PostgreSQL store (CORRIDOR_TEST_PG not set)', () => {
    it('runs against a real server', () => {});
  });
}
