/** A seal speaking a binary or text protocol over one TCP connection (Teltonika, Wialon IPS, EGTS). */
import { connect, type Socket } from 'node:net';
import { DeviceLink, errorKind, type LinkContext } from './device-link.js';
import type { TcpDriver } from './drivers/tcp-driver.js';

type State = 'idle' | 'connecting' | 'login' | 'ready' | 'waiting';

export interface TcpEndpoint {
  host: string;
  port: number;
}

export class TcpLink extends DeviceLink {
  private socket: Socket | undefined;
  private driver: TcpDriver | undefined;
  private state: State = 'idle';
  private timer: NodeJS.Timeout | undefined;
  /** Set when the failure is already counted, so the close that follows does not count it again. */
  private failure: string | undefined;
  private socketError: string | undefined;

  constructor(context: LinkContext, private readonly endpoint: TcpEndpoint, private readonly makeDriver: () => TcpDriver) {
    super(context);
  }

  protected send(): void {
    if (this.state === 'idle') {
      if (this.outbox.size > 0) this.connect();
    } else if (this.state === 'ready') {
      this.pump();
    }
  }

  private connect(): void {
    const { stats } = this.context;
    stats.stats.connectAttempts++;
    this.state = 'connecting';
    this.failure = undefined;
    this.socketError = undefined;
    const driver = this.makeDriver();
    this.driver = driver;
    const socket = connect({ host: this.endpoint.host, port: this.endpoint.port });
    this.socket = socket;
    socket.setNoDelay(true);
    this.arm('connect-timeout');
    socket.on('connect', () => {
      if (socket !== this.socket) return;
      stats.stats.connections++;
      this.state = 'login';
      this.arm('login-timeout');
      socket.write(driver.open());
    });
    socket.on('data', (chunk: Buffer) => this.onData(socket, chunk));
    socket.on('error', (error) => {
      this.socketError ??= errorKind(error);
    });
    socket.on('close', () => this.onClose(socket));
  }

  private onData(socket: Socket, chunk: Buffer): void {
    if (socket !== this.socket || this.driver === undefined) return;
    for (const event of this.driver.read(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length))) {
      switch (event.type) {
        case 'logged-in':
          this.disarm();
          this.state = 'ready';
          this.context.backoff.reset();
          break;
        case 'send':
          socket.write(event.bytes);
          break;
        case 'settled':
          if (this.state !== 'waiting') return this.fail('protocol', socket);
          this.disarm();
          this.state = 'ready';
          this.acknowledged(event.accepted, event.refused);
          break;
        case 'failed':
          return this.fail(event.kind, socket);
      }
    }
    this.pump();
  }

  private pump(): void {
    if (this.closed || this.state !== 'ready' || this.outbox.busy || !this.outbox.hasUnsent) return;
    const driver = this.driver!;
    const batch = this.outbox.take(driver.maxBatch);
    this.state = 'waiting';
    this.arm('ack-timeout');
    this.socket!.write(driver.encode(batch));
  }

  private fail(kind: string, socket: Socket): void {
    this.context.stats.error(kind);
    this.failure = kind;
    socket.destroy();
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    this.disarm();
    this.socket = undefined;
    const was = this.state;
    this.state = 'idle';
    this.outbox.release();
    if (this.closed) return;
    if (this.failure === undefined) {
      const kind = this.socketError
        ?? (was === 'waiting' ? 'closed-before-ack' : was === 'ready' ? 'closed-by-gateway' : was === 'login' ? 'closed-before-login' : 'connect-failed');
      this.context.stats.error(kind);
    }
    // Even a gateway closing an idle connection is met after a delay, so one that hangs up on every login is
    // not hammered; after a good login the backoff starts again from its first step.
    this.retryLater();
  }

  private arm(kind: string): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.socket) this.fail(kind, this.socket);
    }, this.context.ackTimeoutMs);
  }

  private disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected async shutdown(): Promise<void> {
    this.disarm();
    const socket = this.socket;
    if (socket === undefined) return;
    this.socket = undefined;
    this.state = 'idle';
    this.outbox.release();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => socket.destroy(), 1000);
      socket.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      socket.end();
      if (socket.destroyed) {
        clearTimeout(force);
        resolve();
      }
    });
  }
}
