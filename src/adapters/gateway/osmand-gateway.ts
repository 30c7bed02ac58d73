/**
 * OsmAnd over HTTP: GET or POST with query or form parameters. 200 only once the position is durable;
 * 400 with the reasons for a malformed request; 403 for an unregistered device; 503 when the store is down,
 * so the device keeps the position and sends it again.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeOsmand } from '../../protocols/osmand/index.js';
import { UnstorablePosition } from '../../services/position-ingest.js';
import { admits, deriveSealState, recordRefusal, sealMappingFor, type GatewayContext } from './gateway-context.js';
import type { Listener } from './tcp-gateway.js';

const MAX_BODY_BYTES = 16 * 1024;
const protocol = 'osmand' as const;

export async function listenOsmandGateway(options: { host: string; port: number }, context: GatewayContext): Promise<Listener> {
  const server = createServer((request, response) => {
    handle(request, response, context).catch((error: unknown) => {
      context.log.error({ protocol, error: String(error) }, 'request failed');
      if (!response.headersSent) answer(response, 500, 'internal error');
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    protocol,
    address: server.address() as AddressInfo,
    close: async () => {
      await context.ingest.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, context: GatewayContext): Promise<void> {
  const labels = { protocol };
  const receivedAt = context.now();
  if (request.method !== 'GET' && request.method !== 'POST') return answer(response, 405, 'use GET or POST');
  const params = new URLSearchParams(new URL(request.url ?? '/', 'http://gateway').search);
  if (request.method === 'POST') {
    const body = await readBody(request);
    if (body === undefined) return answer(response, 413, `body over ${MAX_BODY_BYTES} bytes`);
    for (const [name, value] of new URLSearchParams(body)) if (!params.has(name)) params.set(name, value);
  }
  context.metrics.frames.inc(labels);
  const decoded = decodeOsmand(params, receivedAt);
  if (!decoded.ok) {
    context.metrics.rejectedFrames.inc({ protocol, code: decoded.issues[0]?.code ?? 'INVALID' });
    context.log.warn({ protocol, remote: request.socket.remoteAddress, issues: decoded.issues }, 'request rejected');
    return answer(response, 400, decoded.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  }
  const position = decoded.position;
  const device = await context.device(position.deviceId);
  if (!admits(device, protocol)) {
    recordRefusal(context, position.deviceId, protocol, request.socket.remoteAddress ?? '?', receivedAt);
    return answer(response, 403, `device ${position.deviceId} is not registered for OsmAnd`);
  }
  deriveSealState([position], sealMappingFor(device, context.mappings));
  try {
    await context.ingest.submit([position]);
  } catch (error) {
    if (error instanceof UnstorablePosition) {
      context.metrics.rejectedFrames.inc({ protocol, code: error.code });
      return answer(response, 400, error.fault);
    }
    context.log.error({ protocol, deviceId: position.deviceId, error: String(error) }, 'position not stored');
    return answer(response, 503, 'not stored; send again later');
  }
  context.metrics.positions.inc(labels);
  context.metrics.ackSeconds.observe(labels, (context.now() - receivedAt) / 1000);
  answer(response, 200, 'OK');
}

function answer(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
