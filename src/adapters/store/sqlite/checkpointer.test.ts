import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-checkpoint-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('startCheckpointer', () => {
  it('moves the log into the database file while the writer goes on, so the log does not grow without end', async () => {
    const path = join(dir, 'c.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (v BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (randomblob(1024))');
    const checkpointer = startCheckpointer(path, 20);
    const write = db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run();
    });
    let largestLog = 0;
    for (let round = 0; round < 20; round++) {
      write();
      await new Promise((resolve) => setTimeout(resolve, 40));
      largestLog = Math.max(largestLog, (await stat(`${path}-wal`)).size);
    }
    await checkpointer.stop();
    // 20 MB were written; without checkpoints the log would hold all of it.
    expect(largestLog).toBeLessThan(8 * 1024 * 1024);
    expect((await stat(path)).size).toBeGreaterThan(15 * 1024 * 1024);
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(20_000);
    db.close();
  });
});
