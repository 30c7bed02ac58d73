import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
import { crc16Arc } from '../crc.js';
import { decodeAvlPacket } from './avl-decoder.js';
import {
  CODEC_8E_EXAMPLE,
  CODEC_8E_EXAMPLE_WITH_VARIABLE_IO,
  CODEC_8_EXAMPLE_1,
  CODEC_8_EXAMPLE_2,
  CODEC_8_EXAMPLE_3,
  hexToBytes,
} from './published-examples.js';

const RECEIVED = Date.UTC(2024, 0, 1);
const IMEI = '356307042441013';

function decode(hex: string): Position[] {
  const bytes = hexToBytes(hex);
  const result = decodeAvlPacket(bytes, 0, bytes.length, IMEI, RECEIVED);
  if (!Array.isArray(result)) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

// Values as annotated beside each example in Teltonika's "Teltonika Data Sending Protocols" page.
describe('Teltonika published examples', () => {
  it('Codec 8, first example: one record, IO elements of every fixed size', () => {
    const [p, ...rest] = decode(CODEC_8_EXAMPLE_1);
    expect(rest).toHaveLength(0);
    expect(p).toEqual({
      deviceId: IMEI,
      deviceTime: Date.UTC(2019, 5, 10, 10, 4, 46),
      receivedTime: RECEIVED,
      lat: 0,
      lon: 0,
      altitude: 0,
      speed: 0,
      course: 0,
      satellites: 0,
      valid: false,
      attributes: { priority: 1, eventIo: 1, io21: 3, io1: 1, io66: 0x5e0f, io241: 0x601a, io78: 0 },
    });
  });

  it('Codec 8, second example: no 4- or 8-byte elements', () => {
    const [p] = decode(CODEC_8_EXAMPLE_2);
    expect(p!.deviceTime).toBe(Date.UTC(2019, 5, 10, 10, 5, 36));
    expect(p!.attributes).toEqual({ priority: 1, eventIo: 1, io21: 3, io1: 1, io66: 0x5e10 });
  });

  it('Codec 8, third example: two records in packet order', () => {
    const positions = decode(CODEC_8_EXAMPLE_3);
    expect(positions.map((p) => p.deviceTime)).toEqual([
      Date.UTC(2019, 5, 10, 10, 1, 1),
      Date.UTC(2019, 5, 10, 10, 1, 19),
    ]);
    expect(positions.map((p) => p.attributes)).toEqual([
      { priority: 1, eventIo: 1, io1: 0 },
      { priority: 1, eventIo: 1, io1: 1 },
    ]);
  });

  it('Codec 8 Extended example: 2-byte IDs and counts', () => {
    const [p] = decode(CODEC_8E_EXAMPLE);
    expect(p!.deviceTime).toBe(Date.UTC(2019, 5, 10, 11, 36, 32));
    expect(p!.attributes).toEqual({
      priority: 1,
      eventIo: 1,
      io1: 1,
      io17: 0x1d,
      io16: 0x015e2c88,
      io11: 0x3544c87a,
      io14: 0x1dd7e06a,
    });
  });

  it('Codec 8 Extended example with a fix and a variable-length element', () => {
    const [p] = decode(CODEC_8E_EXAMPLE_WITH_VARIABLE_IO);
    expect(p!.deviceTime).toBe(Date.UTC(2017, 10, 14, 11, 18, 44));
    expect(p!.lon).toBe(25.2562916);
    expect(p!.lat).toBe(54.6676016);
    expect(p!.altitude).toBe(138);
    expect(p!.satellites).toBe(6);
    expect(p!.valid).toBe(true);
    expect(p!.attributes).toEqual({
      priority: 0,
      eventIo: 0,
      io239: 0,
      io17: 30,
      io16: 0xcbdf,
      io11: 0x3544c875,
      io14: 0x29bfe4d1,
      io256: new Uint8Array(17),
    });
  });

  it('leaves sequence undefined: Teltonika records carry none', () => {
    const [p] = decode(CODEC_8_EXAMPLE_1);
    expect(p).not.toHaveProperty('sequence');
  });

  it('decodes a packet in the middle of a larger buffer', () => {
    const packet = hexToBytes(CODEC_8_EXAMPLE_1);
    const buffer = new Uint8Array(packet.length + 10);
    buffer.set(packet, 7);
    const result = decodeAvlPacket(buffer, 7, packet.length, IMEI, RECEIVED);
    expect(Array.isArray(result) && result[0]!.deviceTime).toBe(Date.UTC(2019, 5, 10, 10, 4, 46));
  });

  it('copies variable-length values out of the buffer', () => {
    const bytes = hexToBytes(CODEC_8E_EXAMPLE_WITH_VARIABLE_IO);
    const result = decodeAvlPacket(bytes, 0, bytes.length, IMEI, RECEIVED) as Position[];
    bytes.fill(0xaa);
    expect(result[0]!.attributes.io256).toEqual(new Uint8Array(17));
  });

  describe('fields out of range, found by fuzzing', () => {
    /** The fix example with GPS bytes changed and its CRC made right again. */
    function patched(at: number, bytes: number[]): Uint8Array {
      const packet = hexToBytes(CODEC_8E_EXAMPLE_WITH_VARIABLE_IO);
      packet.set(bytes, at);
      new DataView(packet.buffer).setUint32(packet.length - 4, crc16Arc(packet, 8, packet.length - 4));
      return packet;
    }
    const LON = 19;
    const LAT = 23;
    const ANGLE = 29;

    it('keeps a record whose coordinates are off the globe, as a position without a fix at 0, 0', () => {
      for (const [at, bytes] of [[LAT, [0x7f, 0xff, 0xff, 0xff]], [LON, [0x80, 0, 0, 0]], [LAT, [0x35, 0xa4, 0xe9, 0x01]]] as const) {
        const packet = patched(at, [...bytes]);
        const [p] = decodeAvlPacket(packet, 0, packet.length, IMEI, RECEIVED) as Position[];
        expect(p).toMatchObject({ lat: 0, lon: 0, valid: false, satellites: 6, altitude: 138 });
        expect(p!.attributes.io16).toBe(0xcbdf);
      }
      const edge = patched(LAT, [0x35, 0xa4, 0xe9, 0x00]);
      expect((decodeAvlPacket(edge, 0, edge.length, IMEI, RECEIVED) as Position[])[0]).toMatchObject({ lat: 90, valid: true });
    });

    it('gives the course as 0-359 whatever angle is sent', () => {
      for (const [angle, course] of [[360, 0], [361, 1], [0xffff, 0xffff % 360]] as const) {
        const packet = patched(ANGLE, [angle >>> 8, angle & 0xff]);
        expect((decodeAvlPacket(packet, 0, packet.length, IMEI, RECEIVED) as Position[])[0]!.course).toBe(course);
      }
    });

    it('refuses a timestamp no date can hold', () => {
      const packet = patched(10, [0, 0x1e, 0xb2, 0x08, 0xc2, 0xdc, 0x00, 0x01]);
      expect(decodeAvlPacket(packet, 0, packet.length, IMEI, RECEIVED)).toMatchObject({ code: 'BAD_TIMESTAMP' });
      const last = patched(10, [0, 0x1e, 0xb2, 0x08, 0xc2, 0xdc, 0x00, 0x00]);
      expect((decodeAvlPacket(last, 0, last.length, IMEI, RECEIVED) as Position[])[0]!.deviceTime).toBe(8.64e15);
    });
  });
});
