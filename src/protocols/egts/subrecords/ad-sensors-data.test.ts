import { describe, expect, it } from 'vitest';
import { hex, viewOf } from '../test-support.js';
import { adSensorsDataLength, decodeAdSensorsData, writeAdSensorsData, type AdSensorsData } from './ad-sensors-data.js';

describe('EGTS_SR_AD_SENSORS_DATA', () => {
  it('reads additional input octets and analog sensors in bit order', () => {
    // DIOE: octets 1 and 3; DOUT 0x05; ASFE: sensors 2 and 8.
    const data = decodeAdSensorsData(hex('05 05 82 11 33 e80300 ffffff'), 0, 11)!;
    expect(data.digitalOutputs).toBe(5);
    expect(data.digitalInputOctets).toEqual([0x11, undefined, 0x33]);
    expect(data.analogInputs[1]).toBe(1000);
    expect(data.analogInputs[7]).toBe(0xffffff);
    expect(data.analogInputs[0]).toBeUndefined();
  });

  it('refuses data shorter than its flags announce', () => {
    expect(decodeAdSensorsData(hex('00 00 01 e803'), 0, 5)).toBeUndefined();
    expect(decodeAdSensorsData(hex('01 00'), 0, 2)).toBeUndefined();
  });

  it('round-trips', () => {
    const data: AdSensorsData = { digitalOutputs: 0x80, digitalInputOctets: [undefined, 7], analogInputs: [12, undefined, 345678] };
    const bytes = new Uint8Array(adSensorsDataLength(data));
    expect(writeAdSensorsData(viewOf(bytes), 0, data)).toBe(bytes.length);
    expect(decodeAdSensorsData(bytes, 0, bytes.length)).toEqual(data);
  });
});
