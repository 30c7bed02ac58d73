/**
 * A trip's cursor becomes one per seal: the trip's seals can fall on shards stored by different trackers, each in its
 * own time, so one cursor in receive order over all of them skipped another seal's positions stored after the trip
 * took newer ones. A cursor saved before stands for every seal of its trip, as it did: the trip took nothing of any
 * seal up to it twice, and goes on after it for each. Back down, a trip's one cursor is its latest seal's, the last
 * position it took, as that cursor was.
 */
import type { Kysely } from 'kysely';
import type { PositionCursor, SealCursors } from '../../../ports/tracking-store.js';
import { decodeJson, encodeJson } from '../codec.js';
import type { Json } from '../schema.js';

interface Tables {
  trips: { id: string; seal_ids: Json };
  trip_states: { trip_id: string; cursor: Json | null; seal_cursors: Json | null };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('trip_states').renameColumn('cursor', 'seal_cursors').execute();
  const tables = db as Kysely<Tables>;
  const rows = await tables
    .selectFrom('trip_states')
    .innerJoin('trips', 'trips.id', 'trip_states.trip_id')
    .select(['trip_states.trip_id', 'trip_states.seal_cursors', 'trips.seal_ids'])
    .where('trip_states.seal_cursors', 'is not', null)
    .execute();
  for (const row of rows) {
    const cursor = decodeJson<PositionCursor>(row.seal_cursors!);
    const cursors = Object.fromEntries(decodeJson<string[]>(row.seal_ids).map((seal) => [seal, cursor]));
    await tables.updateTable('trip_states').set({ seal_cursors: encodeJson(cursors) }).where('trip_id', '=', row.trip_id).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = db as Kysely<Tables>;
  const rows = await tables.selectFrom('trip_states').select(['trip_id', 'seal_cursors']).where('seal_cursors', 'is not', null).execute();
  for (const row of rows) {
    const latest = Object.values(decodeJson<SealCursors>(row.seal_cursors!)).reduce<PositionCursor | null>(
      (last, cursor) => (last === null || cursor.receivedTime > last.receivedTime ? cursor : last),
      null,
    );
    await tables.updateTable('trip_states').set({ seal_cursors: latest === null ? null : encodeJson(latest) }).where('trip_id', '=', row.trip_id).execute();
  }
  await db.schema.alterTable('trip_states').renameColumn('seal_cursors', 'cursor').execute();
}
