/** Devices refused because they are not registered, for an operator to register (see ports/unknown-devices.ts). */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { int64 }: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('unknown_devices')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('remote', 'text', (c) => c.notNull())
    .addColumn('attempts', int64, (c) => c.notNull())
    .addColumn('first_seen_ms', int64, (c) => c.notNull())
    .addColumn('last_seen_ms', int64, (c) => c.notNull())
    .addPrimaryKeyConstraint('unknown_devices_pk', ['device_id', 'protocol'])
    .execute();
  // The list is read, and trimmed to its cap, by the latest refusal.
  await db.schema.createIndex('unknown_devices_last_seen').on('unknown_devices').column('last_seen_ms').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unknown_devices').execute();
}
