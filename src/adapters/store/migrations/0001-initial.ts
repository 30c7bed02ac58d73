/** The first schema: declarations with their goods and history, reference data, users, tokens and the audit log. */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, types: ColumnTypes): Promise<void> {
  const { json, timestamp, identity } = types;

  let declarations = db.schema
    .createTable('declarations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull());
  for (const party of ['consignor', 'consignee', 'carrier']) {
    declarations = declarations
      .addColumn(`${party}_name`, 'text', (c) => c.notNull())
      .addColumn(`${party}_country`, 'text', (c) => c.notNull())
      .addColumn(`${party}_tin`, 'text')
      .addColumn(`${party}_address`, 'text');
  }
  await declarations
    .addColumn('vehicle_plate', 'text', (c) => c.notNull())
    .addColumn('vehicle_country', 'text', (c) => c.notNull())
    .addColumn('vehicle_trailer_plate', 'text')
    .addColumn('office_of_departure', 'text', (c) => c.notNull())
    .addColumn('border_crossing', 'text', (c) => c.notNull())
    .addColumn('office_of_destination', 'text', (c) => c.notNull())
    .addColumn('driver', json)
    .addColumn('documents', json, (c) => c.notNull())
    .addColumn('planned_route', json)
    .addColumn('seals', json, (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addColumn('last_check', json)
    .addColumn('checked_at', timestamp)
    .execute();
  // One index a list filter, and one that serves the list's order (newest first, then id) by a backward scan.
  for (const column of ['status', 'owner', 'border_crossing', 'consignee_tin', 'vehicle_plate']) {
    await db.schema.createIndex(`declarations_${column}_idx`).on('declarations').column(column).execute();
  }
  await db.schema.createIndex('declarations_created_idx').on('declarations').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('goods_items')
    .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('hs_code', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // Double precision holds every JavaScript number exactly, so what is stored is what comes back.
    .addColumn('packages', 'double precision', (c) => c.notNull())
    .addColumn('gross_mass_kg', 'double precision', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('goods_items_pk', ['declaration_id', 'line_no'])
    .execute();
  await db.schema.createIndex('goods_items_hs_code_idx').on('goods_items').column('hs_code').execute();

  await db.schema
    .createTable('declaration_history')
    .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('declaration_history_pk', ['declaration_id', 'seq'])
    .execute();

  await db.schema
    .createTable('offices')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('geofence', json, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('crossings')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country_a', 'text', (c) => c.notNull())
    .addColumn('country_b', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('geofence', json, (c) => c.notNull())
    .addColumn('lanes', json, (c) => c.notNull())
    .addColumn('operating_hours', json)
    .execute();

  await db.schema
    .createTable('carriers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('tin', 'text')
    .addColumn('address', 'text')
    .execute();
  await db.schema.createIndex('carriers_tin_idx').on('carriers').column('tin').execute();

  // No foreign key to carriers: reference data arrives in any order from imports, and a vehicle may be known
  // before its carrier is.
  await db.schema
    .createTable('vehicles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('carrier_id', 'text')
    .addColumn('trailer_plate', 'text')
    .execute();
  await db.schema.createIndex('vehicles_plate_idx').on('vehicles').column('plate').execute();
  await db.schema.createIndex('vehicles_carrier_idx').on('vehicles').column('carrier_id').execute();

  await db.schema
    .createTable('drivers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('licence_number', 'text')
    .addColumn('phone', 'text')
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('protocol', 'text', (c) => c.notNull())
    .addColumn('model', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('nomenclature')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('carrier_id', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tokens')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().references('users.username').onDelete('cascade'))
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tokens_username_idx').on('tokens').column('username').execute();
  await db.schema.createIndex('tokens_expires_idx').on('tokens').column('expires_at').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', identity.type, identity.build)
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('detail', json)
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id', 'id']).execute();
}

const TABLES = [
  'audit_log',
  'tokens',
  'users',
  'nomenclature',
  'devices',
  'drivers',
  'vehicles',
  'carriers',
  'crossings',
  'offices',
  'declaration_history',
  'goods_items',
  'declarations',
];

export async function down(db: Kysely<unknown>): Promise<void> {
  // Children before parents, so the foreign keys never refuse a drop.
  for (const table of TABLES) await db.schema.dropTable(table).ifExists().execute();
}
