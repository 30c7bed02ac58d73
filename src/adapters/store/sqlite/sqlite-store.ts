/** The store in one SQLite file: the embedded default, zero setup. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../../../ports/store.js';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';
import { withStatementCache } from './statement-cache.js';

/** How long a writer waits for another process's write lock before SQLite reports the database busy. */
const BUSY_TIMEOUT_MS = 5_000;
/**
 * WAL pages after which a commit checkpoints them into the database file (about 40 MiB at 4 KiB pages).
 * Each checkpoint syncs the file; at the default 1,000 pages a batch of positions, whose index entries land
 * on as many pages as there are devices in it, checkpointed at nearly every commit and ran at half the rate.
 */
const WAL_CHECKPOINT_PAGES = 10_000;

/** Opens (creating it and its directory when missing) the SQLite file at `path`; `:memory:` for tests. */
export function openSqliteStore(path: string): Store {
  if (path !== ':memory:' && path !== '') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  try {
    // WAL lets readers run beside the one writer; NORMAL syncs at checkpoints, not at every commit, which
    // in WAL mode still never corrupts the file and loses at most the last commits on a power cut.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    database.close();
    throw error;
  }
  return new KyselyStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), 'sqlite');
}
