import { describe, expect, it } from 'vitest';
import type { Position } from '../../core/model/index.js';
import { CODEC_8, CODEC_8_EXTENDED, decodeAvlPacket } from './avl-decoder.js';
import { encodeAvlPacket, encodeImei, type AvlRecordInput } from './encoder.js';
import { CODEC_8E_EXAMPLE, CODEC_8_EXAMPLE_1, IMEI_HANDSHAKE_EXAMPLE, hexToBytes } from './published-examples.js';

function decode(bytes: Uint8Array): Position[] {
  const result = decodeAvlPacket(bytes, 0, bytes.length, '1', 0);
  if (!Array.isArray(result)) throw new Error(`${result.code}: ${result.message}`);
  return result;
}

const RECORD: AvlRecordInput = {
  timestamp: Date.UTC(2025, 2, 1, 8, 30, 15, 250),
  priority: 2,
  lat: -33.8688197,
  lon: -70.6692655,
  altitude: -28,
  angle: 359,
  satellites: 11,
  speed: 87,
  eventIo: 2,
  io: [
    { id: 1, bytes: 1, value: 1 },
    { id: 2, bytes: 1, value: 0 },
    { id: 67, bytes: 2, value: 4012 },
    { id: 113, bytes: 1, value: 76 },
    { id: 199, bytes: 4, value: 0xfedcba98 },
    { id: 240, bytes: 8, value: 2n ** 63n + 5n },
    { id: 241, bytes: 8, value: 25001 },
  ],
};

describe('Teltonika encoder', () => {
  it('reproduces the published Codec 8 example byte for byte', () => {
    const packet = encodeAvlPacket(
      [
        {
          timestamp: Date.UTC(2019, 5, 10, 10, 4, 46),
          priority: 1,
          lat: 0,
          lon: 0,
          eventIo: 1,
          io: [
            { id: 21, bytes: 1, value: 3 },
            { id: 1, bytes: 1, value: 1 },
            { id: 66, bytes: 2, value: 0x5e0f },
            { id: 241, bytes: 4, value: 0x601a },
            { id: 78, bytes: 8, value: 0 },
          ],
        },
      ],
      CODEC_8,
    );
    expect(packet).toEqual(hexToBytes(CODEC_8_EXAMPLE_1));
  });

  it('reproduces the published Codec 8 Extended example byte for byte', () => {
    const packet = encodeAvlPacket(
      [
        {
          timestamp: Date.UTC(2019, 5, 10, 11, 36, 32),
          priority: 1,
          lat: 0,
          lon: 0,
          eventIo: 1,
          io: [
            { id: 1, bytes: 1, value: 1 },
            { id: 0x11, bytes: 2, value: 0x1d },
            { id: 0x10, bytes: 4, value: 0x015e2c88 },
            { id: 0x0b, bytes: 8, value: 0x3544c87a },
            { id: 0x0e, bytes: 8, value: 0x1dd7e06a },
          ],
        },
      ],
      CODEC_8_EXTENDED,
    );
    expect(packet).toEqual(hexToBytes(CODEC_8E_EXAMPLE));
  });

  it('reproduces the published IMEI handshake', () => {
    expect(encodeImei('356307042441013')).toEqual(hexToBytes(IMEI_HANDSHAKE_EXAMPLE));
  });

  for (const codec of [CODEC_8, CODEC_8_EXTENDED] as const) {
    it(`round-trips records through codec 0x${codec.toString(16)}`, () => {
      const second: AvlRecordInput = { timestamp: RECORD.timestamp + 1000, lat: 89.9999999, lon: 179.9999999 };
      const [first, next] = decode(encodeAvlPacket([RECORD, second], codec));
      expect(first).toEqual({
        deviceId: '1',
        deviceTime: RECORD.timestamp,
        receivedTime: 0,
        lat: -33.8688197,
        lon: -70.6692655,
        altitude: -28,
        speed: 87,
        course: 359,
        satellites: 11,
        valid: true,
        attributes: {
          priority: 2,
          eventIo: 2,
          io1: 1,
          io2: 0,
          io67: 4012,
          io113: 76,
          io199: 0xfedcba98,
          io240: 2n ** 63n + 5n,
          io241: 25001,
        },
      });
      expect(next).toMatchObject({ lat: 89.9999999, lon: 179.9999999, valid: false, attributes: { priority: 0, eventIo: 0 } });
    });
  }

  it('keeps 8-byte values as numbers up to Number.MAX_SAFE_INTEGER and bigint beyond', () => {
    const io = [
      { id: 1, bytes: 8, value: Number.MAX_SAFE_INTEGER },
      { id: 2, bytes: 8, value: BigInt(Number.MAX_SAFE_INTEGER) + 1n },
    ] as const;
    const [p] = decode(encodeAvlPacket([{ timestamp: 0, lat: 0, lon: 0, io }]));
    expect(p!.attributes.io1).toBe(Number.MAX_SAFE_INTEGER);
    expect(p!.attributes.io2).toBe(BigInt(Number.MAX_SAFE_INTEGER) + 1n);
  });

  it('writes negative values as two\u2019s complement, read back unsigned', () => {
    const [p] = decode(encodeAvlPacket([{ timestamp: 0, lat: 0, lon: 0, io: [{ id: 72, bytes: 2, value: -5 }] }]));
    expect(p!.attributes.io72).toBe(0xfffb);
  });

  it('round-trips variable-length and 2-byte-ID elements in Codec 8 Extended', () => {
    const vin = new TextEncoder().encode('WDB9634031L123456');
    const [p] = decode(
      encodeAvlPacket(
        [{ timestamp: 0, lat: 1, lon: 1, satellites: 4, eventIo: 385, io: [{ id: 1000, bytes: 4, value: 7 }], variableIo: [{ id: 256, value: vin }] }],
        CODEC_8_EXTENDED,
      ),
    );
    expect(p!.attributes).toEqual({ priority: 0, eventIo: 385, io1000: 7, io256: vin });
  });

  it('refuses what the codec cannot carry', () => {
    const base = { timestamp: 0, lat: 0, lon: 0 };
    expect(() => encodeAvlPacket([{ ...base, variableIo: [{ id: 1, value: new Uint8Array(1) }] }], CODEC_8)).toThrow(RangeError);
    expect(() => encodeAvlPacket([{ ...base, io: [{ id: 256, bytes: 1, value: 0 }] }], CODEC_8)).toThrow(RangeError);
    expect(() => encodeAvlPacket([{ ...base, io: [{ id: 1, bytes: 1, value: 256 }] }])).toThrow(RangeError);
    expect(() => encodeAvlPacket([{ ...base, lat: 91 }])).toThrow(RangeError);
    expect(() => encodeAvlPacket(new Array(256).fill(base))).toThrow(RangeError);
    expect(() => encodeImei('35630704244101x')).toThrow(RangeError);
    expect(() => encodeImei('')).toThrow(RangeError);
  });
});
