/** The outbox and inbox of messages between national operators, and the transits they are about. */
import type { Kysely, Selectable } from 'kysely';
import type { SignedMessage } from '../../../core/exchange/message.js';
import type { ExchangeRepository, ForwardingCursors, InboxEntry, NewOutboxEntry, OperatorTransit, OutboxEntry, Responsibility, SentWith } from '../../../ports/exchange-store.js';
import { decodeJson, encodeJson, encodeOptionalJson, encodeTime } from '../codec.js';
import { insertHandledMark } from '../news-repositories.js';
import type { Database } from '../schema.js';
import type { ExchangeOutboxTable } from '../operator-schema.js';

function outboxEntry(row: Selectable<ExchangeOutboxTable>): OutboxEntry {
  return {
    message: decodeJson<SignedMessage>(row.message),
    transitId: row.transit_id,
    attempts: row.attempts,
    nextAttemptMs: Number(row.next_attempt_ms),
    deliveredAt: row.delivered_at,
    lastError: row.last_error,
  };
}

function outboxRow({ message, transitId, nextAttemptMs }: NewOutboxEntry) {
  return {
    id: message.id,
    peer: message.recipient,
    sequence: message.sequence,
    transit_id: transitId,
    message: encodeJson(message),
    created_at: encodeTime(message.sentAt),
    attempts: 0,
    next_attempt_ms: nextAttemptMs,
    delivered_at: null,
    last_error: null,
  };
}

async function upsertTransit(db: Kysely<Database>, transit: OperatorTransit): Promise<void> {
  const row = {
    reference: transit.reference,
    route: encodeJson(transit.route),
    tracked_by: transit.trackedBy,
    status: transit.status,
    notice: encodeOptionalJson(transit.notice ?? undefined),
    forwarded: encodeOptionalJson(transit.forwarded ?? undefined),
    updated_at: encodeTime(transit.updatedAt),
  };
  await db
    .insertInto('operator_transits')
    .values({ transit_id: transit.transitId, ...row })
    .onConflict((conflict) => conflict.column('transit_id').doUpdateSet(row))
    .execute();
}

export class KyselyExchangeRepository implements ExchangeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async nextSequence(peer: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await trx.insertInto('exchange_sequences').values({ peer, last_sequence: 0 }).onConflict((c) => c.column('peer').doNothing()).execute();
      const row = await trx
        .updateTable('exchange_sequences')
        .set((eb) => ({ last_sequence: eb('last_sequence', '+', 1) }))
        .where('peer', '=', peer)
        .returning('last_sequence')
        .executeTakeFirstOrThrow();
      return Number(row.last_sequence);
    });
  }

  async enqueue(entries: readonly NewOutboxEntry[], { transit, handled }: SentWith = {}): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (entries.length > 0) await trx.insertInto('exchange_outbox').values(entries.map(outboxRow)).execute();
      if (transit !== undefined) await upsertTransit(trx, transit);
      if (handled !== undefined) await insertHandledMark(trx, handled);
    });
  }

  async due(nowMs: number, limit: number): Promise<OutboxEntry[]> {
    const rows = await this.db
      .selectFrom('exchange_outbox')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('next_attempt_ms', '<=', nowMs)
      .orderBy('peer')
      .orderBy('sequence')
      .limit(limit)
      .execute();
    return rows.map(outboxEntry);
  }

  async markDelivered(id: string, at: string): Promise<void> {
    await this.db.updateTable('exchange_outbox').set({ delivered_at: encodeTime(at), last_error: null }).where('id', '=', id).execute();
  }

  async markFailed(id: string, attempts: number, nextAttemptMs: number, error: string): Promise<void> {
    await this.db
      .updateTable('exchange_outbox')
      .set({ attempts, next_attempt_ms: nextAttemptMs, last_error: error.slice(0, 1000) })
      .where('id', '=', id)
      .execute();
  }

  async received(id: string): Promise<boolean> {
    return (await this.db.selectFrom('exchange_inbox').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async receive({ message, transitId, receivedAt }: InboxEntry): Promise<boolean> {
    const result = await this.db
      .insertInto('exchange_inbox')
      .values({ id: message.id, sender: message.sender, sequence: message.sequence, transit_id: transitId, message: encodeJson(message), received_at: encodeTime(receivedAt) })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async history(transitId: string): Promise<{ sent: OutboxEntry[]; received: InboxEntry[] }> {
    const [sent, received] = await Promise.all([
      this.db.selectFrom('exchange_outbox').selectAll().where('transit_id', '=', transitId).orderBy('created_at').orderBy('sequence').execute(),
      this.db.selectFrom('exchange_inbox').selectAll().where('transit_id', '=', transitId).orderBy('received_at').orderBy('sequence').execute(),
    ]);
    return {
      sent: sent.map(outboxEntry),
      received: received.map((row) => ({ message: decodeJson<SignedMessage>(row.message), transitId: row.transit_id, receivedAt: row.received_at })),
    };
  }

  async saveTransit(transit: OperatorTransit): Promise<void> {
    await upsertTransit(this.db, transit);
  }

  async getTransit(transitId: string): Promise<OperatorTransit | undefined> {
    const row = await this.db.selectFrom('operator_transits').selectAll().where('transit_id', '=', transitId).executeTakeFirst();
    if (row === undefined) return undefined;
    return {
      transitId,
      reference: row.reference,
      route: decodeJson<string[]>(row.route),
      trackedBy: row.tracked_by,
      status: row.status as Responsibility,
      notice: row.notice === null ? null : decodeJson<Record<string, unknown>>(row.notice),
      forwarded: row.forwarded === null ? null : decodeJson<ForwardingCursors>(row.forwarded),
      updatedAt: row.updated_at,
    };
  }
}
