/**
 * The console's live stream as Server-Sent Events: `alert` (raised or changed), `position` (each position a trip
 * took) and `eta` events, JSON in each `data` line, and a comment every 15 s so proxies keep the connection open.
 * A client that does not read is dropped rather than buffered without end.
 */
import type { ServerResponse } from 'node:http';
import { userOf, type ApiInstance, type ApiServices } from '../context.js';
import { positionJson } from './positions.js';
import { alertJson, isoOf } from './tracking-json.js';

const KEEP_ALIVE_MS = 15_000;
/** Bytes a client may leave unread before it is dropped. */
const MAX_UNREAD_BYTES = 4 * 1024 * 1024;

export async function streamRoutes(api: ApiInstance, { alerts }: ApiServices) {
  const open = new Set<ServerResponse>();
  // Streams never end by themselves: closing the server ends them.
  api.addHook('onClose', async () => {
    for (const raw of open) raw.end();
  });

  api.get(
    '/stream',
    { schema: { summary: 'Live alerts, positions and ETAs as Server-Sent Events (text/event-stream)' } },
    async (request, reply) => {
      const raw = reply.raw;
      let stop = (): void => undefined;
      const send = (event: string, data: unknown): void => {
        if (raw.writableLength > MAX_UNREAD_BYTES) {
          stop();
          raw.end();
          return;
        }
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const unsubscribe = alerts.watch(userOf(request), {
        alertRaised: (alert) => send('alert', { change: 'raised', alert: alertJson(alert) }),
        alertChanged: (alert) => send('alert', { change: 'changed', alert: alertJson(alert) }),
        etaChanged: (eta) => send('eta', { ...eta, destinationAt: isoOf(eta.destinationAt), crossingAt: isoOf(eta.crossingAt) }),
        positions: (tripId, positions) => {
          for (const position of positions) send('position', { tripId, ...positionJson(position) });
        },
      });
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      stop = () => {
        clearInterval(keepAlive);
        unsubscribe();
        open.delete(raw);
      };
      reply.hijack();
      open.add(raw);
      raw.on('close', stop);
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write(': connected\n\n');
    },
  );
}
