/**
 * The few column types that differ between the dialects, decided here once so that the one migration set
 * serves both. Everything else (text, integer, double precision) means the same on SQLite and PostgreSQL.
 */
import type { ColumnDataType, ColumnDefinitionBuilder } from 'kysely';
import type { StoreDialect } from '../dialect.js';

export interface ColumnTypes {
  /** JSON documents: `jsonb` on PostgreSQL (validated, queryable), plain text on SQLite. */
  json: ColumnDataType;
  /** Instants: `timestamptz` on PostgreSQL; canonical ISO 8601 UTC text on SQLite, which sorts as time. */
  timestamp: ColumnDataType;
  /**
   * A 64-bit integer, such as milliseconds since the epoch: `bigint` on PostgreSQL, whose `integer` stops at
   * 2^31; SQLite's `integer` is 64-bit already.
   */
  int64: ColumnDataType;
  /** A yes or no: `boolean` on PostgreSQL; SQLite has none, so `integer` 0 or 1 (the codec's `encodeFlag`). */
  flag: ColumnDataType;
  /** An auto-numbered primary key for append-only logs. */
  identity: { type: ColumnDataType; build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder };
}

export function columnTypes(dialect: StoreDialect): ColumnTypes {
  if (dialect === 'postgres') {
    return {
      json: 'jsonb',
      timestamp: 'timestamptz',
      int64: 'bigint',
      flag: 'boolean',
      identity: { type: 'bigint', build: (column) => column.generatedAlwaysAsIdentity().primaryKey() },
    };
  }
  return {
    json: 'text',
    timestamp: 'text',
    int64: 'integer',
    flag: 'integer',
    // AUTOINCREMENT keeps SQLite from ever reusing the id of a deleted last row.
    identity: { type: 'integer', build: (column) => column.primaryKey().autoIncrement() },
  };
}
