/**
 * Decoding one Teltonika AVL packet (Codec 8 or Codec 8 Extended) into positions. Reads big-endian integers
 * straight from the bytes at their offsets: no DataView, no copies, no string building per element, because
 * this is the gateway's hottest loop.
 *
 * Each record keeps every IO element as the attribute `io<ID>` (unsigned; 8-byte values are a bigint only
 * beyond Number.MAX_SAFE_INTEGER; variable-length values of Codec 8E are copied bytes), plus `eventIo` (the
 * ID of the IO element that triggered the record, 0 for a periodic one) and `priority` (0 low, 1 high, 2 panic).
 */
import { MAX_DATE_MS, type AttributeValue, type Position } from '../../core/model/index.js';
import { crc16Arc } from '../crc.js';
import { recordAttributes } from './attribute-shapes.js';
import { AVL_FRAME_OVERHEAD } from './frame.js';
import { teltonikaError, type TeltonikaError } from './protocol-error.js';

export const CODEC_8 = 0x08;
export const CODEC_8_EXTENDED = 0x8e;

/** Timestamp 8, priority 1, GPS element 15 (longitude 4, latitude 4, altitude 2, angle 2, satellites 1, speed 2). */
const RECORD_HEADER_BYTES = 24;
const TWO_POW_32 = 0x1_0000_0000;
/** Coordinates in 1e-7 degrees. */
const MAX_LAT = 900_000_000;
const MAX_LON = 1_800_000_000;
/** High word above which an unsigned 64-bit value no longer fits a double exactly (2^53 = 2^21 · 2^32). */
const MAX_SAFE_HIGH_WORD = 0x1f_ffff;

// Each record's IO elements, gathered here before its attributes are built (one packet decodes at a time).
const ioIds: number[] = [];
const ioValues: AttributeValue[] = [];

/**
 * Decodes the AVL packet `b[pos..pos+length)` (preamble to CRC, as measured by `scanAvlFrame`). Returns one
 * position per record, in packet order, or the reason the packet is refused; a refused packet yields nothing.
 */
