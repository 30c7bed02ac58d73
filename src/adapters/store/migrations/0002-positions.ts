/**
 * Positions of the navigation seals, and each device's latest one. Times are integers of milliseconds since
 * the epoch, as the devices report them, so that ingest converts nothing and the key compares exactly.
 */
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

/** The columns a position has in both tables, in the same order. */
function positionColumns(table: CreateTableBuilder<string>, { int64, flag, json }: ColumnTypes): CreateTableBuilder<string, string> {
  return (
    table
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('device_time', int64, (c) => c.notNull())
      .addColumn('received_time', int64, (c) => c.notNull())
      // -1 stands for "no sequence": a NULL would never conflict in a unique key, on either engine, so a
      // resent position without a sequence would be stored twice.
      .addColumn('sequence', int64, (c) => c.notNull())
      .addColumn('lat', 'double precision', (c) => c.notNull())
      .addColumn('lon', 'double precision', (c) => c.notNull())
      .addColumn('altitude', 'double precision')
      .addColumn('speed', 'double precision', (c) => c.notNull())
      .addColumn('course', 'double precision', (c) => c.notNull())
      .addColumn('satellites', 'integer')
      .addColumn('valid', flag, (c) => c.notNull())
      .addColumn('attributes', json, (c) => c.notNull())
      .addColumn('seal', json)
  );
}

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  // The key is the deduplication rule and the index of every track query (one device, a time range, in
  // order), so no other index is needed and ingest maintains only this one.
  await positionColumns(db.schema.createTable('positions'), types)
    .addPrimaryKeyConstraint('positions_pk', ['device_id', 'device_time', 'sequence'])
    .execute();
  await positionColumns(db.schema.createTable('device_latest'), types)
    .addPrimaryKeyConstraint('device_latest_pk', ['device_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('device_latest').ifExists().execute();
  await db.schema.dropTable('positions').ifExists().execute();
}
