/** Leases on the bus's shards, held by the tracker processes that follow their devices (see ports/shard-leases.ts). */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { int64 }: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('shard_leases')
    .addColumn('shard', 'integer', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('expires_ms', int64, (c) => c.notNull())
    .addColumn('wanted_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shard_leases').execute();
}
