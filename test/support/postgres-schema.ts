/** A throwaway PostgreSQL schema for tests whose processes reach it through their URL, as a deployment would. */
import pg from 'pg';

/** `url` with `schema` as its connections' search path, and optionally reached at another port of this machine (a proxy). */
export function schemaUrl(url: string, schema: string, port?: number): string {
  const parsed = new URL(url);
  if (port !== undefined) {
    parsed.hostname = '127.0.0.1';
    parsed.port = String(port);
  }
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** Runs one statement on a connection of its own (creating or dropping the schema). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
