/**
 * The peer the Teltonika decoder is measured against: the npm package complete-teltonika-parser, which reads a
 * packet given as hexadecimal text. Before any timing, both decode every benchmark packet and must agree on
 * each record's time, coordinates, altitude, angle, satellites, speed, priority, event IO and IO values.
 */
import { ProtocolParser, type AVL_Data, type Data } from 'complete-teltonika-parser';
import type { AttributeValue, Position } from '../src/core/model/index.js';

export const PEER = 'complete-teltonika-parser';

/** The packet as the peer takes it: hexadecimal text. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function peerRecords(hex: string): AVL_Data[] {
  return (new ProtocolParser(hex).Content as Data).AVL_Datas;
}

/**
 * A value as decimal text: the peer gives numbers, or decimal text past Number.MAX_SAFE_INTEGER (variable-length
 * values included, read as one big-endian integer); ours are numbers, bigints and bytes.
 */
function decimal(value: AttributeValue | string | number): string {
  if (value instanceof Uint8Array) return value.length === 0 ? '' : BigInt(`0x${toHex(value)}`).toString();
  return String(value);
}

/** Throws, listing where, unless both decoders read `packets` to the same values. Returns the records compared. */
export function assertAgreement(packets: readonly Uint8Array[], ours: readonly Position[][]): number {
  const disagreements: string[] = [];
  let compared = 0;
  const differ = (packet: number, record: number, field: string, mine: unknown, theirs: unknown): void => {
    if (disagreements.length < 20) disagreements.push(`packet ${packet} record ${record} ${field}: ours ${String(mine)}, ${PEER} ${String(theirs)}`);
  };
  packets.forEach((packet, p) => {
    let theirs: AVL_Data[];
    try {
      theirs = peerRecords(toHex(packet));
    } catch (error) {
      disagreements.push(`packet ${p}: ${PEER} threw ${(error as Error).message}`);
      return;
    }
    const mine = ours[p]!;
    if (mine.length !== theirs.length) differ(p, -1, 'record count', mine.length, theirs.length);
    for (let r = 0; r < Math.min(mine.length, theirs.length); r++) {
      const a = mine[r]!;
      const b = theirs[r]!;
      compared++;
      const fields: [string, unknown, unknown][] = [
        ['timestamp', a.deviceTime, b.Timestamp.getTime()],
        ['latitude', a.lat, b.GPSelement.Latitude],
        ['longitude', a.lon, b.GPSelement.Longitude],
        ['altitude', a.altitude, b.GPSelement.Altitude],
        ['angle', a.course, b.GPSelement.Angle],
        ['satellites', a.satellites, b.GPSelement.Satellites],
        ['speed', a.speed, b.GPSelement.Speed],
        ['priority', a.attributes.priority, b.Priority],
        ['event IO', a.attributes.eventIo, b.IOelement.EventID],
      ];
      for (const [field, x, y] of fields) if (x !== y) differ(p, r, field, x, y);
      const ids = Object.keys(a.attributes).filter((key) => /^io\d+$/.test(key)).map((key) => key.slice(2));
      const theirIds = Object.keys(b.IOelement.Elements);
      if (ids.length !== theirIds.length) differ(p, r, 'IO element count', ids.length, theirIds.length);
      for (const id of theirIds) {
        const x = a.attributes[`io${id}`];
        const y = b.IOelement.Elements[Number(id)]!;
        if (x === undefined || decimal(x) !== decimal(y)) differ(p, r, `io${id}`, x === undefined ? 'absent' : decimal(x), decimal(y));
      }
    }
  });
  if (disagreements.length > 0) {
    throw new Error(`Teltonika decoders disagree (${disagreements.length}${disagreements.length === 20 ? '+' : ''} found):\n  ${disagreements.join('\n  ')}`);
  }
  return compared;
}
