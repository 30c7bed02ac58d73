/** The border queues' log, events and entries (ports/queue-store.ts) on either dialect. */
import type { Kysely, Selectable } from 'kysely';
import type { Channel, EntryRoute, EntryStatus, PriorityClass, QueueConfig, QueueEvent, QueueLogRecord } from '../../core/queue/index.js';
import type { QueueEntryFilter, QueueEntryRow, QueueRepository, QueueWrite, StoredQueue } from '../../ports/queue-store.js';
import type { Page } from '../../ports/store.js';
import { chunkByColumns } from './batches.js';
import { decodeCount, decodeJson, decodeOptionalJson, encodeJson, encodeOptionalJson } from './codec.js';
import { insertHandledMark } from './news-repositories.js';
import { pageBounds } from './paging.js';
import type { QueueCrossingsTable, QueueEntriesTable, QueueEventsTable } from './queue-schema.js';
import type { Database } from './schema.js';

export class KyselyQueueRepository implements QueueRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxParameters: number,
  ) {}

  async create(queue: { crossing: string; config: QueueConfig; createdAt: number }): Promise<boolean> {
    const config = encodeJson(queue.config);
    const result = await this.db
      .insertInto('queue_crossings')
      .values({ crossing: queue.crossing, initial_config: config, config, created_ms: queue.createdAt, log_length: 0, version: 0 })
      .onConflict((conflict) => conflict.column('crossing').doNothing())
      .executeTakeFirst();
    return result.numInsertedOrUpdatedRows === 1n;
  }

  async get(crossing: string): Promise<StoredQueue | undefined> {
    const row = await this.db.selectFrom('queue_crossings').selectAll().where('crossing', '=', crossing).executeTakeFirst();
    return row && toQueue(row);
  }

  async list(): Promise<StoredQueue[]> {
    return (await this.db.selectFrom('queue_crossings').selectAll().orderBy('crossing').execute()).map(toQueue);
  }

  async append(write: QueueWrite): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // The length condition in the UPDATE is the compare-and-set; it is also the transaction's first statement,
      // so a SQLite writer waits for the lock instead of failing busy after a read.
      const moved = await trx
        .updateTable('queue_crossings')
        .set({ log_length: write.seq, version: write.version, ...(write.config === undefined ? {} : { config: encodeJson(write.config) }) })
        .where('crossing', '=', write.crossing)
        .where('log_length', '=', write.seq - 1)
        .executeTakeFirst();
      if (moved.numUpdatedRows !== 1n) return false;
      await trx.insertInto('queue_log').values({ crossing: write.crossing, seq: write.seq, record: encodeJson(write.record) }).execute();
      for (const rows of chunkByColumns(write.events.map(eventRow), this.maxParameters)) await trx.insertInto('queue_events').values(rows).execute();
      for (const rows of chunkByColumns(write.entries.map(entryRow), this.maxParameters)) {
        await trx
          .insertInto('queue_entries')
          .values(rows)
          .onConflict((conflict) =>
            conflict.column('id').doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'),
              priority_class: eb.ref('excluded.priority_class'),
              channel: eb.ref('excluded.channel'),
              lookup_code: eb.ref('excluded.lookup_code'),
              arrived_ms: eb.ref('excluded.arrived_ms'),
              called_ms: eb.ref('excluded.called_ms'),
              done_ms: eb.ref('excluded.done_ms'),
              no_shows: eb.ref('excluded.no_shows'),
              first_estimate_made_ms: eb.ref('excluded.first_estimate_made_ms'),
              first_estimate_call_ms: eb.ref('excluded.first_estimate_call_ms'),
            })),
          )
          .execute();
      }
      if (write.handled !== undefined) await insertHandledMark(trx, write.handled);
      return true;
    });
  }

  async log(crossing: string, fromSeq: number, limit: number): Promise<QueueLogRecord[]> {
    const rows = await this.db
      .selectFrom('queue_log')
      .select('record')
      .where('crossing', '=', crossing)
      .where('seq', '>=', fromSeq)
      .orderBy('seq')
      .limit(pageBounds(limit, 0).limit)
      .execute();
    return rows.map((row) => decodeJson<QueueLogRecord>(row.record));
  }

  async events(filter: { crossing: string; entryId?: string; limit: number; offset: number }): Promise<QueueEvent[]> {
    const { limit, offset } = pageBounds(filter.limit, filter.offset);
    let query = this.db.selectFrom('queue_events').selectAll().where('crossing', '=', filter.crossing);
    if (filter.entryId !== undefined) query = query.where('entry_id', '=', filter.entryId);
    const rows = await query.orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map(toEvent);
  }

  async entries(filter: QueueEntryFilter): Promise<Page<QueueEntryRow>> {
    const { limit, offset } = pageBounds(filter.limit, filter.offset);
    if (filter.statuses !== undefined && filter.statuses.length === 0) return { items: [], total: 0 };
    let query = this.db.selectFrom('queue_entries');
    if (filter.crossing !== undefined) query = query.where('crossing', '=', filter.crossing);
    if (filter.owner !== undefined) query = query.where('owner', '=', filter.owner);
    if (filter.statuses !== undefined) query = query.where('status', 'in', filter.statuses);
    const [rows, counted] = await Promise.all([
      query.selectAll().orderBy('entered_ms', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
    ]);
    return { items: rows.map(toEntry), total: decodeCount(counted?.total) };
  }

  async entry(id: string): Promise<QueueEntryRow | undefined> {
    const row = await this.db.selectFrom('queue_entries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toEntry(row);
  }
}

function toQueue(row: Selectable<QueueCrossingsTable>): StoredQueue {
  return {
    crossing: row.crossing,
    initialConfig: decodeJson<QueueConfig>(row.initial_config),
    config: decodeJson<QueueConfig>(row.config),
    createdAt: Number(row.created_ms),
    logLength: Number(row.log_length),
    version: Number(row.version),
  };
}

function eventRow(event: QueueEvent) {
  return {
    crossing: event.crossing,
    entry_id: event.entryId,
    version: event.version,
    at_ms: event.at,
    actor: event.by,
    action: event.action,
    reason: event.reason,
    detail: encodeOptionalJson(event.detail),
  };
}

function toEvent(row: Selectable<QueueEventsTable>): QueueEvent {
  const detail = decodeOptionalJson<QueueEvent['detail']>(row.detail);
  return {
    crossing: row.crossing,
    entryId: row.entry_id,
    version: Number(row.version),
    at: Number(row.at_ms),
    by: row.actor,
    action: row.action as QueueEvent['action'],
    reason: row.reason,
    ...(detail === undefined ? {} : { detail }),
  };
}

function entryRow(entry: QueueEntryRow) {
  return {
    id: entry.id,
    crossing: entry.crossing,
    declaration_id: entry.declarationId,
    owner: entry.owner,
    plate: entry.plate,
    country: entry.country,
    route: entry.route,
    status: entry.status,
    priority_class: entry.priorityClass,
    channel: entry.channel,
    booking_code: entry.bookingCode,
    slot_start_ms: entry.slotStart,
    slot_end_ms: entry.slotEnd,
    lookup_code: entry.lookupCode,
    entered_ms: entry.enteredAt,
    arrived_ms: entry.arrivedAt,
    called_ms: entry.calledAt,
    done_ms: entry.doneAt,
    no_shows: entry.noShows,
    first_estimate_made_ms: entry.firstEstimate?.madeAt ?? null,
    first_estimate_call_ms: entry.firstEstimate?.callAt ?? null,
  };
}

const orNull = (value: number | null) => (value === null ? null : Number(value));

function toEntry(row: Selectable<QueueEntriesTable>): QueueEntryRow {
  return {
    id: row.id,
    crossing: row.crossing,
    declarationId: row.declaration_id,
    owner: row.owner,
    plate: row.plate,
    country: row.country,
    route: row.route as EntryRoute,
    status: row.status as EntryStatus,
    priorityClass: row.priority_class as PriorityClass,
    channel: row.channel as Channel,
    bookingCode: row.booking_code,
    slotStart: orNull(row.slot_start_ms),
    slotEnd: orNull(row.slot_end_ms),
    lookupCode: row.lookup_code,
    enteredAt: Number(row.entered_ms),
    arrivedAt: orNull(row.arrived_ms),
    calledAt: orNull(row.called_ms),
    doneAt: orNull(row.done_ms),
    noShows: row.no_shows,
    firstEstimate:
      row.first_estimate_made_ms === null || row.first_estimate_call_ms === null
        ? null
        : { madeAt: Number(row.first_estimate_made_ms), callAt: Number(row.first_estimate_call_ms) },
  };
}
