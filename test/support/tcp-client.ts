/** A device's end of a TCP connection, for tests: send bytes, read exact answers, see the close. */
import { connect, type Socket } from 'node:net';

export class TcpClient {
  private buffer = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {});
  }

  static open(port: number, host = '127.0.0.1'): Promise<TcpClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host }, () => resolve(new TcpClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes the bytes, in one piece or one byte at a time. */
  async send(bytes: Uint8Array, byteAtATime = false): Promise<void> {
    if (!byteAtATime) {
      this.socket.write(bytes);
      return;
    }
    for (const byte of bytes) {
      this.socket.write(Uint8Array.of(byte));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The next `count` bytes, or what arrived before the connection closed or the time ran out. */
  async read(count: number, timeoutMs = 5_000): Promise<Buffer> {
    await this.waitFor(() => this.buffer.length >= count, timeoutMs);
    return this.take(Math.min(count, this.buffer.length));
  }

  /** The next line with its CRLF (text protocols), or '' if none came. */
  async readLine(timeoutMs = 5_000): Promise<string> {
    await this.waitFor(() => this.buffer.includes('\r\n'), timeoutMs);
    const end = this.buffer.indexOf('\r\n');
    return end < 0 ? '' : this.take(end + 2).toString('utf8');
  }

  async waitClosed(timeoutMs = 5_000): Promise<boolean> {
    await this.waitFor(() => false, timeoutMs);
    return this.closed;
  }

  private take(count: number): Buffer {
    const taken = Buffer.from(this.buffer.subarray(0, count));
    this.buffer = this.buffer.subarray(count);
    return taken;
  }

  /** Waits until `ready()`, the connection closes, or the time runs out. */
  private async waitFor(ready: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready() && !this.closed && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  end(): void {
    this.socket.destroy();
  }
}
