/** Splits multi-row statements so that none carries more bound parameters than the dialect allows. */

/** Groups of rows whose parameters (`columns` a row) stay within `maxParameters`; never an empty group. */
export function chunkRows<T>(rows: readonly T[], columns: number, maxParameters: number): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / Math.max(1, columns)));
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) chunks.push(rows.slice(start, start + size));
  return chunks;
}

/** Groups of `row`-shaped objects, counting the parameters from the first row's columns. */
export function chunkByColumns<T extends object>(rows: readonly T[], maxParameters: number): T[][] {
  const first = rows[0];
  if (first === undefined) return [];
  return chunkRows(rows, Object.keys(first).length, maxParameters);
}
