/**
 * The batches of positions a trip took behind newer ones of its other seals (ports/tracking-store.ts, TakenBehind),
 * appended in the transaction that saves the trip's state, so that replay takes each where the trip did.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { json, identity }: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('trip_taken_behind')
    .addColumn('seq', identity.type, identity.build)
    .addColumn('trip_id', 'text', (c) => c.notNull().references('trips.id').onDelete('cascade'))
    .addColumn('after', json, (c) => c.notNull())
    .addColumn('through', json, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trip_taken_behind_trip_idx').on('trip_taken_behind').columns(['trip_id', 'seq']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('trip_taken_behind').execute();
}
