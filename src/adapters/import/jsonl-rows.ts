/** Import rows from JSON lines: one declaration object per line; blank lines are skipped. */
import type { ImportRow } from '../../services/declaration-import.js';
import { readLines } from './line-reader.js';

export async function* jsonLinesRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ImportRow> {
  for await (const line of readLines(chunks)) {
    if ('error' in line) {
      yield { line: line.number, issues: [lineIssue(line.error)] };
      continue;
    }
    if (line.text.trim() === '') continue;
    try {
      yield { line: line.number, record: JSON.parse(line.text) as unknown };
    } catch (error) {
      yield {
        line: line.number,
        issues: [{ code: 'JSON_SYNTAX', path: '', message: `not valid JSON: ${(error as Error).message}` }],
      };
    }
  }
}

export function lineIssue(error: 'ENCODING' | 'LINE_TOO_LONG') {
  return error === 'ENCODING'
    ? { code: 'ENCODING', path: '', message: 'the line is not valid UTF-8; save the file as UTF-8' }
    : { code: 'LINE_TOO_LONG', path: '', message: 'the line is longer than 1 MiB' };
}
