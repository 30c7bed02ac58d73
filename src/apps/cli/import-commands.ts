/** The file imports of the CLI: stream the file with a progress bar, write the report, print the summary. */
import { csvRows } from '../../adapters/import/csv-rows.js';
import { jsonLinesRows } from '../../adapters/import/jsonl-rows.js';
import { nomenclatureCsvRows } from '../../adapters/import/nomenclature-csv-rows.js';
import type { ImportSummary } from '../../services/declaration-import.js';
import type { NomenclatureSummary } from '../../services/nomenclature-import.js';
import { CONSOLE_USER, type Platform } from '../platform.js';
import { fileSource } from './file-source.js';
import { openReport } from './import-report.js';

export async function importDeclarationsFile(
  platform: Platform,
  file: string,
  options: { format?: 'csv' | 'jsonl'; report?: string },
): Promise<ImportSummary> {
  const format = options.format ?? (/\.csv$/i.test(file) ? 'csv' : 'jsonl');
  const reportPath = options.report ?? `${file}.report.csv`;
  const source = await fileSource(file, 'declarations');
  const report = openReport(reportPath);
  const started = performance.now();
  let summary: ImportSummary;
  try {
    const rows = format === 'csv' ? csvRows(source.chunks) : jsonLinesRows(source.chunks);
    summary = await platform.imports.run(CONSOLE_USER, rows, {
      onOutcome: (outcome) => (outcome.issues.length > 0 ? report.write(outcome.line, outcome.reference, outcome.outcome, outcome.issues) : undefined),
    });
  } finally {
    source.done();
    await report.close();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${summary.rows} declarations read in ${seconds.toFixed(1)} s (${Math.round(summary.rows / seconds)}/s): ` +
      `${summary.accepted} accepted, ${summary.incomplete} incomplete, ${summary.rejected} rejected, ${summary.duplicates} duplicates skipped`,
  );
  if (summary.rejected + summary.incomplete + summary.duplicates > 0) console.log(`reasons, line by line: ${reportPath}`);
  return summary;
}

export async function importNomenclatureFile(platform: Platform, file: string): Promise<NomenclatureSummary> {
  const source = await fileSource(file, 'nomenclature');
  const report = openReport(`${file}.report.csv`);
  let summary: NomenclatureSummary;
  try {
    summary = await platform.nomenclature.run(CONSOLE_USER, nomenclatureCsvRows(source.chunks), (line, issues) =>
      report.write(line, undefined, 'rejected', issues),
    );
  } finally {
    source.done();
    await report.close();
  }
  console.log(`${summary.stored} nomenclature codes stored, ${summary.rejected} rows rejected`);
  if (summary.rejected > 0) console.log(`reasons, line by line: ${file}.report.csv`);
  return summary;
}
