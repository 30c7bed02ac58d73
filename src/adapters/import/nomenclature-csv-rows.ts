/** Nomenclature rows from CSV: `code,description,valid_from,valid_to`; codes may be written with spaces or dots. */
import type { NomenclatureRow } from '../../services/nomenclature-import.js';
import { csvRecords } from './csv-records.js';

export async function* nomenclatureCsvRows(source: AsyncIterable<Uint8Array>): AsyncGenerator<NomenclatureRow> {
  for await (const entry of csvRecords(source, undefined, 64 * 1024)) {
    if ('issues' in entry) {
      yield entry;
      continue;
    }
    const { record, line } = entry;
    const validFrom = record.valid_from?.trim();
    const validTo = record.valid_to?.trim();
    yield {
      line,
      code: (record.code ?? '').replace(/[\s.]/g, ''),
      description: (record.description ?? '').trim(),
      ...(validFrom ? { validFrom } : {}),
      ...(validTo ? { validTo } : {}),
    };
  }
}
