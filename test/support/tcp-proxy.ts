/**
 * A TCP proxy on loopback for fault tests: processes reach a server (PostgreSQL) through it, and the test cuts it
 * (every connection dropped, new ones refused) and restores it, as an outage of that server looks from them.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const made: { proxy?: TcpProxy } = {};
    const server = createServer((client) => {
      const proxy = made.proxy;
      if (proxy === undefined || proxy.cut) {
        client.destroy();
        return;
      }
      const upstream = connect({ host: targetHost, port: targetPort });
      for (const socket of [client, upstream]) {
        proxy.sockets.add(socket);
        socket.on('close', () => proxy.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    made.proxy = new TcpProxy(server, (server.address() as { port: number }).port);
    return made.proxy;
  }

  /** Drops every connection and refuses new ones until `restore`. */
  interrupt(): void {
    this.cut = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.cut = false;
  }

  close(): Promise<void> {
    this.interrupt();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
