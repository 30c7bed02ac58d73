/** Chooses the backend from one configuration string (`CORRIDOR_DB`): a PostgreSQL URL or a SQLite file path. */
import type { Store } from '../../ports/store.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

/** `postgres://` or `postgresql://` opens PostgreSQL; anything else is a SQLite file path (or `:memory:`). */
export function openStore(db: string): Store {
  return isPostgresUrl(db) ? openPostgresStore(db) : openSqliteStore(db);
}
