/**
 * Scale-out of the tracker's news (see ports/tracking-news.ts): the outbox a tracker writes its news into with its
 * progress, the news each consumer group has handled, and the epoch of each shard lease, which fences a tracker's
 * writes (see ports/shard-leases.ts).
 */
import type { Kysely } from 'kysely';
import type { ColumnTypes } from './column-types.js';

export async function up(db: Kysely<unknown>, { json, int64, timestamp, identity }: ColumnTypes): Promise<void> {
  await db.schema
    .createTable('news_outbox')
    .addColumn('seq', identity.type, identity.build)
    .addColumn('news', json, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('news_handled')
    .addColumn('consumer', 'text', (c) => c.notNull())
    .addColumn('news_id', 'text', (c) => c.notNull())
    .addColumn('handled_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('news_handled_pk', ['consumer', 'news_id'])
    .execute();
  await db.schema.alterTable('shard_leases').addColumn('epoch', int64, (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shard_leases').dropColumn('epoch').execute();
  await db.schema.dropTable('news_handled').execute();
  await db.schema.dropTable('news_outbox').execute();
}
