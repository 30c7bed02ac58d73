import { Kysely, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FixedRowStatements } from './fixed-row-statements.js';

interface Db {
  t: { a: number; b: string };
}

describe('FixedRowStatements', () => {
  const db = new Kysely<Db>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) });
  let compiled = 0;
  const statements = new FixedRowStatements(['a', 'b'], [16, 4, 1], 100, (rows) => {
    compiled += 1;
    return db.insertInto('t').values(rows as never).compile();
  });

  it('splits any count into as few fixed statements as the sizes allow', () => {
    expect(statements.plan(0)).toStrictEqual([]);
    expect(statements.plan(3)).toStrictEqual([1, 1, 1]);
    expect(statements.plan(39)).toStrictEqual([16, 16, 4, 1, 1, 1]);
  });

  it('compiles each size once and carries the given parameters', () => {
    const first = statements.query([1, 'x', 2, 'y', 3, 'z', 4, 'w']);
    const second = statements.query([5, 'p', 6, 'q', 7, 'r', 8, 's']);
    expect(compiled).toBe(1);
    expect(second.sql).toBe(first.sql);
    expect(second.sql).toMatch(/values \(\?, \?\), \(\?, \?\), \(\?, \?\), \(\?, \?\)$/);
    expect(second.parameters).toStrictEqual([5, 'p', 6, 'q', 7, 'r', 8, 's']);
  });

  it('refuses sizes that cannot add up to any count, or exceed the parameter limit', () => {
    const compile = () => db.insertInto('t').values({ a: 1, b: 'x' }).compile();
    expect(() => new FixedRowStatements(['a', 'b'], [16, 4], 100, compile)).toThrow(RangeError);
    expect(() => new FixedRowStatements(['a', 'b'], [4, 16, 1], 100, compile)).toThrow(RangeError);
    expect(() => new FixedRowStatements(['a', 'b'], [64, 1], 100, compile)).toThrow(RangeError);
  });

  it('refuses a statement whose parameters do not follow the rows in column order', () => {
    const swapped = new FixedRowStatements(['a', 'b'], [1], 100, (rows) =>
      db.insertInto('t').values(rows.map((row) => ({ b: row.b, a: row.a })) as never).compile(),
    );
    expect(() => swapped.query([1, 'x'])).toThrow(/column order/);
  });
});
