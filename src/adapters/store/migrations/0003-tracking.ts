/**
 * Tracking: trips and the seals they hold, each open trip's engine state, the events the engine raised, alerts and
 * their history. Event and alert times are integers of milliseconds since the epoch, as on positions.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  const { json, timestamp, int64, identity } = types;

  await db.schema
    .createTable('trips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('declaration_id', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('seal_ids', json, (c) => c.notNull())
    .addColumn('plan', json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', timestamp, (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', timestamp)
    .addColumn('closed_by', 'text')
    .execute();
  for (const column of ['status', 'owner', 'declaration_id']) {
    await db.schema.createIndex(`trips_${column}_idx`).on('trips').column(column).execute();
  }

  // A seal on an open trip, one row a seal: the key is what refuses a seal armed on a second open trip.
  await db.schema
    .createTable('trip_open_seals')
    .addColumn('seal_id', 'text', (c) => c.primaryKey())
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .execute();

  // Apart from the trip, whose plan is large: the state is rewritten after every batch of positions.
  await db.schema
    .createTable('trip_states')
    .addColumn('trip_id', 'text', (c) => c.primaryKey().references('trips.id').onDelete('cascade'))
    .addColumn('state', json, (c) => c.notNull())
    .addColumn('cursor', json)
    .addColumn('ticked_at', int64)
    .execute();

  await db.schema
    .createTable('trip_events')
    .addColumn('seq', identity.type, identity.build)
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('at', int64, (c) => c.notNull())
    .addColumn('position', json)
    .addColumn('rule', json, (c) => c.notNull())
    .addColumn('details', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trip_events_trip_idx').on('trip_events').columns(['trip_id', 'seq']).execute();

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('fold_key', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_seen', int64, (c) => c.notNull())
    .addColumn('last_seen', int64, (c) => c.notNull())
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    .addColumn('ended_at', int64)
    .addColumn('position', json)
    .addColumn('rule', json, (c) => c.notNull())
    .addColumn('details', json, (c) => c.notNull())
    .addColumn('first_event_id', 'text', (c) => c.notNull())
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alerts_status_idx').on('alerts').column('status').execute();
  await db.schema.createIndex('alerts_trip_idx').on('alerts').columns(['trip_id', 'fold_key']).execute();

  await db.schema
    .createTable('alert_actions')
    .addColumn('seq', identity.type, identity.build)
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('alert_actions_alert_idx').on('alert_actions').columns(['alert_id', 'seq']).execute();
}

const TABLES = ['alert_actions', 'alerts', 'trip_events', 'trip_states', 'trip_open_seals', 'trips'];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
}
