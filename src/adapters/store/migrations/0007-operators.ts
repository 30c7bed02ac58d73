/**
 * National operators: tracking-obligation decisions per declaration, the outbox and inbox of signed messages
 * exchanged with other countries' operators, and per transit which operator tracks it now.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { int64, json, timestamp, flag }: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('tracking_obligations')
    .addColumn('declaration_id', 'text', (c) => c.primaryKey())
    .addColumn('required', flag, (c) => c.notNull())
    .addColumn('rules_id', 'text', (c) => c.notNull())
    .addColumn('rules_version', 'integer', (c) => c.notNull())
    .addColumn('decision', json, (c) => c.notNull())
    .addColumn('decided_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('exchange_sequences')
    .addColumn('peer', 'text', (c) => c.primaryKey())
    .addColumn('last_sequence', int64, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('exchange_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('peer', 'text', (c) => c.notNull())
    .addColumn('sequence', int64, (c) => c.notNull())
    .addColumn('transit_id', 'text', (c) => c.notNull())
    .addColumn('message', json, (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_ms', int64, (c) => c.notNull())
    .addColumn('delivered_at', timestamp)
    .addColumn('last_error', 'text')
    .addUniqueConstraint('exchange_outbox_sequence', ['peer', 'sequence'])
    .execute();
  await db.schema.createIndex('exchange_outbox_due').on('exchange_outbox').columns(['delivered_at', 'next_attempt_ms']).execute();
  await db.schema.createIndex('exchange_outbox_transit').on('exchange_outbox').columns(['transit_id', 'created_at']).execute();
  await db.schema
    .createTable('exchange_inbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sender', 'text', (c) => c.notNull())
    .addColumn('sequence', int64, (c) => c.notNull())
    .addColumn('transit_id', 'text', (c) => c.notNull())
    .addColumn('message', json, (c) => c.notNull())
    .addColumn('received_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exchange_inbox_transit').on('exchange_inbox').columns(['transit_id', 'received_at']).execute();
  await db.schema
    .createTable('operator_transits')
    .addColumn('transit_id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('route', json, (c) => c.notNull())
    .addColumn('tracked_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notice', json)
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['operator_transits', 'exchange_inbox', 'exchange_outbox', 'exchange_sequences', 'tracking_obligations']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
