/** The store suite on PostgreSQL, each store in a throwaway schema (test/support/store-backends.ts), and the setup. */
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
