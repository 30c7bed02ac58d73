import { describe, expect, it } from 'vitest';
import { crc16Arc, crc16CcittFalse, crc8Egts } from './crc.js';

// The catalogue's check value of each algorithm is its CRC over the nine ASCII bytes "123456789".
const CHECK = new TextEncoder().encode('123456789');

describe('CRCs against the catalogue check values', () => {
  it('CRC-16/ARC', () => expect(crc16Arc(CHECK)).toBe(0xbb3d));
  it('CRC-16/CCITT-FALSE', () => expect(crc16CcittFalse(CHECK)).toBe(0x29b1));
  it('CRC-8/NRSC-5 (poly 0x31, init 0xFF)', () => expect(crc8Egts(CHECK)).toBe(0xf7));
  it('CRC-16/ARC eight bytes at a time agrees with the byte-at-a-time definition at every length and offset', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 151 + 7) & 0xff);
    const bitwise = (start: number, end: number): number => {
      let crc = 0;
      for (let i = start; i < end; i++) {
        crc ^= bytes[i]!;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
      }
      return crc;
    };
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= bytes.length; end += 7) expect(crc16Arc(bytes, start, end)).toBe(bitwise(start, end));
    }
  });
  it('honours the byte range', () => {
    const padded = new Uint8Array([0xaa, ...CHECK, 0x55]);
    expect(crc16Arc(padded, 1, 10)).toBe(0xbb3d);
  });
});
