/**
 * Encoding the device side of Teltonika's TCP protocol: the IMEI handshake and AVL packets in Codec 8 or
 * Codec 8 Extended. Tests and the fleet simulator speak the protocol with these; the gateway never sends them.
 */
import { crc16Arc } from '../crc.js';
import { CODEC_8, CODEC_8_EXTENDED } from './avl-decoder.js';
import { AVL_FRAME_OVERHEAD, MAX_IMEI_LENGTH } from './frame.js';

/** An IO element of fixed size; `value` is written unsigned (a negative number as its two's complement). */
export interface AvlIoElement {
  id: number;
  bytes: 1 | 2 | 4 | 8;
  value: number | bigint;
}

/** A variable-length IO element, Codec 8 Extended only. */
export interface AvlVariableIoElement {
  id: number;
  value: Uint8Array;
}

export interface AvlRecordInput {
  /** Milliseconds since the Unix epoch. */
  timestamp: number;
  /** 0 low, 1 high, 2 panic. */
  priority?: number;
  /** Degrees; written as signed 32-bit integers of 1e-7 degrees. */
  lat: number;
  lon: number;
  /** Metres. */
  altitude?: number;
  /** Degrees clockwise from north. */
  angle?: number;
  satellites?: number;
  /** km/h. */
  speed?: number;
  /** ID of the IO element that triggered the record; 0 (the default) for a periodic record. */
  eventIo?: number;
  io?: readonly AvlIoElement[];
  variableIo?: readonly AvlVariableIoElement[];
}

export type AvlCodec = typeof CODEC_8 | typeof CODEC_8_EXTENDED;

/** The handshake frame: 2-byte length, then the IMEI in ASCII. */
export function encodeImei(imei: string): Uint8Array {
  if (!/^\d+$/.test(imei) || imei.length > MAX_IMEI_LENGTH) {
    throw new RangeError(`IMEI must be 1..${MAX_IMEI_LENGTH} digits: ${JSON.stringify(imei)}`);
  }
  const out = new Uint8Array(2 + imei.length);
  out[0] = imei.length >>> 8;
  out[1] = imei.length & 0xff;
  for (let i = 0; i < imei.length; i++) out[2 + i] = imei.charCodeAt(i);
  return out;
}

/** One AVL packet holding `records` (at most 255), with its preamble, length, record counts and CRC. */
export function encodeAvlPacket(records: readonly AvlRecordInput[], codec: AvlCodec = CODEC_8): Uint8Array {
  if (codec !== CODEC_8 && codec !== CODEC_8_EXTENDED) throw new RangeError(`unsupported codec ${codec}`);
  if (records.length > 255) throw new RangeError(`${records.length} records exceed the 255 a packet can count`);
  const extended = codec === CODEC_8_EXTENDED;
  const wide = extended ? 2 : 1;

  let dataLength = 3;
  for (const record of records) {
    const io = record.io ?? [];
    const variable = record.variableIo ?? [];
    if (!extended && variable.length > 0) throw new RangeError('variable-length IO elements need Codec 8 Extended');
    dataLength += 24 + wide * 2 + wide * 4;
    for (const element of io) dataLength += wide + element.bytes;
    if (extended) {
      dataLength += 2;
      for (const element of variable) dataLength += 4 + element.value.length;
    }
  }

  const out = new Uint8Array(dataLength + AVL_FRAME_OVERHEAD);
  const view = new DataView(out.buffer);
  view.setUint32(4, dataLength);
  let p = 8;
  out[p++] = codec;
  out[p++] = records.length;
  const putWide = (value: number, what: string): void => {
    checkRange(value, extended ? 0xffff : 0xff, what);
    if (extended) {
      view.setUint16(p, value);
      p += 2;
    } else {
      out[p++] = value;
    }
  };

  for (const record of records) {
    view.setBigUint64(p, BigInt(checkInteger(record.timestamp, 'timestamp')));
    out[p + 8] = checkRange(record.priority ?? 0, 0xff, 'priority');
    view.setInt32(p + 9, degrees(record.lon, 180, 'lon'));
    view.setInt32(p + 13, degrees(record.lat, 90, 'lat'));
    view.setInt16(p + 17, checkSigned(record.altitude ?? 0, 16, 'altitude'));
    view.setUint16(p + 19, checkRange(record.angle ?? 0, 0xffff, 'angle'));
    out[p + 21] = checkRange(record.satellites ?? 0, 0xff, 'satellites');
    view.setUint16(p + 22, checkRange(record.speed ?? 0, 0xffff, 'speed'));
    p += 24;

    const io = record.io ?? [];
    const variable = record.variableIo ?? [];
    putWide(record.eventIo ?? 0, 'eventIo');
    putWide(io.length + variable.length, 'IO count');
    for (const size of [1, 2, 4, 8] as const) {
      const group = io.filter((element) => element.bytes === size);
      putWide(group.length, `${size}-byte IO count`);
      for (const element of group) {
        putWide(element.id, 'IO id');
        writeUnsigned(view, p, size, element.value, element.id);
        p += size;
      }
    }
    if (extended) {
      putWide(variable.length, 'variable-length IO count');
      for (const element of variable) {
        putWide(element.id, 'IO id');
        putWide(element.value.length, 'variable-length IO length');
        out.set(element.value, p);
        p += element.value.length;
      }
    }
  }

  out[p++] = records.length;
  view.setUint32(p, crc16Arc(out, 8, p));
  return out;
}

function writeUnsigned(view: DataView, p: number, size: 1 | 2 | 4 | 8, value: number | bigint, id: number): void {
  const bits = BigInt(size * 8);
  const big = typeof value === 'bigint' ? value : BigInt(checkInteger(value, `io${id}`));
  if (big >= 1n << bits || big < -(1n << (bits - 1n))) throw new RangeError(`io${id} value ${value} does not fit ${size} bytes`);
  const unsigned = BigInt.asUintN(size * 8, big);
  if (size === 8) view.setBigUint64(p, unsigned);
  else if (size === 4) view.setUint32(p, Number(unsigned));
  else if (size === 2) view.setUint16(p, Number(unsigned));
  else view.setUint8(p, Number(unsigned));
}

function degrees(value: number, max: number, what: string): number {
  if (!Number.isFinite(value) || Math.abs(value) > max) throw new RangeError(`${what} ${value} is outside ±${max}`);
  return Math.round(value * 1e7);
}

function checkInteger(value: number, what: string): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} ${value} is not an integer`);
  return value;
}

function checkRange(value: number, max: number, what: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${what} ${value} is outside 0..${max}`);
  return value;
}

function checkSigned(value: number, bits: number, what: string): number {
  const bound = 2 ** (bits - 1);
  if (!Number.isInteger(value) || value < -bound || value >= bound) throw new RangeError(`${what} ${value} does not fit ${bits} bits`);
  return value;
}
