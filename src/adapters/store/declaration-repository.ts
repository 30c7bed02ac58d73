/** Declarations with their goods lines and status history, on either dialect. */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Declaration, DeclarationInput, DeclarationStatus, StatusChange } from '../../core/model/index.js';
import type {
  DeclarationFilter,
  DeclarationRepository,
  NewDeclaration,
  Page,
  StoredCheck,
} from '../../ports/store.js';
import { decodeCount, encodeTime } from './codec.js';
import {
  checkColumns,
  contentColumns,
  declarationRow,
  goodsRows,
  historyRow,
  historyRows,
  toDeclaration,
  toStatusChange,
  toStoredCheck,
  type DeclarationRow,
  type GoodsRow,
} from './declaration-rows.js';
import { FixedRowInsert } from './fixed-row-statements.js';
import { pageBounds } from './paging.js';
import type { Database } from './schema.js';
import { containsPattern } from './text-search.js';

/** Row counts of the multi-row inserts: few distinct statements, so each is compiled and prepared once. */
const ROW_COUNTS = [128, 32, 8, 1];

export class KyselyDeclarationRepository implements DeclarationRepository {
  readonly #insertDeclarations: FixedRowInsert<{ reference: string }>;
  readonly #insertGoods: FixedRowInsert;
  readonly #insertHistory: FixedRowInsert;

