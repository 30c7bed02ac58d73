/** The store in one SQLite file: the embedded default, zero setup. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../../../ports/store.js';
import { KyselyStore } from '../kysely-store.js';
import type { Database } from '../schema.js';
import { startCheckpointer } from './checkpointer.js';
import { withStatementCache } from './statement-cache.js';

/** How long a writer waits for another process's write lock before SQLite reports the database busy. */
const BUSY_TIMEOUT_MS = 5_000;
/** Opens (creating it and its directory when missing) the SQLite file at `path`; `:memory:` for tests. */
export function openSqliteStore(path: string): Store {
  if (inFile(path)) mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  try {
    // WAL lets readers run beside the one writer; NORMAL syncs at checkpoints, not at every commit, which
    // in WAL mode still never corrupts the file and loses at most the last commits on a power cut.
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    // Checkpoints run beside the writer in a worker (see checkpointer.ts), never inside a commit.
    if (inFile(path)) database.pragma('wal_autocheckpoint = 0');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  } catch (error) {
    database.close();
    throw error;
  }
  const checkpointer = inFile(path) ? startCheckpointer(path) : undefined;
  return new KyselyStore(new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }), 'sqlite', {
    ...(checkpointer ? { onClose: () => checkpointer.stop() } : {}),
  });
}

const inFile = (path: string) => path !== ':memory:' && path !== '';
