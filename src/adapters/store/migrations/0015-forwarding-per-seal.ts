/**
 * A transit's forwarding of positions to the next operator keeps a cursor per seal: with one cursor in receive order
 * over all the seals, a seal's positions stored (by another tracker) after newer ones of another seal had gone were
 * never forwarded. A cursor kept before becomes where every seal's forwarding begins, as it stood for all of them.
 * Back down, the one cursor is the latest of them.
 */
import type { Kysely } from 'kysely';
import type { ForwardingCursors } from '../../../ports/exchange-store.js';
import type { PositionCursor } from '../../../ports/tracking-store.js';
import { decodeJson, encodeJson } from '../codec.js';
import type { Json } from '../schema.js';

interface Tables {
  operator_transits: { transit_id: string; forwarded: Json | null };
}

async function rewrite(db: Kysely<unknown>, change: (forwarded: Json) => unknown): Promise<void> {
  const tables = db as Kysely<Tables>;
  const rows = await tables.selectFrom('operator_transits').select(['transit_id', 'forwarded']).where('forwarded', 'is not', null).execute();
  for (const row of rows) {
    await tables.updateTable('operator_transits').set({ forwarded: encodeJson(change(row.forwarded!)) }).where('transit_id', '=', row.transit_id).execute();
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rewrite(db, (forwarded): ForwardingCursors => ({ since: decodeJson<PositionCursor>(forwarded), seals: {} }));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await rewrite(db, (forwarded) => {
    const { since, seals } = decodeJson<ForwardingCursors>(forwarded);
    return Object.values(seals).reduce((latest, cursor) => (cursor.receivedTime > latest.receivedTime ? cursor : latest), since);
  });
}
