/**
 * Streams CSV records with their line numbers. A record with broken quoting or the wrong number of fields
 * comes out as an error at its line, in file order with the records around it, and parsing goes on.
 */
import { finished } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import type { Issue } from '../../core/model/index.js';

export type CsvRecord = { line: number; record: Record<string, string> } | { line: number; issues: Issue[] };

export async function* csvRecords(
  source: AsyncIterable<Uint8Array>,
  onHeader: (columns: string[]) => void = () => {},
  maxRecordBytes = 1 << 20,
): AsyncGenerator<CsvRecord> {
  // The parser calls back synchronously as it parses each written chunk, records and errors alike, so one
  // queue keeps them in file order; the parser's own output stays empty.
  let queue: CsvRecord[] = [];
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      const columns = header.map((column) => column.trim().toLowerCase());
      onHeader(columns);
      return columns;
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: maxRecordBytes,
    on_record: (record: Record<string, string>, context: { lines: number }) => {
      queue.push({ line: context.lines, record });
      return null;
    },
  });
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    queue.push({ line: error.lines ?? 0, issues: [{ code: error.code, path: '', message: error.message }] });
  });
  // An error csv-parse cannot skip past ends the parse; it becomes the last entry rather than a crash.
  let fatal: (CsvError & { lines?: number }) | undefined;
  parser.on('error', (error: CsvError & { lines?: number }) => (fatal ??= error));
  parser.resume();
  const fatalEntry = (error: CsvError & { lines?: number }): CsvRecord => ({
    line: error.lines ?? 0,
    issues: [{ code: error.code ?? 'CSV_UNREADABLE', path: '', message: `${error.message}; the rest of the file was not read` }],
  });
  const drain = () => {
    const ready = queue;
    queue = [];
    return ready;
  };
  for await (const chunk of source) {
    parser.write(chunk);
    yield* drain();
    if (fatal) {
      yield fatalEntry(fatal);
      return;
    }
  }
  parser.end();
  await finished(parser).catch(() => {});
  yield* drain();
  if (fatal) yield fatalEntry(fatal);
}
