/**
 * Import rows from the declaration CSV (see core/import/declaration-csv.ts): consecutive rows with the same
 * reference are one declaration. A row that cannot be read is reported at its line; a declaration one of
 * whose goods rows could not be read is rejected rather than stored without that item.
 */
import { checkCsvHeader, declarationFromCsvRows, type CsvRow } from '../../core/import/declaration-csv.js';
import type { Issue } from '../../core/model/index.js';
import type { ImportRow } from '../../services/declaration-import.js';
import { csvRecords } from './csv-records.js';

const REPLACEMENT_CHARACTER = '\ufffd';

export async function* csvRows(source: AsyncIterable<Uint8Array>): AsyncGenerator<ImportRow> {
  let headerIssues: Issue[] = [];
  let group: CsvRow[] = [];
  let groupLine = 0;
  let groupIssues: Issue[] = [];
  let unreadable: number[] = [];
  const emit = (): ImportRow => {
    const { record, issues } = declarationFromCsvRows(group);
    const all = [...groupIssues, ...issues];
    return all.length > 0 ? { line: groupLine, record, issues: all } : { line: groupLine, record };
  };

  for await (const entry of csvRecords(source, (columns) => (headerIssues = checkCsvHeader(columns)))) {
    if (headerIssues.some((issue) => issue.code === 'CSV_COLUMN_MISSING')) {
      yield { line: 1, issues: headerIssues };
      return;
    }
    if ('issues' in entry) {
      unreadable.push(entry.line);
      yield entry;
      continue;
    }
    const { record, line } = entry;
    if (group.length > 0 && record.reference !== group[0]!.reference) {
      yield emit();
      group = [];
      groupIssues = [];
    }
    if (group.length > 0) {
      for (const broken of unreadable) {
        groupIssues.push({ code: 'CSV_ROW_UNREADABLE', path: '', message: `line ${broken}, inside this declaration's rows, could not be read` });
      }
    } else {
      groupLine = line;
    }
    unreadable = [];
    const encoding = encodingIssue(record);
    if (encoding) groupIssues.push(encoding);
    group.push(record);
  }
  if (group.length > 0) yield emit();
}

/** csv-parse decodes invalid UTF-8 to U+FFFD; such a row came from a file in another encoding. */
function encodingIssue(record: CsvRow): Issue | undefined {
  for (const [column, value] of Object.entries(record)) {
    if (value?.includes(REPLACEMENT_CHARACTER)) {
      return { code: 'ENCODING', path: column, message: `${column} is not valid UTF-8; save the file as UTF-8` };
    }
  }
  return undefined;
}
