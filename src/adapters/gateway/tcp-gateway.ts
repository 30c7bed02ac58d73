/** A TCP listener for one device protocol, with a limit on connections. */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import type { SealProtocol } from '../../core/model/index.js';
import type { ProtocolSession } from '../../protocols/session.js';
import { DEFAULT_CONNECTION_LIMITS, serveConnection, type ConnectionLimits } from './connection.js';
import type { GatewayContext } from './gateway-context.js';

export interface TcpGatewayOptions {
  protocol: SealProtocol;
  host: string;
  port: number;
  createSession: () => ProtocolSession;
  maxConnections?: number;
  limits?: ConnectionLimits;
}

export interface Listener {
  protocol: SealProtocol;
  address: AddressInfo;
  close(): Promise<void>;
}

export async function listenTcpGateway(options: TcpGatewayOptions, context: GatewayContext): Promise<Listener> {
  const sockets = new Set<Socket>();
  const maxConnections = options.maxConnections ?? 20_000;
  const server = createServer((socket) => {
    if (sockets.size >= maxConnections) {
      context.metrics.refusedConnections.inc({ protocol: options.protocol, reason: 'limit' });
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, options.protocol, options.createSession(), context, options.limits ?? DEFAULT_CONNECTION_LIMITS);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => context.log.error({ protocol: options.protocol, error: error.message }, 'listener error'));
  return {
    protocol: options.protocol,
    address: server.address() as AddressInfo,
    close: async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Positions already submitted are committed (and so acknowledged) before the sockets go.
      await context.ingest.flush();
      for (const socket of sockets) socket.destroy();
      await stopped;
    },
  };
}
