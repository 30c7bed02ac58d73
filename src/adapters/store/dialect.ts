/** The SQL engines the store runs on, and what differs between them beyond the SQL Kysely writes. */
import type { Store } from '../../ports/store.js';

export type StoreDialect = Store['dialect'];

/**
 * The most bound parameters one statement may carry: SQLite's default SQLITE_MAX_VARIABLE_NUMBER since
 * 3.32, and the 16-bit parameter count of PostgreSQL's wire protocol. Multi-row inserts are chunked below it.
 */
export const MAX_PARAMETERS: Record<StoreDialect, number> = {
  sqlite: 32_766,
  postgres: 65_535,
};
