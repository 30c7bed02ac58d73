import { describe, expect, it } from 'vitest';
import { hex, viewOf } from '../test-support.js';
import { countersDataLength, decodeCountersData, writeCountersData } from './counters-data.js';

describe('EGTS_SR_COUNTERS_DATA', () => {
  it('reads the counters its flags announce', () => {
    expect(decodeCountersData(hex('05 010000 ffff00'), 0, 7)).toEqual({ counters: [1, undefined, 0xffff] });
    expect(decodeCountersData(hex('03 010000'), 0, 4)).toBeUndefined();
  });

  it('round-trips', () => {
    const data = { counters: [undefined, undefined, undefined, 99, undefined, undefined, undefined, 0xabcdef] };
    const bytes = new Uint8Array(countersDataLength(data));
    expect(writeCountersData(viewOf(bytes), 0, data)).toBe(bytes.length);
    expect(decodeCountersData(bytes, 0, bytes.length)).toEqual(data);
  });
});
