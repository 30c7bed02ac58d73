/**
 * Positions as JetStream messages: one message per device per publish (a device's frame), JSON with the attributes
 * in the store's lossless encoding, and a message id derived from the positions' deduplication keys, so a device's
 * resend of the same frame inside the stream's duplicate window is dropped by JetStream itself.
 */
import { createHash } from 'node:crypto';
import type { Position } from '../../../core/model/index.js';
import { decodeAttributes, encodeAttributes } from '../../store/attribute-codec.js';

type WirePosition = Omit<Position, 'attributes'> & { attributes: string };

export function encodePositions(positions: readonly Position[]): Uint8Array {
  const wire: WirePosition[] = positions.map((p) => ({ ...p, attributes: encodeAttributes(p.attributes) }));
  return Buffer.from(JSON.stringify(wire));
}

export function decodePositions(data: Uint8Array): Position[] {
  const wire = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')) as unknown;
  if (!Array.isArray(wire)) throw new TypeError('a positions message is a JSON array');
  // The parsed objects are this function's own: each takes its decoded attributes in place rather than being copied.
  const positions = wire as Array<Omit<WirePosition, 'attributes'> & { attributes: string | Position['attributes'] }>;
  for (const p of positions) p.attributes = decodeAttributes(p.attributes as string);
  return positions as Position[];
}

/** The Nats-Msg-Id of a device's positions: their keys (device, device time, sequence), not their receive time. */
export function messageId(positions: readonly Position[]): string {
  const hash = createHash('sha256');
  for (const p of positions) hash.update(`${p.deviceId}\u0000${p.deviceTime}\u0000${p.sequence ?? -1}\n`);
  return hash.digest('base64url');
}

/** Splits positions by device, each device's in their order, for one message each. */
export function byDevice(positions: readonly Position[]): Position[][] {
  const devices = new Map<string, Position[]>();
  for (const p of positions) {
    const list = devices.get(p.deviceId);
    if (list === undefined) devices.set(p.deviceId, [p]);
    else list.push(p);
  }
  return [...devices.values()];
}
