/** The store on PostgreSQL: for more than one process, or more data than one machine's file should hold. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Store } from '../../../ports/store.js';
import { KyselyStore } from '../kysely-store.js';
import { PostgresPositionPartitions } from './position-partitions.js';
import { PostgresPositionRepository } from './postgres-position-repository.js';
import type { Database } from '../schema.js';

export interface PostgresStoreOptions {
  /**
   * The schema that holds the tables (the connection's search_path), created by `migrate` when missing;
   * lower-case letters, digits and underscores. Tests give each suite a throwaway one.
   */
  schema?: string;
  /** Most connections the pool opens. */
  maxConnections?: number;
  /** Told of an error on an idle pooled connection (the pool drops it and opens another when needed). */
  onIdleError?: (error: Error) => void;
  /** Told of every query the repositories run through Kysely, with its parameters (tests EXPLAIN them). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

// PostgreSQL type ids, from pg_type.
const INT8 = 20;
const NUMERIC = 1700;
const JSON_TYPE = 114;
const JSONB = 3802;
const TIMESTAMPTZ = 1184;

/**
 * The one place where PostgreSQL's values are brought to the shapes the repositories share with SQLite:
 * int8 and numeric (counts, sums) as numbers instead of strings, JSON as its text (decoded by the codec,
 * as on SQLite), timestamptz as canonical ISO 8601 UTC text. Set per pool, never on pg's global parsers,
 * so nothing else in the process is affected.
 */
function typeParsers(): pg.CustomTypesConfig {
  const parseTimestamp = pg.types.getTypeParser(TIMESTAMPTZ, 'text');
  return {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
      switch (oid) {
        case INT8:
        case NUMERIC:
          return (value: string) => Number(value);
        case JSON_TYPE:
        case JSONB:
          return (value: string) => value;
        case TIMESTAMPTZ:
          return (value: string) => {
            const parsed: unknown = parseTimestamp(value);
            // `infinity` and its kin are not instants; they come back as written.
            return parsed instanceof Date && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : value;
          };
        default:
          return pg.types.getTypeParser(oid, format ?? 'text');
      }
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/** Connects lazily: the first query (usually `migrate`) opens the first connection. */
export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new RangeError(`PostgreSQL schema name must match ${SCHEMA_NAME.source}: ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: typeParsers(),
    // Every connection starts in the store's schema, so unqualified table names resolve there.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // Without a listener, an idle connection's error (a server restart) would crash the process.
  pool.on('error', options.onIdleError ?? ((error) => console.warn(`PostgreSQL idle connection: ${error.message}`)));
  // So would a connection's lost while checked out between two statements (a transaction under way): the next
  // statement fails with it, which is where it is handled.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const { onQuery } = options;
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    ...(onQuery ? { log: (event) => void (event.level === 'query' && onQuery(event.query.sql, event.query.parameters)) } : {}),
  });
  return new KyselyStore(db, 'postgres', {
    ...(schema === undefined ? {} : { schema }),
    positions: (kysely, maxParameters) => new PostgresPositionRepository(kysely, maxParameters, pool),
    positionPartitions: (kysely) => new PostgresPositionPartitions(kysely),
  });
}
