/**
 * A private nats-server with JetStream for one test file: its own port and its own store directory, started and
 * stopped (with SIGKILL when the test wants a crash) by the test, never the machine's shared server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REQUIRED = process.env.CORRIDOR_REQUIRE_SERVICES === '1';
const CANDIDATES = [process.env.CORRIDOR_NATS_SERVER, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

/** The nats-server binary, or undefined (with a message, or a failure in CI) when there is none. */
export function natsServerBinary(): string | undefined {
  const found = CANDIDATES.find((path): path is string => path !== undefined && existsSync(path));
  if (found) return found;
  if (REQUIRED) throw new Error('no nats-server binary (apt-get install nats-server, or set CORRIDOR_NATS_SERVER), but CORRIDOR_REQUIRE_SERVICES=1 requires it');
  console.warn('skipping the NATS JetStream tests: no nats-server binary (apt-get install nats-server, or set CORRIDOR_NATS_SERVER)');
  return undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export class PrivateNatsServer {
  private child: ChildProcess | undefined;

  private constructor(
    private readonly binary: string,
    readonly port: number,
    readonly dir: string,
  ) {}

  static async start(binary: string): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(binary, await freePort(), await mkdtemp(join(tmpdir(), 'corridor-nats-')));
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /** Starts the server again on the same port and store (after `kill`). */
  async resume(): Promise<void> {
    const child = spawn(this.binary, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dir], { stdio: 'ignore' });
    this.child = child;
    const deadline = Date.now() + 15_000;
    while (!(await portOpen(this.port))) {
      if (child.exitCode !== null) throw new Error(`nats-server exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('nats-server did not start in 15 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Stops the server at once with SIGKILL, as a crash would (or with `signal`). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
    await rm(this.dir, { recursive: true, force: true });
  }
}
