/**
 * The customs procedure of a declaration (transit, export, mutual_trade), which the tracking obligation's rules read.
 * Every declaration stored before it was a transit declaration (the platform knew no other procedure, and decided
 * their obligations as transit), so they are given that procedure; a new one without it is left null, and its
 * document check reports it missing.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('declarations').addColumn('procedure', 'text').execute();
  await (db as Kysely<{ declarations: { procedure: string | null } }>).updateTable('declarations').set({ procedure: 'transit' }).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('declarations').dropColumn('procedure').execute();
}
