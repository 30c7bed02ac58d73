/**
 * The baseline of the import benchmark: the same declarations and goods rows written with bare
 * better-sqlite3 prepared statements in transactions of 1,000, WAL on: the raw limit of the engine.
 */
import Database from 'better-sqlite3';
import type { DeclarationInput } from '../src/core/model/index.js';

export function bareInsert(path: string, declarations: readonly DeclarationInput[]): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE declarations (id TEXT PRIMARY KEY, reference TEXT UNIQUE NOT NULL, status TEXT NOT NULL,
      consignee_name TEXT, consignee_tin TEXT, vehicle_plate TEXT, border_crossing TEXT, body TEXT NOT NULL);
    CREATE TABLE goods_items (declaration_id TEXT NOT NULL, line_no INTEGER NOT NULL, hs_code TEXT NOT NULL,
      description TEXT, packages REAL, gross_mass_kg REAL, value REAL, currency TEXT, PRIMARY KEY (declaration_id, line_no));
  `);
  const insertDeclaration = db.prepare('INSERT INTO declarations VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertGoods = db.prepare('INSERT INTO goods_items VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertBatch = db.transaction((batch: readonly DeclarationInput[], offset: number) => {
    batch.forEach((declaration, index) => {
      const id = String(offset + index);
      insertDeclaration.run(id, declaration.reference, 'accepted', declaration.consignee.name, declaration.consignee.tin ?? null,
        declaration.vehicle.plate, declaration.borderCrossing, JSON.stringify(declaration));
      declaration.goods.forEach((item, line) =>
        insertGoods.run(id, line, item.hsCode, item.description, item.packages, item.grossMassKg, item.value, item.currency),
      );
    });
  });
  const started = performance.now();
  for (let offset = 0; offset < declarations.length; offset += 1000) insertBatch(declarations.slice(offset, offset + 1000), offset);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}
