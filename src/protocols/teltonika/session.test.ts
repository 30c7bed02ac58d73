import { describe, expect, it } from 'vitest';
import { crc16Arc } from '../crc.js';
import type { SessionOutput } from '../session.js';
import { encodeAvlPacket, encodeImei } from './encoder.js';
import { TELTONIKA_ERROR_CODES } from './protocol-error.js';
import {
  CODEC_8E_EXAMPLE,
  CODEC_8E_EXAMPLE_WITH_VARIABLE_IO,
  CODEC_8_EXAMPLE_1,
  CODEC_8_EXAMPLE_3,
  IMEI_HANDSHAKE_EXAMPLE,
  hexToBytes,
} from './published-examples.js';
import { createTeltonikaSession } from './session.js';

const AT = Date.UTC(2024, 5, 1);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A packet around a hand-made data field, with a correct CRC, to reach the checks behind the CRC. */
function packet(dataField: Uint8Array): Uint8Array {
  const out = new Uint8Array(dataField.length + 12);
  const view = new DataView(out.buffer);
  view.setUint32(4, dataField.length);
  out.set(dataField, 8);
  view.setUint32(8 + dataField.length, crc16Arc(dataField));
  return out;
}

function dataField(hexPacket: string): Uint8Array {
  const bytes = hexToBytes(hexPacket);
  return bytes.slice(8, bytes.length - 4);
}

function feedAll(chunks: Uint8Array[]): SessionOutput[] {
  const session = createTeltonikaSession();
  return chunks.flatMap((c) => session.feed(c, AT));
}

function bytewise(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (b) => Uint8Array.of(b));
}

function errorCode(outputs: SessionOutput[]): string | undefined {
  const last = outputs.at(-1);
  return last?.type === 'error' ? last.code : undefined;
}

const HANDSHAKE = hexToBytes(IMEI_HANDSHAKE_EXAMPLE);
const STREAM = concat(
  HANDSHAKE,
  hexToBytes(CODEC_8_EXAMPLE_1),
  hexToBytes(CODEC_8_EXAMPLE_3),
  hexToBytes(CODEC_8E_EXAMPLE),
  hexToBytes(CODEC_8E_EXAMPLE_WITH_VARIABLE_IO),
);

