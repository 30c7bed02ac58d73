/** Limit and offset as both dialects accept them: PostgreSQL rejects negatives that SQLite reads as "all". */
export function pageBounds(limit: number, offset: number): { limit: number; offset: number } {
  const whole = (value: number) => (Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : 0);
  return { limit: whole(limit), offset: whole(offset) };
}
