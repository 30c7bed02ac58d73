/** The import report: one CSV row per issue of every row that was not accepted cleanly, with its line. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { Issue } from '../../core/model/index.js';

export interface ReportWriter {
  write(line: number, reference: string | undefined, outcome: string, issues: Issue[]): Promise<void>;
  close(): Promise<void>;
}

export function openReport(path: string): ReportWriter {
  const file = createWriteStream(path);
  const csv = stringify({ header: true, columns: ['line', 'reference', 'outcome', 'code', 'path', 'message'] });
  csv.pipe(file);
  return {
    async write(line, reference, outcome, issues) {
      for (const issue of issues) {
        if (!csv.write([line, reference ?? '', outcome, issue.code, issue.path, issue.message])) await once(csv, 'drain');
      }
    },
    async close() {
      csv.end();
      await once(file, 'close');
    },
  };
}
