/**
 * Positions on PostgreSQL at volume: a large batch goes in by COPY (CSV) into a session's temporary table, then one
 * INSERT ... SELECT into the (partitioned) positions table that drops what is stored already, in one transaction
 * with the devices' latest positions. A small batch takes the multi-row INSERT of the shared repository, which
 * costs fewer round trips than the COPY's four.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Position } from '../../../core/model/index.js';
import { KyselyPositionRepository } from '../position-repository.js';
import { POSITION_COLUMNS } from '../position-rows.js';
import type { Database } from '../schema.js';

/** Below this many positions a batch is inserted by statements. */
export const COPY_FROM = 200;

const COLUMNS = POSITION_COLUMNS.length;
const COLUMN_LIST = POSITION_COLUMNS.join(', ');
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
    const { parameters, latest } = this.encode(positions);
    const client = await this.pool.connect();
    let healthy = false;
    try {
      await client.query('begin');
      // Temporary tables are the session's own; made once per pooled connection, emptied by each commit.
      await client.query('create temporary table if not exists positions_incoming (like positions including defaults) on commit delete rows');
      await pipeline(Readable.from(csvChunks(parameters, positions.length)), client.query(copyFrom(`copy positions_incoming (${COLUMN_LIST}) from stdin (format csv)`)));
      const inserted = await client.query(`insert into positions (${COLUMN_LIST}) select ${COLUMN_LIST} from positions_incoming on conflict do nothing`);
      for (const query of latest) await client.query(query.sql, query.parameters as unknown[]);
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

function* csvChunks(parameters: readonly unknown[], rows: number): Generator<string> {
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
