/** The tracker's news outbox and the news each consumer group handled, on either dialect. */
import type { Kysely } from 'kysely';
import type { DurableNews, HandledMark, HandledNewsRepository, NewsOutboxRepository } from '../../ports/tracking-news.js';
import { decodeJson, encodeTime } from './codec.js';
import type { Database } from './schema.js';

export class KyselyNewsOutboxRepository implements NewsOutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async pending(limit: number): Promise<Array<{ seq: number; news: DurableNews }>> {
    const rows = await this.db.selectFrom('news_outbox').selectAll().orderBy('seq').limit(limit).execute();
    return rows.map((row) => ({ seq: Number(row.seq), news: decodeJson<DurableNews>(row.news) }));
  }

  async published(seqs: readonly number[]): Promise<void> {
    if (seqs.length > 0) await this.db.deleteFrom('news_outbox').where('seq', 'in', [...seqs]).execute();
  }
}

export class KyselyHandledNewsRepository implements HandledNewsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async has(group: string, id: string): Promise<boolean> {
    const row = await this.db.selectFrom('news_handled').select('news_id').where('consumer', '=', group).where('news_id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async add(mark: HandledMark): Promise<void> {
    await this.db
      .insertInto('news_handled')
      .values(handledRow(mark))
      .onConflict((conflict) => conflict.columns(['consumer', 'news_id']).doNothing())
      .execute();
  }

  async forgetBefore(at: string): Promise<void> {
    await this.db.deleteFrom('news_handled').where('handled_at', '<', encodeTime(at)).execute();
  }
}

/**
 * Writes a handled mark in the transaction of the work it marks. A mark there already (another member of the group
 * did the work meanwhile) fails the insert, and so the work's transaction: the work is not done twice.
 */
export async function insertHandledMark(trx: Kysely<Database>, mark: HandledMark): Promise<void> {
  await trx.insertInto('news_handled').values(handledRow(mark)).execute();
}

const handledRow = (mark: HandledMark) => ({ consumer: mark.group, news_id: mark.newsId, handled_at: encodeTime(mark.at) });
