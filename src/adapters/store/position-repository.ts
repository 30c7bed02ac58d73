/**
 * Positions of the navigation seals: written in large batches by the gateway's group commit, read as one
 * device's track or as every device's latest position.
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Position } from '../../core/model/index.js';
import type { PositionQuery, PositionRepository } from '../../ports/store.js';
import { FixedRowStatements } from './fixed-row-statements.js';
import { NO_SEQUENCE, POSITION_COLUMNS, toPosition, writePosition } from './position-rows.js';
import type { Database } from './schema.js';

/**
 * The row counts of the insert statements. A batch splits into as few as these allow (1,000 rows: three of
 * 256, three of 64, three of 16, two of 4), so the SQL texts stay few and cached whatever the batch size.
 */
const ROW_COUNTS = [256, 64, 16, 4, 1];

const COLUMNS = POSITION_COLUMNS.length;

export class KyselyPositionRepository implements PositionRepository {
  readonly #insert: FixedRowStatements;
  readonly #moveLatest: FixedRowStatements;

  constructor(
    protected readonly db: Kysely<Database>,
    maxParameters: number,
  ) {
    this.#insert = new FixedRowStatements(POSITION_COLUMNS, ROW_COUNTS, maxParameters, (rows) =>
      db
        .insertInto('positions')
        .values(rows as never)
        .onConflict((conflict) => conflict.columns(['device_id', 'device_time', 'sequence']).doNothing())
        .compile(),
    );
    const updates = Object.fromEntries(
      POSITION_COLUMNS.filter((column) => column !== 'device_id').map((column) => [column, `excluded.${column}`]),
    );
    this.#moveLatest = new FixedRowStatements(POSITION_COLUMNS, ROW_COUNTS, maxParameters, (rows) =>
      db
        .insertInto('device_latest')
        .values(rows as never)
        .onConflict((conflict) =>
          conflict
            .column('device_id')
            .doUpdateSet((eb) => Object.fromEntries(Object.entries(updates).map(([column, from]) => [column, eb.ref(from as never)])))
            // Only forward: a late or resent position never replaces a later one. Ties on time go to the
            // higher sequence, so the latest is the last of the device's track in list order.
            .where((eb) =>
              eb.or([
                eb('excluded.device_time', '>', eb.ref('device_latest.device_time')),
                eb.and([
                  eb('excluded.device_time', '=', eb.ref('device_latest.device_time')),
                  eb('excluded.sequence', '>', eb.ref('device_latest.sequence')),
                ]),
              ]),
            ),
        )
        .compile(),
    );
  }

  async insertMany(positions: readonly Position[]): Promise<number> {
    if (positions.length === 0) return 0;
    // Everything is encoded before a transaction opens, so the write lock is held for the writes alone, and a
    // position that cannot be stored fails the batch before anything is written.
    const parameters = encodeRows(positions);
    const inserts = this.statements(this.#insert, parameters, positions.length);
    const latest = this.latestStatements(positions, parameters);
    return this.db.transaction().execute(async (trx) => {
      let inserted = 0;
      // ON CONFLICT DO NOTHING counts only the rows it wrote (SQLite's changes, PostgreSQL's row count).
      for (const query of inserts) inserted += Number((await trx.executeQuery(query)).numAffectedRows ?? 0n);
      for (const query of latest) await trx.executeQuery(query);
      return inserted;
    });
  }

  /** The statements that move each device's latest position forward to its newest in `positions`. */
  private latestStatements(positions: readonly Position[], parameters: readonly unknown[]): Array<CompiledQuery<unknown>> {
    const newest = newestOfEachDevice(positions);
    const latestParameters = new Array<unknown>(newest.length * COLUMNS);
    newest.forEach((index, row) => {
      for (let column = 0; column < COLUMNS; column++) latestParameters[row * COLUMNS + column] = parameters[index * COLUMNS + column];
    });
    return this.statements(this.#moveLatest, latestParameters, newest.length);
  }

  async list(query: PositionQuery): Promise<Position[]> {
    let select = this.db.selectFrom('positions').selectAll().where('device_id', '=', query.deviceId);
    if (query.from !== undefined) select = select.where('device_time', '>=', query.from);
    if (query.to !== undefined) select = select.where('device_time', '<=', query.to);
    // The order of the primary key, so the rows come straight off its index, unsorted.
    const rows = await select.orderBy('device_time').orderBy('sequence').limit(query.limit).execute();
    return rows.map(toPosition);
  }

  async latest(): Promise<Position[]> {
    const rows = await this.db.selectFrom('device_latest').selectAll().orderBy('device_id').execute();
    return rows.map(toPosition);
  }

  async latestOf(deviceId: string): Promise<Position | undefined> {
    const row = await this.db.selectFrom('device_latest').selectAll().where('device_id', '=', deviceId).executeTakeFirst();
    return row && toPosition(row);
  }

  /** `rows` rows of `parameters` cut into the fixed statements. */
  private statements(statements: FixedRowStatements, parameters: readonly unknown[], rows: number) {
    let start = 0;
    return statements.plan(rows).map((size) => {
      const end = start + size * COLUMNS;
      const query = statements.query(parameters.slice(start, end));
      start = end;
      return query;
    });
  }
}

/** The rows of `positions` as parameters, `POSITION_COLUMNS.length` a row. */
export function encodeRows(positions: readonly Position[]): unknown[] {
  const parameters = new Array<unknown>(positions.length * COLUMNS);
  for (let index = 0; index < positions.length; index++) writePosition(parameters, index * COLUMNS, positions[index]!, index);
  return parameters;
}

/**
 * The index in `positions` of each device's newest position (the first of equals), in device order: one row a
 * device, since PostgreSQL refuses an upsert that touches a row twice, and in the same order in every batch, so
 * that concurrent batches on PostgreSQL lock the rows in the same order and cannot deadlock.
 */
function newestOfEachDevice(positions: readonly Position[]): number[] {
  const newest = new Map<string, number>();
  for (let index = 0; index < positions.length; index++) {
    const position = positions[index]!;
    const current = newest.get(position.deviceId);
    if (current === undefined || later(position, positions[current]!)) newest.set(position.deviceId, index);
  }
  return [...newest.keys()].sort().map((device) => newest.get(device)!);
}

/** Whether `a` comes after `b` in a device's track: by device time, then sequence. */
function later(a: Position, b: Position): boolean {
  return a.deviceTime > b.deviceTime || (a.deviceTime === b.deviceTime && (a.sequence ?? NO_SEQUENCE) > (b.sequence ?? NO_SEQUENCE));
}
