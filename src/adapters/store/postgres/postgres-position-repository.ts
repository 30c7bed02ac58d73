/**
 * Positions on PostgreSQL at volume: a large batch goes in by COPY (CSV) into a session's temporary table, then, in
 * the same transaction, one INSERT ... SELECT into the (partitioned) positions table that drops what is stored
 * already, and one that moves each device's latest position forward from the same rows. A small batch takes the
 * multi-row INSERT of the shared repository, which costs fewer round trips than the COPY's five.
 *
 * The latest positions are taken from the temporary table rather than sent as parameters: with a thousand devices
 * in a batch, the shared repository's multi-row upserts (thousands of parameters each, parsed and planned every
 * time) took twice as long as everything else together.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Position } from '../../../core/model/index.js';
import { encodeRows, KyselyPositionRepository } from '../position-repository.js';
import { POSITION_COLUMNS } from '../position-rows.js';
import type { Database } from '../schema.js';

/** Below this many positions a batch is inserted by statements. */
export const COPY_FROM = 200;

const COLUMNS = POSITION_COLUMNS.length;
const COLUMN_LIST = POSITION_COLUMNS.join(', ');

/**
 * Each device's newest incoming position replaces its latest only if it is later (by device time, then sequence),
 * as the shared repository's upsert does. Devices in order, so that concurrent batches lock their rows in the same
 * order and cannot deadlock; among identical keys the first copied wins (ctid, the copy's order), as in positions.
 */
const MOVE_LATEST = `insert into device_latest (${COLUMN_LIST})
  select distinct on (device_id) ${COLUMN_LIST} from positions_incoming
  order by device_id, device_time desc, sequence desc, ctid
  on conflict (device_id) do update set ${POSITION_COLUMNS.filter((column) => column !== 'device_id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}
  where excluded.device_time > device_latest.device_time
    or (excluded.device_time = device_latest.device_time and excluded.sequence > device_latest.sequence)`;

/** The COPY of positions' rows, as CSV from `csvChunks`, into `table`. */
export function copyStatement(table: string): string {
  return `copy ${table} (${COLUMN_LIST}) from stdin (format csv)`;
}

/** Rows of CSV per chunk written to the COPY stream. */
const ROWS_PER_CHUNK = 500;

export class PostgresPositionRepository extends KyselyPositionRepository {
  constructor(
    db: Kysely<Database>,
    maxParameters: number,
    private readonly pool: pg.Pool,
  ) {
    super(db, maxParameters);
  }

  override async insertMany(positions: readonly Position[]): Promise<number> {
    if (positions.length < COPY_FROM) return super.insertMany(positions);
    const parameters = encodeRows(positions);
    const client = await this.pool.connect();
    let healthy = false;
    try {
      await client.query('begin');
      // Temporary tables are the session's own; made once per pooled connection, emptied by each commit.
      await client.query('create temporary table if not exists positions_incoming (like positions including defaults) on commit delete rows');
      await pipeline(Readable.from(csvChunks(parameters, positions.length)), client.query(copyFrom(copyStatement('positions_incoming'))));
      const inserted = await client.query(`insert into positions (${COLUMN_LIST}) select ${COLUMN_LIST} from positions_incoming on conflict do nothing`);
      await client.query(MOVE_LATEST);
      await client.query('commit');
      healthy = true;
      return inserted.rowCount ?? 0;
    } finally {
      if (!healthy) await client.query('rollback').catch(() => undefined);
      // A connection whose rollback failed too is not given back to the pool.
      const usable = healthy || (await isUsable(client));
      client.release(usable ? undefined : true);
    }
  }
}

async function isUsable(client: pg.PoolClient): Promise<boolean> {
  try {
    await client.query('select 1');
    return true;
  } catch {
    return false;
  }
}

/** The rows of `parameters` as CSV, in chunks of `ROWS_PER_CHUNK` rows. */
export function* csvChunks(parameters: readonly unknown[], rows: number): Generator<string> {
  let chunk = '';
  for (let row = 0; row < rows; row++) {
    const from = row * COLUMNS;
    for (let column = 0; column < COLUMNS; column++) {
      if (column > 0) chunk += ',';
      chunk += csvValue(parameters[from + column]);
    }
    chunk += '\n';
    if ((row + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** NULL is an unquoted empty field; text is always quoted, its quotes doubled. */
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return `"${String(value).replaceAll('"', '""')}"`;
}
