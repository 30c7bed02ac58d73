import SqliteDatabase from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  it('prepares a repeated SQL text once, and evicts the least recently used beyond capacity', () => {
    const database = new SqliteDatabase(':memory:');
    let prepared = 0;
    const prepare = database.prepare.bind(database);
    database.prepare = ((sql: string) => {
      prepared += 1;
      return prepare(sql);
    }) as typeof database.prepare;
    const cached = withStatementCache(database, 2);
    const one = cached.prepare('select 1 as v');
    expect(cached.prepare('select 1 as v')).toBe(one);
    cached.prepare('select 2 as v');
    cached.prepare('select 1 as v'); // 1 is now more recent than 2
    cached.prepare('select 3 as v'); // evicts 2, the least recently used
    expect(prepared).toBe(3);
    expect(cached.prepare('select 1 as v')).toBe(one);
    expect(prepared).toBe(3);
    cached.prepare('select 2 as v'); // prepared again
    expect(prepared).toBe(4);
    expect((one as unknown as { get(): { v: number } }).get()).toEqual({ v: 1 });
    cached.close();
  });
});
