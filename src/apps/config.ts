/** Configuration from the environment, with flags layered on top by the CLI. Documented in the README. */
export interface Config {
  host: string;
  httpPort: number;
  /** A SQLite file path, or a `postgres://` URL. */
  db: string;
  adminPassword?: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.CORRIDOR_HOST ?? '127.0.0.1',
    httpPort: port(env.CORRIDOR_HTTP_PORT ?? '8080', 'CORRIDOR_HTTP_PORT'),
    db: env.CORRIDOR_DB ?? './data/corridor.db',
    ...(env.CORRIDOR_ADMIN_PASSWORD ? { adminPassword: env.CORRIDOR_ADMIN_PASSWORD } : {}),
  };
}

export function port(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535, not "${text}"`);
  }
  return value;
}
