import { describe, expect, it } from 'vitest';
import { hex, viewOf } from '../test-support.js';
import { decodeExtPosData, extPosDataLength, writeExtPosData, type ExtPosData } from './ext-pos-data.js';

const decode = (bytes: Uint8Array): ExtPosData | undefined => decodeExtPosData(bytes, viewOf(bytes), 0, bytes.length);

describe('EGTS_SR_EXT_POS_DATA', () => {
  it('reads only the fields its flags announce, in order', () => {
    // HFE|SFE|NSFE: HDOP 1.20, 9 satellites, GLONASS+GPS.
    expect(decode(hex('1a 7800 09 0300'))).toEqual({ hdop: 1.2, satellites: 9, navigationSystems: 3 });
    expect(decode(hex('00'))).toEqual({});
  });

  it('refuses data shorter than its flags announce', () => {
    expect(decode(hex('1f 0100 0200'))).toBeUndefined();
  });

  it('round-trips all fields', () => {
    const ext = { vdop: 1.5, hdop: 0.9, pdop: 1.75, satellites: 14, navigationSystems: 1 | 2 | 4 };
    const bytes = new Uint8Array(extPosDataLength(ext));
    expect(writeExtPosData(viewOf(bytes), 0, ext)).toBe(bytes.length);
    expect(decode(bytes)).toEqual(ext);
  });
});
