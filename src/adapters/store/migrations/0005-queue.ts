/**
 * The border queues: per crossing its configuration and the log that rebuilds its queue, the audited events of
 * the queue, and one row per entry. Times are integers of epoch milliseconds, as the queue's core counts them.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { int64, json, identity }: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('queue_crossings')
    .addColumn('crossing', 'text', (c) => c.primaryKey())
    .addColumn('initial_config', json, (c) => c.notNull())
    .addColumn('config', json, (c) => c.notNull())
    .addColumn('created_ms', int64, (c) => c.notNull())
    .addColumn('log_length', int64, (c) => c.notNull())
    .addColumn('version', int64, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('queue_log')
    .addColumn('crossing', 'text', (c) => c.notNull())
    .addColumn('seq', int64, (c) => c.notNull())
    .addColumn('record', json, (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_log_pk', ['crossing', 'seq'])
    .execute();
  await db.schema
    .createTable('queue_events')
    .addColumn('id', identity.type, identity.build)
    .addColumn('crossing', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('version', int64, (c) => c.notNull())
    .addColumn('at_ms', int64, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', json)
    .execute();
  await db.schema.createIndex('queue_events_entry').on('queue_events').columns(['crossing', 'entry_id', 'id']).execute();
  await db.schema
    .createTable('queue_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('crossing', 'text', (c) => c.notNull())
    .addColumn('declaration_id', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority_class', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('booking_code', 'text')
    .addColumn('slot_start_ms', int64)
    .addColumn('slot_end_ms', int64)
    .addColumn('lookup_code', 'text')
    .addColumn('entered_ms', int64, (c) => c.notNull())
    .addColumn('arrived_ms', int64)
    .addColumn('called_ms', int64)
    .addColumn('done_ms', int64)
    .addColumn('no_shows', 'integer', (c) => c.notNull())
    .addColumn('first_estimate_made_ms', int64)
    .addColumn('first_estimate_call_ms', int64)
    .execute();
  await db.schema.createIndex('queue_entries_crossing').on('queue_entries').columns(['crossing', 'status', 'entered_ms']).execute();
  await db.schema.createIndex('queue_entries_owner').on('queue_entries').columns(['owner', 'entered_ms']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['queue_entries', 'queue_events', 'queue_log', 'queue_crossings']) await db.schema.dropTable(table).ifExists().execute();
}