  constructor(
    private readonly db: Kysely<Database>,
    /** The dialect's limit of bound parameters a statement, for chunking multi-row inserts. */
    private readonly maxParameters: number,
  ) {
    // ON CONFLICT DO NOTHING ... RETURNING both finds the existing references and skips them in the same
    // statement, so a concurrent import of the same reference cannot fail the whole batch.
    this.#insertDeclarations = new FixedRowInsert(ROW_COUNTS, maxParameters, (rows) =>
      db.insertInto('declarations').values(rows as never).onConflict((conflict) => conflict.column('reference').doNothing()).returning('reference').compile(),
    );
    this.#insertGoods = new FixedRowInsert(ROW_COUNTS, maxParameters, (rows) => db.insertInto('goods_items').values(rows as never).compile());
    this.#insertHistory = new FixedRowInsert(ROW_COUNTS, maxParameters, (rows) =>
      db.insertInto('declaration_history').values(rows as never).compile(),
    );
  }

  async insert(declaration: NewDeclaration): Promise<boolean> {
    return (await this.insertMany([declaration])).size === 1;
  }

  async insertMany(declarations: NewDeclaration[]): Promise<Set<string>> {
    const batch = firstOfEachReference(declarations);
    if (batch.length === 0) return new Set();
    // Every write transaction here opens with its write, never a read: a SQLite transaction that reads first
    // and then writes can fail busy at once, instead of waiting, when another process writes in between.
    return this.db.transaction().execute(async (trx) => {
      const returned = await this.#insertDeclarations.run(trx, batch.map(declarationRow));
      const inserted = new Set(returned.map((row) => row.reference));
      const fresh = batch.filter((declaration) => inserted.has(declaration.input.reference));
      await this.#insertGoods.run(trx, fresh.flatMap((declaration) => goodsRows(declaration.id, declaration.input.goods)));
      await this.#insertHistory.run(trx, fresh.flatMap((declaration) => historyRows(declaration.id, declaration.history)));
      return inserted;
    });
  }

  get(id: string): Promise<Declaration | undefined> {
    return this.getOne('id', id);
  }

  getByReference(reference: string): Promise<Declaration | undefined> {
    return this.getOne('reference', reference);
  }

  async list(filter: DeclarationFilter): Promise<Page<Declaration>> {
    const { limit, offset } = pageBounds(filter.limit, filter.offset);
    const where = (eb: ExpressionBuilder<Database, 'declarations'>) => eb.and(filterConditions(eb, filter));
    const [rows, counted] = await Promise.all([
      this.db
        .selectFrom('declarations')
        .selectAll()
        .where(where)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db
        .selectFrom('declarations')
        .select((eb) => eb.fn.countAll().as('total'))
        .where(where)
        .executeTakeFirst(),
    ]);
    const goods = await this.goodsOf(rows.map((row) => row.id));
    return {
      items: rows.map((row) => toDeclaration(row, goods.get(row.id) ?? [])),
      total: decodeCount(counted?.total),
    };
  }

  async update(
    id: string,
    input: DeclarationInput,
    at: string,
    onlyIn?: readonly DeclarationStatus[],
  ): Promise<boolean> {
    if (onlyIn !== undefined && onlyIn.length === 0) return false;
    const updatedAt = encodeTime(at);
    return this.db.transaction().execute(async (trx) => {
      let update = trx
        .updateTable('declarations')
        .set({ ...contentColumns(input), updated_at: updatedAt })
        .where('id', '=', id);
      if (onlyIn !== undefined) update = update.where('status', 'in', onlyIn);
      const result = await update.executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return false;
      await trx.deleteFrom('goods_items').where('declaration_id', '=', id).execute();
      await this.#insertGoods.run(trx, goodsRows(id, input.goods));
      return true;
    });
  }

  async changeStatus(id: string, changes: StatusChange | readonly StatusChange[], check?: StoredCheck): Promise<boolean> {
    const steps: readonly StatusChange[] = Array.isArray(changes) ? changes : [changes as StatusChange];
    const first = steps[0];
    const last = steps[steps.length - 1];
    // A declaration always has a status, so a change from none (a creation) never applies to a stored one.
    if (!first || !last || first.from === null) return false;
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]!.from !== steps[i - 1]!.to) {
        throw new Error(`status changes must chain: step ${i} starts at ${steps[i]!.from}, not ${steps[i - 1]!.to}`);
      }
    }
    const from = first.from;
    return this.db.transaction().execute(async (trx) => {
      // The status condition in the UPDATE itself is what makes this atomic: on PostgreSQL a concurrent
      // change waits for this row's lock and then finds the status moved on; SQLite runs one writer at a time.
      const result = await trx
        .updateTable('declarations')
        .set({ status: last.to, updated_at: encodeTime(last.at), ...(check ? checkColumns(check) : {}) })
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      if (result.numUpdatedRows !== 1n) return false;
      const recorded = await trx
        .selectFrom('declaration_history')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('declaration_id', '=', id)
        .executeTakeFirst();
      const seq = decodeCount(recorded?.seq ?? undefined);
      await trx
        .insertInto('declaration_history')
        .values(steps.map((step, index) => historyRow(id, seq + 1 + index, step)))
        .execute();
      return true;
    });
  }

  async history(id: string): Promise<StatusChange[]> {
    const rows = await this.db
      .selectFrom('declaration_history')
      .selectAll()
      .where('declaration_id', '=', id)
      .orderBy('seq')
      .execute();
    return rows.map(toStatusChange);
  }

  async lastCheck(id: string): Promise<StoredCheck | undefined> {
    const row = await this.db
      .selectFrom('declarations')
      .select(['last_check', 'checked_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toStoredCheck(row);
  }

  /** One statement (declaration joined to its goods), so a concurrent update is never seen half-applied. */
  private async getOne(key: 'id' | 'reference', value: string): Promise<Declaration | undefined> {
    const rows = await this.db
      .selectFrom('declarations as d')
      .leftJoin('goods_items as g', 'g.declaration_id', 'd.id')
      .selectAll('d')
      .select([
        'g.line_no',
        'g.hs_code',
        'g.description',
        'g.packages',
        'g.gross_mass_kg',
        'g.value',
        'g.currency',
      ])
      .where(`d.${key}`, '=', value)
      .orderBy('g.line_no')
      .execute();
    const first = rows[0];
    if (first === undefined) return undefined;
    const goods: GoodsRow[] = [];
    for (const row of rows) {
      if (row.line_no === null) continue;
      goods.push({
        declaration_id: first.id,
        line_no: row.line_no,
        hs_code: row.hs_code ?? '',
        description: row.description ?? '',
        packages: row.packages ?? 0,
        gross_mass_kg: row.gross_mass_kg ?? 0,
        value: row.value ?? 0,
        currency: row.currency ?? '',
      });
    }
    return toDeclaration(first satisfies DeclarationRow, goods);
  }

  /** The goods of many declarations at once, grouped by declaration, each in line order. */
  private async goodsOf(ids: readonly string[]): Promise<Map<string, GoodsRow[]>> {
    const byDeclaration = new Map<string, GoodsRow[]>();
    for (const chunk of chunkIds(ids, this.maxParameters)) {
      const rows = await this.db
        .selectFrom('goods_items')
        .selectAll()
        .where('declaration_id', 'in', chunk)
        .orderBy('declaration_id')
        .orderBy('line_no')
        .execute();
      for (const row of rows) {
        const goods = byDeclaration.get(row.declaration_id);
        if (goods) goods.push(row);
        else byDeclaration.set(row.declaration_id, [row]);
      }
    }
    return byDeclaration;
  }
}

export function chunkIds(ids: readonly string[], maxParameters: number): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < ids.length; start += maxParameters) chunks.push(ids.slice(start, start + maxParameters));
  return chunks;
}

/** Within one batch the first of a repeated reference wins, as if the batch were inserted one by one. */
function firstOfEachReference(declarations: readonly NewDeclaration[]): NewDeclaration[] {
  const seen = new Set<string>();
  return declarations.filter((declaration) => {
    if (seen.has(declaration.input.reference)) return false;
    seen.add(declaration.input.reference);
    return true;
  });
}

function filterConditions(
  eb: ExpressionBuilder<Database, 'declarations'>,
  filter: DeclarationFilter,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.status !== undefined) conditions.push(eb('status', '=', filter.status));
  if (filter.owner !== undefined) conditions.push(eb('owner', '=', filter.owner));
  if (filter.borderCrossing !== undefined) conditions.push(eb('border_crossing', '=', filter.borderCrossing));
  if (filter.consigneeTin !== undefined) conditions.push(eb('consignee_tin', '=', filter.consigneeTin));
  if (filter.vehiclePlate !== undefined) conditions.push(eb('vehicle_plate', '=', filter.vehiclePlate));
  if (filter.text !== undefined && filter.text !== '') {
    // The escape character must be declared: PostgreSQL defaults to backslash, SQLite to none.
    conditions.push(sql<SqlBool>`${eb.ref('search_text')} like ${containsPattern(filter.text)} escape '\\'`);
  }
  return conditions;
}
