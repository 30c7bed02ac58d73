/**
 * The store suite on PostgreSQL. Every store gets a throwaway schema of its own in the shared `test`
 * database (named after this file's run, so parallel runs never meet), dropped when the store is done.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/adapters/store/open-store.js';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { postgresUrl } from '../support/services.js';
import { fullInput, newDeclaration } from './fixtures.js';
import { describeStoreSuite } from './store-suite.js';

const url = postgresUrl();
const run = `test_${randomBytes(4).toString('hex')}`;
let stores = 0;
const admin = url === undefined ? undefined : new pg.Pool({ connectionString: url, max: 2 });

async function dropSchema(schema: string): Promise<void> {
  await admin?.query(`drop schema if exists ${schema} cascade`);
}

afterAll(async () => {
  // Whatever a failed test left behind goes too.
  const left = await admin?.query<{ name: string }>(
    `select nspname as name from pg_namespace where nspname like $1`,
    [`${run}%`],
  );
  for (const { name } of left?.rows ?? []) await dropSchema(name);
  await admin?.end();
});

if (url !== undefined) {
  describeStoreSuite('PostgreSQL store', async () => {
    const schema = `${run}_${++stores}`;
    const store = openPostgresStore(url, { schema });
    await store.migrate();
    return {
      store,
      dispose: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

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
