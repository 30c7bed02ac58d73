/** The goods nomenclature (HS and EAEU TN VED codes), loaded in bulk and read whole by the document checks. */
import type { Kysely } from 'kysely';
import type { NomenclatureEntry, NomenclatureRepository } from '../../ports/store.js';
import { chunkByColumns } from './batches.js';
import { decodeCount } from './codec.js';
import type { Database, NomenclatureTable } from './schema.js';

export class KyselyNomenclatureRepository implements NomenclatureRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxParameters: number,
  ) {}

  async putMany(entries: NomenclatureEntry[]): Promise<number> {
    // PostgreSQL refuses an upsert that touches one row twice, so a repeated code keeps only its last entry.
    const byCode = new Map<string, NomenclatureTable>();
    for (const entry of entries) {
      byCode.set(entry.code, {
        code: entry.code,
        description: entry.description,
        valid_from: entry.validFrom ?? null,
        valid_to: entry.validTo ?? null,
      });
    }
    if (byCode.size === 0) return 0;
    await this.db.transaction().execute(async (trx) => {
      for (const rows of chunkByColumns([...byCode.values()], this.maxParameters)) {
        await trx
          .insertInto('nomenclature')
          .values(rows)
          .onConflict((conflict) =>
            conflict.column('code').doUpdateSet((eb) => ({
              description: eb.ref('excluded.description'),
              valid_from: eb.ref('excluded.valid_from'),
              valid_to: eb.ref('excluded.valid_to'),
            })),
          )
          .execute();
      }
    });
    return byCode.size;
  }

  async allCodes(): Promise<string[]> {
    const rows = await this.db.selectFrom('nomenclature').select('code').orderBy('code').execute();
    return rows.map((row) => row.code);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('nomenclature')
      .select((eb) => eb.fn.countAll().as('total'))
      .executeTakeFirst();
    return decodeCount(row?.total);
  }
}
