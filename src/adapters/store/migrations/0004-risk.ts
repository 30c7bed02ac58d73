/**
 * Risk targeting: rule-set versions, assessments (a declaration keeps all of its), inspections with their results,
 * roadside teams and their assignments, the installation's own selection secret; and the indexes that find a party's declarations, from which its history
 * of inspections is read.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { json, timestamp, flag }: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('risk_rule_sets')
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', timestamp, (c) => c.notNull())
    .addColumn('active', flag, (c) => c.notNull())
    .addColumn('activated_by', 'text')
    .addColumn('activated_at', timestamp)
    .addPrimaryKeyConstraint('risk_rule_sets_pk', ['rule_set_id', 'version'])
    .execute();

  await db.schema
    .createTable('risk_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('rule_set_id', 'text', (c) => c.notNull())
    .addColumn('rule_set_version', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('targeted_channel', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('randomly_selected', flag, (c) => c.notNull())
    .addColumn('draw', 'double precision', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('assessment', json, (c) => c.notNull())
    .addColumn('context', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_assessments_declaration_idx').on('risk_assessments').columns(['declaration_id', 'at', 'id']).execute();
  await db.schema.createIndex('risk_assessments_at_idx').on('risk_assessments').columns(['at', 'id']).execute();

  await db.schema
    .createTable('risk_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('declaration_id', 'text', (c) => c.notNull().references('declarations.id').onDelete('cascade'))
    .addColumn('place_kind', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('crossing', 'text')
    .addColumn('selection', 'text', (c) => c.notNull())
    .addColumn('results', json, (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('inspected_by', 'text', (c) => c.notNull())
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_inspections_declaration_idx').on('risk_inspections').columns(['declaration_id', 'at']).execute();
  await db.schema.createIndex('risk_inspections_team_idx').on('risk_inspections').columns(['team_id', 'at']).execute();
  await db.schema.createIndex('risk_inspections_at_idx').on('risk_inspections').columns(['at', 'id']).execute();

  await db.schema
    .createTable('risk_teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('position_at', timestamp)
    .addColumn('shift_start', timestamp)
    .addColumn('shift_end', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('risk_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('risk_teams.id').onDelete('cascade'))
    // One team stops a truck: a second assignment of the same declaration is refused by this key.
    .addColumn('declaration_id', 'text', (c) => c.notNull().unique().references('declarations.id').onDelete('cascade'))
    .addColumn('trip_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_assignments_team_idx').on('risk_assignments').columns(['team_id', 'at']).execute();

  // The selection secret of an installation started without CORRIDOR_RISK_SECRET: one row, made on the first start.
  await db.schema
    .createTable('risk_installation_key')
    .addColumn('slot', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  // Party histories start from the party's declarations; the consignee's TIN and the plate are indexed already.
  await db.schema.createIndex('declarations_consignor_tin_idx').on('declarations').column('consignor_tin').execute();
  await db.schema.createIndex('declarations_carrier_tin_idx').on('declarations').column('carrier_tin').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('declarations_carrier_tin_idx').ifExists().execute();
  await db.schema.dropIndex('declarations_consignor_tin_idx').ifExists().execute();
  for (const table of ['risk_installation_key', 'risk_assignments', 'risk_teams', 'risk_inspections', 'risk_assessments', 'risk_rule_sets']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
