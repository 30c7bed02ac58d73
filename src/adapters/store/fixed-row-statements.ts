/**
 * A multi-row statement at a few fixed row counts, each compiled by Kysely once and then run again and again
 * with fresh parameters. The SQL text repeats from batch to batch, so the SQLite driver's statement cache
 * prepares it once, and no batch pays for building and compiling a query tree of thousands of values. Kysely
 * still writes the SQL, so the one statement serves both dialects.
 */
import type { CompiledQuery, Kysely } from 'kysely';

export class FixedRowStatements {
  readonly #compiled = new Map<number, CompiledQuery>();
  readonly #sizes: readonly number[];

  /**
   * @param columns the columns of a row, in the order their parameters are given
   * @param sizes the row counts of the statements, largest first and ending with 1, so any count adds up
   * @param compile the statement over `rows`, whose values are the parameters' positions (see `template`)
   */
  constructor(
    readonly columns: readonly string[],
    sizes: readonly number[],
    maxParameters: number,
    private readonly compile: (rows: Array<Record<string, number>>) => CompiledQuery,
  ) {
    if (sizes[sizes.length - 1] !== 1 || sizes.some((size, i) => i > 0 && size >= sizes[i - 1]!)) {
      throw new RangeError(`row counts must fall strictly and end with 1: ${sizes.join(', ')}`);
    }
    if (sizes[0]! * columns.length > maxParameters) {
      throw new RangeError(`${sizes[0]} rows of ${columns.length} columns exceed ${maxParameters} parameters`);
    }
    this.#sizes = sizes;
  }

  /** How `rows` rows split into statements: as few as the sizes allow, largest first. */
  plan(rows: number): number[] {
    const plan: number[] = [];
    let left = rows;
    for (const size of this.#sizes) {
      for (; left >= size; left -= size) plan.push(size);
    }
    return plan;
  }

  /** The statement for `parameters.length / columns` rows, the parameters row after row in column order. */
  query(parameters: readonly unknown[]): CompiledQuery {
    const rows = parameters.length / this.columns.length;
    return { ...this.compiled(rows), parameters };
  }

  private compiled(rows: number): CompiledQuery {
    let compiled = this.#compiled.get(rows);
    if (compiled === undefined) {
      const template = Array.from({ length: rows }, (_, row) =>
        Object.fromEntries(this.columns.map((column, index) => [column, row * this.columns.length + index])),
      );
      compiled = this.compile(template);
      // Each template value is the position its parameter must take; if Kysely ever ordered them otherwise,
      // every row would be written into the wrong columns, so refuse instead.
      if (compiled.parameters.length !== rows * this.columns.length || compiled.parameters.some((value, index) => value !== index)) {
        throw new Error(`the ${rows}-row statement does not take its parameters row by row in column order`);
      }
      this.#compiled.set(rows, compiled);
    }
    return compiled;
  }
}

/**
 * Inserts rows of one shape through fixed-row statements made on first use for that shape (its columns in
 * the order of the first row's keys) and returns the rows the statements returned, in order.
 */
export class FixedRowInsert<R = unknown> {
  readonly #byShape = new Map<string, FixedRowStatements>();

  constructor(
    private readonly sizes: readonly number[],
    private readonly maxParameters: number,
    private readonly compile: (rows: Array<Record<string, number>>) => CompiledQuery,
  ) {}

  async run(executor: Pick<Kysely<never>, 'executeQuery'>, rows: readonly object[]): Promise<R[]> {
    if (rows.length === 0) return [];
    const columns = Object.keys(rows[0]!);
    const shape = columns.join(',');
    let statements = this.#byShape.get(shape);
    if (!statements) {
      statements = new FixedRowStatements(columns, this.sizes, this.maxParameters, this.compile);
      this.#byShape.set(shape, statements);
    }
    const returned: R[] = [];
    let next = 0;
    for (const size of statements.plan(rows.length)) {
      const parameters: unknown[] = [];
      for (const row of rows.slice(next, next + size)) {
        for (const column of columns) parameters.push((row as Record<string, unknown>)[column]);
      }
      next += size;
      const result = await executor.executeQuery(statements.query(parameters) as CompiledQuery<R>);
      returned.push(...result.rows);
    }
    return returned;
  }
}
