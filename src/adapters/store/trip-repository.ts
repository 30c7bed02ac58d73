/** Trips, their seals, engine states and events, on either dialect. */
import type { Kysely, Transaction } from 'kysely';
import type { Position } from '../../core/model/index.js';
import type { TrackingEvent } from '../../core/tracking/index.js';
import type { Page } from '../../ports/store.js';
import { LeaseLost, type LeaseFence } from '../../ports/shard-leases.js';
import type { OpenTripResult, ProgressBatch, StoredTrip, TakenBehind, TripFilter, TripProgress, TripRepository } from '../../ports/tracking-store.js';
import { decodeCount, encodeJson, encodeTime } from './codec.js';
import type { StoreDialect } from './dialect.js';
import { pageBounds } from './paging.js';
import { NO_SEQUENCE, toPosition } from './position-rows.js';
import type { Database } from './schema.js';
import { alertRow, eventRow, stateRow, takenBehindRow, toEvent, toProgress, toTakenBehind, toTrip, tripRow } from './tracking-rows.js';

/** Rows a multi-row statement: well under either dialect's parameter limit for these tables. */
const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export class KyselyTripRepository implements TripRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

  async open(trip: StoredTrip, progress: TripProgress): Promise<OpenTripResult> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('trips').values(tripRow(trip)).execute();
        for (const sealId of trip.sealIds) {
          const taken = await trx
            .insertInto('trip_open_seals')
            .values({ seal_id: sealId, trip_id: trip.id })
            .onConflict((conflict) => conflict.column('seal_id').doNothing())
            .executeTakeFirst();
          if (Number(taken.numInsertedOrUpdatedRows ?? 0n) === 0) throw new SealTaken(sealId);
        }
        await trx.insertInto('trip_states').values(stateRow(progress)).execute();
      });
      return { opened: true };
    } catch (error) {
      if (error instanceof SealTaken) return { opened: false, sealId: error.sealId };
      throw error;
    }
  }

  async close(id: string, closedAt: string, closedBy: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const closed = await trx
        .updateTable('trips')
        .set({ status: 'closed', closed_at: encodeTime(closedAt), closed_by: closedBy })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('trip_open_seals').where('trip_id', '=', id).execute();
      return true;
    });
  }

  async get(id: string): Promise<StoredTrip | undefined> {
    const row = await this.db.selectFrom('trips').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTrip(row);
  }

  async list(filter: TripFilter): Promise<Page<StoredTrip>> {
    const { limit, offset } = pageBounds(filter.limit, filter.offset);
    let query = this.db.selectFrom('trips');
    if (filter.status !== undefined) query = query.where('status', '=', filter.status);
    if (filter.owner !== undefined) query = query.where('owner', '=', filter.owner);
    if (filter.declarationId !== undefined) query = query.where('declaration_id', '=', filter.declarationId);
    const [rows, count] = await Promise.all([
      // Ids are time-ordered (UUIDv7): newest first by id.
      query.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
    ]);
    return { items: rows.map(toTrip), total: decodeCount(count?.total as number | undefined) };
  }

  async openTrips(ids?: readonly string[]): Promise<Array<{ trip: StoredTrip; progress: TripProgress }>> {
    if (ids?.length === 0) return [];
    let query = this.db
      .selectFrom('trips')
      .innerJoin('trip_states', 'trip_states.trip_id', 'trips.id')
      .selectAll('trips')
      .select(['trip_states.trip_id', 'trip_states.state', 'trip_states.seal_cursors', 'trip_states.ticked_at'])
      .where('trips.status', '=', 'open');
    if (ids !== undefined) query = query.where('trips.id', 'in', [...ids]);
    const rows = await query.orderBy('trips.id').execute();
    return rows.map((row) => ({ trip: toTrip(row), progress: toProgress(row) }));
  }

  async openTripIds(): Promise<string[]> {
    const rows = await this.db.selectFrom('trips').select('id').where('status', '=', 'open').orderBy('id').execute();
    return rows.map((row) => row.id);
  }

  async openTripOfSeal(sealId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('trip_open_seals').select('trip_id').where('seal_id', '=', sealId).executeTakeFirst();
    return row?.trip_id;
  }

  async progress(tripId: string): Promise<TripProgress | undefined> {
    const row = await this.db.selectFrom('trip_states').selectAll().where('trip_id', '=', tripId).executeTakeFirst();
    return row && toProgress(row);
  }

  async saveProgress(batch: ProgressBatch): Promise<number> {
    const states = batch.progress.map(stateRow);
    const events = batch.events.map(eventRow);
    const alerts = batch.newAlerts.map(alertRow);
    const news = (batch.news ?? []).map((item) => ({ news: encodeJson(item) }));
    const behind = (batch.takenBehind ?? []).map(takenBehindRow);
    return this.db.transaction().execute(async (trx) => {
      if (batch.fence !== undefined) await this.checkFence(trx, batch.fence);
      for (const rows of chunks(states)) {
        await trx
          .insertInto('trip_states')
          .values(rows)
          .onConflict((conflict) =>
            conflict.column('trip_id').doUpdateSet((eb) => ({
              state: eb.ref('excluded.state'),
              seal_cursors: eb.ref('excluded.seal_cursors'),
              ticked_at: eb.ref('excluded.ticked_at'),
            })),
          )
          .execute();
      }
      for (const rows of chunks(behind)) await trx.insertInto('trip_taken_behind').values(rows).execute();
      const inserted = await insertEvents(trx, events);
      for (const rows of chunks(alerts)) await trx.insertInto('alerts').values(rows).execute();
      for (const fold of batch.folds) {
        await trx
          .updateTable('alerts')
          .set({
            last_seen: fold.lastSeen,
            occurrences: fold.occurrences,
            ended_at: fold.endedAt,
            position: fold.position === null ? null : encodeJson(fold.position),
            last_event_id: fold.lastEventId,
            updated_at: encodeTime(fold.updatedAt),
          })
          .where('id', '=', fold.id)
          .execute();
      }
      for (const rows of chunks(news)) await trx.insertInto('news_outbox').values(rows).execute();
      return inserted;
    });
  }

  /**
   * Refuses the transaction unless every lease of the fence is still held as it was. On PostgreSQL the lease rows
   * stay locked until the commit, so a takeover waits for this write and its catch-up then reads it; SQLite has one
   * writer at a time already.
   */
  private async checkFence(trx: Transaction<Database>, fence: LeaseFence): Promise<void> {
    if (fence.leases.length === 0) return;
    const query = trx.selectFrom('shard_leases').select(['shard', 'owner', 'epoch']).where('shard', 'in', fence.leases.map((lease) => lease.shard));
    const rows = await (this.dialect === 'postgres' ? query.forShare() : query).execute();
    const current = new Map(rows.map((row) => [row.shard, row]));
    for (const { shard, epoch } of fence.leases) {
      const row = current.get(shard);
      if (row === undefined || row.owner !== fence.owner || Number(row.epoch) !== epoch) throw new LeaseLost(shard);
    }
  }

  async takenBehind(tripId: string): Promise<TakenBehind[]> {
    const rows = await this.db.selectFrom('trip_taken_behind').select(['after', 'through']).where('trip_id', '=', tripId).orderBy('seq').execute();
    return rows.map(toTakenBehind);
  }

  async events(tripId: string, page: { limit: number; offset: number }): Promise<Page<TrackingEvent>> {
    const { limit, offset } = pageBounds(page.limit, page.offset);
    const query = this.db.selectFrom('trip_events').where('trip_id', '=', tripId);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('seq').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
    ]);
    return { items: rows.map(toEvent), total: decodeCount(count?.total as number | undefined) };
  }

  async storedReceiveTimes(positions: readonly Position[]): Promise<Array<number | null>> {
    const found = new Map<string, number>();
    const key = (deviceId: string, deviceTime: number, sequence: number) => JSON.stringify([deviceId, deviceTime, sequence]);
    for (const chunk of chunks(positions)) {
      const rows = await this.db
        .selectFrom('positions')
        .select(['device_id', 'device_time', 'sequence', 'received_time'])
        .where((eb) =>
          eb.or(chunk.map((p) => eb.and([eb('device_id', '=', p.deviceId), eb('device_time', '=', p.deviceTime), eb('sequence', '=', p.sequence ?? NO_SEQUENCE)]))),
        )
        .execute();
      for (const row of rows) found.set(key(row.device_id, row.device_time, row.sequence), row.received_time);
    }
    return positions.map((p) => found.get(key(p.deviceId, p.deviceTime, p.sequence ?? NO_SEQUENCE)) ?? null);
  }

  async positionsReceived(deviceIds: readonly string[], receivedFrom: number, receivedTo?: number): Promise<Position[]> {
    if (deviceIds.length === 0) return [];
    // The key's device prefix narrows the read to the trip's seals; receive time is filtered on those rows.
    let query = this.db.selectFrom('positions').selectAll().where('device_id', 'in', [...deviceIds]).where('received_time', '>=', receivedFrom);
    if (receivedTo !== undefined) query = query.where('received_time', '<=', receivedTo);
    const rows = await query.orderBy('received_time').orderBy('device_time').orderBy('sequence').execute();
    return rows.map(toPosition);
  }

  async positionsReceivedSince(receivedFrom: ReadonlyMap<string, number>): Promise<Position[]> {
    const positions: Position[] = [];
    // Each device from its own time, so a quiet seal does not widen the read of the others (by the device and receive
    // time index on PostgreSQL).
    for (const chunk of chunks([...receivedFrom])) {
      const rows = await this.db
        .selectFrom('positions')
        .selectAll()
        .where((eb) => eb.or(chunk.map(([deviceId, from]) => eb.and([eb('device_id', '=', deviceId), eb('received_time', '>=', from)]))))
        .execute();
      for (const row of rows) positions.push(toPosition(row));
    }
    return positions;
  }
}

/** Inserts events, skipping ids stored already; returns how many were new. */
async function insertEvents(trx: Transaction<Database>, rows: ReturnType<typeof eventRow>[]): Promise<number> {
  let inserted = 0;
  for (const chunk of chunks(rows)) {
    const result = await trx
      .insertInto('trip_events')
      .values(chunk)
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

class SealTaken extends Error {
  constructor(readonly sealId: string) {
    super(`seal ${sealId} is on an open trip`);
  }
}
