/**
 * Where each transit's forwarding of the seal's positions to the next operator has got to, kept with the transit's
 * record and written with the messages that carry them, so that a restart forwards from there: nothing skipped,
 * nothing sent twice.
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { json }: ColumnTypes): Promise<void> {
  await db.schema.alterTable('operator_transits').addColumn('forwarded', json).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('operator_transits').dropColumn('forwarded').execute();
}
