/**
 * A platform on PostgreSQL in a schema of the test's own, migrated there, for tests whose processes reach the same
 * schema through the URL's search path. Kysely's migrator, told the schema, looks for its own tables in it alone;
 * migrating through the search path instead, it takes another schema's tables on the same server for its own.
 */
import { loadCountryIndex } from '../../src/adapters/geo/natural-earth.js';
import { openPostgresStore } from '../../src/adapters/store/postgres/postgres-store.js';
import { wirePlatform, type Platform } from '../../src/apps/platform.js';

/** The platform, its tracker on the real borders and ticked by the test alone. */
export async function platformInSchema(url: string, schema: string): Promise<Platform> {
  const store = openPostgresStore(url, { schema });
  await store.migrate();
  return wirePlatform(store, undefined, { tracking: { countries: loadCountryIndex(), tickIntervalMs: 0 } });
}
