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
  /** An auto-numbered primary key for append-only logs. */
  identity: { type: ColumnDataType; build: (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder };
}

export function columnTypes(dialect: StoreDialect): ColumnTypes {
  if (dialect === 'postgres') {
    return {
      json: 'jsonb',
      timestamp: 'timestamptz',
      identity: { type: 'bigint', build: (column) => column.generatedAlwaysAsIdentity().primaryKey() },
    };
  }
  return {
    json: 'text',
    timestamp: 'text',
    // AUTOINCREMENT keeps SQLite from ever reusing the id of a deleted last row.
    identity: { type: 'integer', build: (column) => column.primaryKey().autoIncrement() },
  };
}