describe('Teltonika session', () => {
  it('identifies the device from the handshake, with 0x01 to accept and 0x00 to refuse', () => {
    expect(feedAll([HANDSHAKE])).toEqual([
      { type: 'identified', deviceId: '356307042441013', accept: Uint8Array.of(1), refuse: Uint8Array.of(0) },
    ]);
  });

  it('answers each AVL packet with its record count as 4 big-endian bytes', () => {
    const outputs = feedAll([STREAM]);
    expect(outputs.map((o) => o.type)).toEqual(['identified', 'positions', 'positions', 'positions', 'positions']);
    const replies = outputs.flatMap((o) => (o.type === 'positions' ? [o.reply] : []));
    expect(replies).toEqual([Uint8Array.of(0, 0, 0, 1), Uint8Array.of(0, 0, 0, 2), Uint8Array.of(0, 0, 0, 1), Uint8Array.of(0, 0, 0, 1)]);
    const first = outputs[1]!;
    expect(first.type === 'positions' && first.positions[0]).toMatchObject({
      deviceId: '356307042441013',
      receivedTime: AT,
      deviceTime: Date.UTC(2019, 5, 10, 10, 4, 46),
    });
  });

  it('gives the same outputs when the bytes arrive one at a time', () => {
    expect(feedAll(bytewise(STREAM))).toEqual(feedAll([STREAM]));
  });

  it('gives the same outputs for any split of the stream', () => {
    const whole = feedAll([STREAM]);
    for (let seed = 1; seed <= 50; seed++) {
      const chunks: Uint8Array[] = [];
      let state = seed;
      for (let at = 0; at < STREAM.length; ) {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        const size = 1 + (state % 97);
        chunks.push(STREAM.subarray(at, at + size));
        at += size;
      }
      expect(feedAll(chunks)).toEqual(whole);
    }
  });

  it('does not keep references into the chunks it was given', () => {
    const session = createTeltonikaSession();
    const chunk = STREAM.slice();
    const outputs = session.feed(chunk, AT);
    chunk.fill(0xff);
    expect(outputs).toEqual(feedAll([STREAM]));
  });

  it('decodes a stream produced by the encoder', () => {
    const records = Array.from({ length: 200 }, (_, i) => ({ timestamp: i * 1000, lat: 41 + i / 1000, lon: 69, satellites: 9 }));
    const outputs = feedAll(bytewise(concat(encodeImei('860000000000001'), encodeAvlPacket(records.slice(0, 100)), encodeAvlPacket(records.slice(100)))));
    const positions = outputs.flatMap((o) => (o.type === 'positions' ? o.positions : []));
    expect(positions.map((p) => p.deviceTime)).toEqual(records.map((r) => r.timestamp));
  });

  describe('errors, each closing the session', () => {
    const cases: [string, Uint8Array, Uint8Array?][] = [
      ['BAD_IMEI', Uint8Array.of(0x00, 0x03, 0x31, 0x32, 0x41)],
      ['BAD_IMEI', Uint8Array.of(0x00, 0x00)],
      ['BAD_IMEI', Uint8Array.of(0x00, 0x15, ...new Array(21).fill(0x31))],
      ['BAD_PREAMBLE', concat(HANDSHAKE, Uint8Array.of(0, 0, 1, 0))],
      ['BAD_LENGTH', concat(HANDSHAKE, hexToBytes('00000000 00000002 0800 00000000'))],
      ['FRAME_TOO_LARGE', concat(HANDSHAKE, hexToBytes('00000000 00010000'))],
      ['CRC_MISMATCH', concat(HANDSHAKE, hexToBytes(CODEC_8_EXAMPLE_1.replace('425E0F', '425E0E')))],
      ['UNKNOWN_CODEC', concat(HANDSHAKE, packet(Uint8Array.of(0x10, ...dataField(CODEC_8_EXAMPLE_1).subarray(1))))],
      ['RECORD_COUNT_MISMATCH', concat(HANDSHAKE, packet(Uint8Array.of(...dataField(CODEC_8_EXAMPLE_1).subarray(0, -1), 2)))],
      ['TRUNCATED_RECORD', concat(HANDSHAKE, packet(Uint8Array.of(0x08, 2, ...dataField(CODEC_8_EXAMPLE_1).subarray(2, -1), 2)))],
      ['TRUNCATED_RECORD', concat(HANDSHAKE, packet(Uint8Array.of(0x08, 1, ...dataField(CODEC_8_EXAMPLE_1).subarray(2, 30), 1)))],
      ['TRAILING_BYTES', concat(HANDSHAKE, packet(Uint8Array.of(...dataField(CODEC_8_EXAMPLE_1).subarray(0, -1), 0, 1)))],
      ['IO_COUNT_MISMATCH', concat(HANDSHAKE, packet(dataField(CODEC_8_EXAMPLE_1.replace('0105021503', '0106021503'))))],
      ['IO_COUNT_MISMATCH', concat(HANDSHAKE, packet(dataField(CODEC_8E_EXAMPLE.replace('0001000500010001', '0001000400010001'))))],
      ['BAD_TIMESTAMP', concat(HANDSHAKE, packet(dataField(CODEC_8_EXAMPLE_1.replace('0000016B40D8EA30', 'FFFFFFFFFFFFFFFF'))))],
    ];

    it('covers every error code', () => {
      expect(new Set(cases.map(([code]) => code))).toEqual(new Set(TELTONIKA_ERROR_CODES));
    });

    for (const [code, bytes] of cases) {
      it(`${code}: ${bytes.length} bytes, whole and one at a time`, () => {
        const whole = feedAll([bytes]);
        expect(errorCode(whole)).toBe(code);
        expect(whole.filter((o) => o.type === 'error')).toHaveLength(1);
        expect(errorCode(feedAll(bytewise(bytes)))).toBe(code);
      });
    }

    it('FRAME_TOO_LARGE against the limit the session was given', () => {
      const session = createTeltonikaSession({ maxFrameBytes: 60 });
      session.feed(HANDSHAKE, AT);
      expect(errorCode(session.feed(hexToBytes(CODEC_8_EXAMPLE_1), AT))).toBe('FRAME_TOO_LARGE');
      expect(errorCode(createTeltonikaSession({ maxFrameBytes: 10 }).feed(HANDSHAKE, AT))).toBe('FRAME_TOO_LARGE');
    });

    it('refuses garbage on its first bytes instead of waiting for the length it claims', () => {
      const session = createTeltonikaSession();
      expect(session.feed(Uint8Array.of(0x00, 0x0f), AT)).toEqual([]);
      expect(errorCode(session.feed(Uint8Array.of(0x47), AT))).toBe('BAD_IMEI');
      const after = createTeltonikaSession();
      after.feed(HANDSHAKE, AT);
      expect(errorCode(after.feed(Uint8Array.of(0x01), AT))).toBe('BAD_PREAMBLE');
    });

    it('returns nothing more after an error', () => {
      const session = createTeltonikaSession();
      session.feed(concat(HANDSHAKE, Uint8Array.of(9)), AT);
      expect(session.feed(hexToBytes(CODEC_8_EXAMPLE_1), AT)).toEqual([]);
    });

    it('keeps the outputs that came before the error in the same chunk', () => {
      const outputs = feedAll([concat(HANDSHAKE, hexToBytes(CODEC_8_EXAMPLE_1), Uint8Array.of(7))]);
      expect(outputs.map((o) => o.type)).toEqual(['identified', 'positions', 'error']);
    });
  });
});
