import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
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
});
