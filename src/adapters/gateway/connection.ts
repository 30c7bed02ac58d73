/**
 * One device connection, whatever its protocol: bytes go into the protocol's session, and its outputs are
 * acted on strictly in order. Positions are acknowledged only after the group commit made them durable;
 * a broken stream is counted, logged and closed; a connection whose device sends faster than positions
 * become durable is paused (back-pressure) rather than buffered without bound.
 */
import type { Socket } from 'node:net';
import type { SealMapping } from '../../core/devices/index.js';
import type { SealProtocol } from '../../core/model/index.js';
import type { ProtocolSession, SessionOutput } from '../../protocols/session.js';
import { UnstorablePosition } from '../../services/position-ingest.js';
import { admits, deriveSealState, recordRefusal, sealMappingFor, type GatewayContext } from './gateway-context.js';

export interface ConnectionLimits {
  /** A connection silent this long is closed. */
  idleTimeoutMs: number;
  /** Outputs waiting for their turn before reading from the socket pauses. */
  maxPendingOutputs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = { idleTimeoutMs: 10 * 60_000, maxPendingOutputs: 64 };

export function serveConnection(
  socket: Socket,
  protocol: SealProtocol,
  session: ProtocolSession,
  context: GatewayContext,
  limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
): void {
  const remote = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`;
  const info = context.registry.connected(protocol, remote, context.now());
  const labels = { protocol };
  context.metrics.connections.inc(labels);
  context.metrics.openConnections.inc(labels);
  let mapping: SealMapping | undefined;
  let closed = false;
  let pending = 0;
  let chain = Promise.resolve();

  socket.setNoDelay(true);
  socket.setKeepAlive(true, 60_000);
  socket.setTimeout(limits.idleTimeoutMs);
  socket.on('timeout', () => close('idle timeout'));
  // A reset by the peer is ordinary for mobile devices; it must not become an uncaught error.
  socket.on('error', (error) => context.log.info({ remote, protocol, deviceId: info.deviceId, error: error.message }, 'connection error'));
  socket.on('close', () => {
    closed = true;
    context.registry.disconnected(info);
    context.metrics.openConnections.dec(labels);
  });

  socket.on('data', (chunk: Buffer) => {
    if (closed) return;
    const receivedAt = context.now();
    context.registry.contact(info, receivedAt);
    for (const output of session.feed(chunk, receivedAt)) {
      pending += 1;
      if (pending > limits.maxPendingOutputs) socket.pause();
      chain = chain.then(() => (closed ? undefined : act(output, receivedAt))).finally(() => {
        pending -= 1;
        if (pending <= limits.maxPendingOutputs / 2 && !closed) socket.resume();
      });
    }
  });

  function close(reason: string, reply?: Uint8Array) {
    if (closed) return;
    closed = true;
    context.log.info({ remote, protocol, deviceId: info.deviceId, reason }, 'closing connection');
    if (reply && reply.length > 0) socket.end(reply);
    else socket.end();
    // A peer that never reads would keep a half-closed socket forever.
    setTimeout(() => socket.destroy(), 5_000).unref();
  }

  async function act(output: SessionOutput, receivedAt: number): Promise<void> {
    info.frames += 1;
    context.metrics.frames.inc(labels);
    switch (output.type) {
      case 'identified': {
        const device = await context.device(output.deviceId).catch((error: unknown) => {
          context.log.error({ protocol, deviceId: output.deviceId, error: String(error) }, 'device lookup failed');
          return null;
        });
        // A failed lookup refuses nothing for good: close without an answer, so the device tries again.
        if (device === null) return close('device lookup failed');
        if (!admits(device, protocol)) {
          recordRefusal(context, output.deviceId, protocol, remote, receivedAt);
          return close('unregistered device', output.refuse);
        }
        info.deviceId = device.id;
        mapping = sealMappingFor(device, context.mappings);
        context.registry.contact(info, receivedAt);
        socket.write(output.accept);
        return;
      }
      case 'positions': {
        deriveSealState(output.positions, mapping);
        try {
          await context.ingest.submit(output.positions);
        } catch (error) {
          // Not durable, so not acknowledged: the device keeps the records and sends them again.
          if (error instanceof UnstorablePosition) {
            info.errors += 1;
            context.metrics.frameErrors.inc({ protocol, code: error.code });
            context.log.warn({ remote, protocol, deviceId: info.deviceId, fault: error.fault }, 'unstorable position');
            return close(error.code);
          }
          context.log.error({ protocol, deviceId: info.deviceId, error: String(error) }, 'positions not stored');
          return close('store unavailable');
        }
        if (closed) return;
        socket.write(output.reply);
        info.positions += output.positions.length;
        context.metrics.positions.inc(labels, output.positions.length);
        context.metrics.ackSeconds.observe(labels, (context.now() - receivedAt) / 1000);
        return;
      }
      case 'reply': {
        const rejected = output.rejected;
        if (rejected) {
          info.errors += 1;
          context.metrics.rejectedFrames.inc({ protocol, code: rejected.code });
          context.log.warn({ remote, protocol, deviceId: info.deviceId, ...rejected }, 'frame rejected');
        }
        socket.write(output.reply);
        return;
      }
      case 'error': {
        info.errors += 1;
        context.metrics.frameErrors.inc({ protocol, code: output.code });
        context.log.warn({ remote, protocol, deviceId: info.deviceId, code: output.code, message: output.message }, 'protocol error');
        return close(output.code, output.reply);
      }
    }
  }
}
