/**
 * The baseline of the import benchmark: the same rows the import stores (declarations, goods items, status
 * history, in the same migrated schema with the same indexes), made beforehand by the store's own row
 * mappers and written with bare better-sqlite3 prepared statements in transactions of 1,000 declarations:
 * SQLite's own limit for this work on this machine.
 */
import Database from 'better-sqlite3';
import { declarationRow, goodsRows, historyRows } from '../src/adapters/store/declaration-rows.js';
import { openStore } from '../src/adapters/store/open-store.js';
import { checkDeclaration, type CheckContext } from '../src/core/checks/index.js';
import type { DeclarationInput } from '../src/core/model/index.js';
import { importedDeclaration } from '../src/services/declaration-import.js';
import { newRecordId } from '../src/services/ids.js';

export async function bareInsert(path: string, declarations: readonly DeclarationInput[], context: CheckContext): Promise<number> {
  const store = openStore(path);
  await store.migrate();
  await store.close();

  const at = new Date().toISOString();
  const stored = declarations.map((input) => importedDeclaration(newRecordId(), input, checkDeclaration(input, context), 'console', at));
  const rows = stored.map((declaration) => ({
    declaration: declarationRow(declaration),
    goods: goodsRows(declaration.id, declaration.input.goods),
    history: historyRows(declaration.id, declaration.history),
  }));

  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insertInto = (table: string, sample: object) => {
    const columns = Object.keys(sample);
    return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  };
  const first = rows[0]!;
  const insertDeclaration = insertInto('declarations', first.declaration);
  const insertGoods = insertInto('goods_items', first.goods[0]!);
  const insertHistory = insertInto('declaration_history', first.history[0]!);
  const insertBatch = db.transaction((batch: typeof rows) => {
    for (const row of batch) {
      insertDeclaration.run(row.declaration);
      for (const item of row.goods) insertGoods.run(item);
      for (const change of row.history) insertHistory.run(change);
    }
  });
  const started = performance.now();
  for (let offset = 0; offset < rows.length; offset += 1000) insertBatch(rows.slice(offset, offset + 1000));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}