export function decodeAvlPacket(
  b: Uint8Array,
  pos: number,
  length: number,
  deviceId: string,
  receivedAt: number,
): Position[] | TeltonikaError {
  const dataStart = pos + 8;
  const dataEnd = pos + length - 4;
  if (length < AVL_FRAME_OVERHEAD + 3) {
    return teltonikaError('BAD_LENGTH', `packet of ${length} bytes cannot hold a codec ID and record counts`);
  }
  // The CRC field is 4 bytes whose upper two are zero, so comparing the whole word also checks those.
  const expectedCrc = u32(b, dataEnd);
  const actualCrc = crc16Arc(b, dataStart, dataEnd);
  if (expectedCrc !== actualCrc) {
    return teltonikaError('CRC_MISMATCH', `CRC field 0x${hex(expectedCrc, 8)}, data CRC-16/IBM 0x${hex(actualCrc, 4)}`);
  }
  const codec = b[dataStart]!;
  if (codec !== CODEC_8 && codec !== CODEC_8_EXTENDED) {
    return teltonikaError('UNKNOWN_CODEC', `codec ID 0x${hex(codec, 2)} is neither Codec 8 (0x08) nor 8 Extended (0x8E)`);
  }
  const count = b[dataStart + 1]!;
  const countAgain = b[dataEnd - 1]!;
  if (count !== countAgain) {
    return teltonikaError('RECORD_COUNT_MISMATCH', `Number of Data 1 is ${count}, Number of Data 2 is ${countAgain}`);
  }
  const extended = codec === CODEC_8_EXTENDED;
  const limit = dataEnd - 1;
  const positions: Position[] = [];
  let p = dataStart + 2;

  for (let r = 0; r < count; r++) {
    if (p + RECORD_HEADER_BYTES > limit) return truncated(r, 'GPS element');
    const timestamp = u32(b, p) * TWO_POW_32 + u32(b, p + 4);
    if (timestamp > MAX_DATE_MS) {
      return teltonikaError('BAD_TIMESTAMP', `record ${r}: timestamp ${timestamp} ms is past the last date there is`);
    }
    const priority = b[p + 8]!;
    const lonRaw = i32(b, p + 9);
    const latRaw = i32(b, p + 13);
    // Signed: a fix below sea level (the Dead Sea, the Caspian depression) is real.
    const altitude = ((b[p + 17]! << 24) >> 16) | b[p + 18]!;
    const angle = (b[p + 19]! << 8) | b[p + 20]!;
    const satellites = b[p + 21]!;
    const speed = (b[p + 22]! << 8) | b[p + 23]!;
    p += RECORD_HEADER_BYTES;

    let eventIo: number;
    let total: number;
    let found = 0;
    if (extended) {
      if (p + 4 > limit) return truncated(r, 'IO header');
      eventIo = (b[p]! << 8) | b[p + 1]!;
      total = (b[p + 2]! << 8) | b[p + 3]!;
      p += 4;
    } else {
      if (p + 2 > limit) return truncated(r, 'IO header');
      eventIo = b[p]!;
      total = b[p + 1]!;
      p += 2;
    }
    for (let size = 1; size <= 8; size <<= 1) {
      let n: number;
      if (extended) {
        if (p + 2 > limit) return truncated(r, `${size}-byte IO count`);
        n = (b[p]! << 8) | b[p + 1]!;
        p += 2;
      } else {
        if (p + 1 > limit) return truncated(r, `${size}-byte IO count`);
        n = b[p]!;
        p += 1;
      }
      const idBytes = extended ? 2 : 1;
      if (p + n * (idBytes + size) > limit) return truncated(r, `${size}-byte IO elements`);
      for (let i = 0; i < n; i++) {
        ioIds[found + i] = extended ? (b[p]! << 8) | b[p + 1]! : b[p]!;
        p += idBytes;
        ioValues[found + i] = readUnsigned(b, p, size);
        p += size;
      }
      found += n;
    }
    if (extended) {
      if (p + 2 > limit) return truncated(r, 'variable-length IO count');
      const n = (b[p]! << 8) | b[p + 1]!;
      p += 2;
      for (let i = 0; i < n; i++) {
        if (p + 4 > limit) return truncated(r, 'variable-length IO header');
        const id = (b[p]! << 8) | b[p + 1]!;
        const valueLength = (b[p + 2]! << 8) | b[p + 3]!;
        p += 4;
        if (p + valueLength > limit) return truncated(r, `variable-length IO ${id}`);
        ioIds[found + i] = id;
        // A copy: the bytes under it belong to the connection's buffer and are overwritten by the next frame.
        ioValues[found + i] = b.slice(p, p + valueLength);
        p += valueLength;
      }
      found += n;
    }
    if (found !== total) {
      return teltonikaError('IO_COUNT_MISMATCH', `record ${r}: total IO count ${total}, groups hold ${found}`);
    }

    // Coordinates off the globe are a corrupt fix, but the record's IO (a seal's alarms) still counts: it is
    // kept as a position without a fix, like one taken with no satellites, rather than refusing the packet.
    const onGlobe = latRaw >= -MAX_LAT && latRaw <= MAX_LAT && lonRaw >= -MAX_LON && lonRaw <= MAX_LON;
    positions.push({
      deviceId,
      deviceTime: timestamp,
      receivedTime: receivedAt,
      lat: onGlobe ? latRaw / 1e7 : 0,
      lon: onGlobe ? lonRaw / 1e7 : 0,
      altitude,
      speed,
      // The angle is 0-360; 360 is north again, and anything past it is no heading a Position can hold.
      course: angle % 360,
      satellites,
      // Without a fix a device repeats its last coordinates (all zero after a reboot) with satellites,
      // angle and speed at 0 (Teltonika Data Sending Protocols, GPS element note).
      valid: onGlobe && satellites > 0 && (latRaw !== 0 || lonRaw !== 0),
      attributes: recordAttributes(priority, eventIo, ioIds, ioValues, found),
    });
  }
  if (p !== limit) {
    return teltonikaError('TRAILING_BYTES', `${limit - p} bytes after the last of ${count} records`);
  }
  return positions;
}

function readUnsigned(b: Uint8Array, p: number, size: number): number | bigint {
  switch (size) {
    case 1:
      return b[p]!;
    case 2:
      return (b[p]! << 8) | b[p + 1]!;
    case 4:
      return u32(b, p);
    default: {
      const high = u32(b, p);
      const low = u32(b, p + 4);
      return high <= MAX_SAFE_HIGH_WORD ? high * TWO_POW_32 + low : (BigInt(high) << 32n) | BigInt(low);
    }
  }
}

function u32(b: Uint8Array, p: number): number {
  return b[p]! * 0x1000000 + ((b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!);
}

function i32(b: Uint8Array, p: number): number {
  return (b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!;
}

function truncated(record: number, part: string): TeltonikaError {
  return teltonikaError('TRUNCATED_RECORD', `record ${record}: ${part} runs past the end of the data field`);
}

function hex(n: number, digits: number): string {
  return n.toString(16).toUpperCase().padStart(digits, '0');
}
