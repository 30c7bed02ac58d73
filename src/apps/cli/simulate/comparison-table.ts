/** Policies side by side: one row a figure, one column a policy, as plain aligned text for a terminal. */
import { COMPARISON_ROWS, type SimulationReport } from '../../../core/simulation/index.js';

export function comparisonTable(reports: readonly SimulationReport[]): string {
  const header = ['', ...reports.map((r) => r.policy)];
  const rows = COMPARISON_ROWS.map(([name, cell]) => [name, ...reports.map(cell)]);
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c]!.length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
