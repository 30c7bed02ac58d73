/**
 * What a test of the scaled-out processes sets up around itself: a private nats-server (started for the test file,
 * never the machine's) and a PostgreSQL schema of its own, both made before the file's tests and dropped after
 * them, and the processes the tests start, killed afterwards with what each one logged written to
 * `test-results/<name>/` for a failure's post-mortem. The file's tests skip without a nats-server binary or
 * PostgreSQL (`available`).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { natsServerBinary, PrivateNatsServer } from './nats-server.js';
import { adminQuery, schemaUrl } from './postgres-schema.js';
import type { Child } from './processes.js';
import { postgresUrl } from './services.js';

export interface ScaleOut {
  /** Whether the nats-server binary and PostgreSQL are here. */
  readonly available: boolean;
  /** PostgreSQL's URL; only when `available`. */
  readonly pgUrl: string;
  readonly schema: string;
  /** The processes started; killed after the tests. */
  readonly children: Child[];
  /** The private nats-server, from the file's start. */
  nats(): PrivateNatsServer;
  /** `url` with the test's schema as search path, reached at `port` of this machine when given (a proxy). */
  databaseUrl(url: string, port?: number): string;
  /** Runs one statement on a connection of its own. */
  admin(sql: string): Promise<void>;
  /** Closes `close` after the processes are killed, before the nats-server stops (a bus, a proxy). */
  closing(close: () => Promise<unknown> | undefined): void;
}

/** Registers the file's setup and teardown; `name` names the schema (with a random suffix) and the logs' folder. */
export function scaleOut(name: string): ScaleOut {
  const binary = natsServerBinary();
  const pgUrl = postgresUrl();
  const schema = `${name.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const children: Child[] = [];
  const closers: Array<() => Promise<unknown> | undefined> = [];
  let nats: PrivateNatsServer | undefined;
  const admin = (sql: string) => adminQuery(pgUrl!, sql);

  beforeAll(async () => {
    if (!binary || !pgUrl) return;
    nats = await PrivateNatsServer.start(binary);
    await admin(`create schema ${schema}`);
  }, 30_000);

  afterAll(async () => {
    for (const child of children) await child.kill();
    await mkdir(`test-results/${name}`, { recursive: true });
    for (const [i, child] of children.entries()) await writeFile(`test-results/${name}/${i}-${child.name}.log`, child.output());
    for (const close of closers.reverse()) await close();
    await nats?.stop();
    if (pgUrl) await admin(`drop schema if exists ${schema} cascade`);
  });

  return {
    available: binary !== undefined && pgUrl !== undefined,
    pgUrl: pgUrl ?? '',
    schema,
    children,
    nats: () => {
      if (nats === undefined) throw new Error('the private nats-server is not running');
      return nats;
    },
    databaseUrl: (url, port) => schemaUrl(url, schema, port),
    admin,
    closing: (close) => void closers.push(close),
  };
}
