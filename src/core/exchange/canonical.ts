/**
 * A canonical JSON serialisation (keys sorted, no whitespace), so that both sides sign and verify the same bytes
 * whatever order a JSON encoder writes the keys in. Numbers and strings are as JSON.stringify writes them, which is
 * enough for the integers and texts messages carry (RFC 8785 differs only for exotic floating-point numbers).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
