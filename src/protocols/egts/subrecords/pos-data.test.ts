import { describe, expect, it } from 'vitest';
import { hex, viewOf } from '../test-support.js';
import { emptyPosData, posDataLength, readPosData, writePosData, type PosData, type PosDataInput } from './pos-data.js';

function read(bytes: Uint8Array): PosData | undefined {
  const out = emptyPosData();
  return readPosData(bytes, viewOf(bytes), 0, bytes.length, out) ? out : undefined;
}

function roundTrip(input: PosDataInput): PosData {
  const bytes = new Uint8Array(posDataLength(input));
  expect(writePosData(viewOf(bytes), 0, input)).toBe(bytes.length);
  return read(bytes)!;
}

describe('EGTS_SR_POS_DATA', () => {
  it('reads the fix of a published packet (Moscow, 2024-09-06)', () => {
    const pos = read(hex('b6739d1b 4fba3a9e d227bc35 00 0000 00 000000 00 00'))!;
    expect(new Date(pos.time).toISOString()).toBe('2024-09-06T07:26:46.000Z');
    expect(pos.lat).toBeCloseTo(55.627525, 6);
    expect(pos.lon).toBeCloseTo(37.782410, 6);
    expect(pos).toMatchObject({ speed: 0, course: 0, valid: false, altitude: undefined, sourceData: undefined });
  });

  it('applies the hemisphere flags, the speed and direction high bits and the altitude sign', () => {
    // FLG = ALTE|LOHS|LAHS|VLD; SPD = DIRH|ALTS|0x3FFF; DIR = 0x2C; ALT = 100.
    const pos = read(hex('00000000 ffffffff ffffffff e1 ffff 2c 0a0000 05 03 640000'))!;
    expect(pos.lat).toBe(-90);
    expect(pos.lon).toBe(-180);
    expect(pos.speed).toBeCloseTo(1638.3, 6);
    expect(pos.course).toBe(300);
    expect(pos.altitude).toBe(-100);
    expect(pos.odometer).toBeCloseTo(1, 6);
    expect(pos).toMatchObject({ digitalInputs: 5, source: 3, valid: true });
  });

  it('ignores the altitude sign when no altitude is sent', () => {
    const pos = read(hex('00000000 00000000 00000000 01 0040 00 000000 00 00'))!;
    expect(pos.altitude).toBeUndefined();
  });

  it('reads SRCD when the length leaves room for it', () => {
    expect(read(hex('00000000 00000000 00000000 00 0000 00 000000 00 0a 3412'))!.sourceData).toBe(0x1234);
  });

  it('refuses data shorter than its flags announce', () => {
    expect(read(hex('00000000 00000000 00000000 00 0000 00 000000 00'))).toBeUndefined();
    expect(read(hex('00000000 00000000 00000000 80 0000 00 000000 00 00 01'))).toBeUndefined();
  });

  it('round-trips south-west positions with altitude below sea level', () => {
    const time = Date.UTC(2026, 0, 2, 3, 4, 5);
    const pos = roundTrip({
      time, lat: -33.8688, lon: -70.6693, speed: 87.4, course: 271, altitude: -12, odometer: 12345.6,
      digitalInputs: 0x81, source: 10, sourceData: 7, moving: true, blackBox: true, fix3d: true,
    });
    expect(pos.time).toBe(time);
    expect(pos.lat).toBeCloseTo(-33.8688, 6);
    expect(pos.lon).toBeCloseTo(-70.6693, 6);
    expect(pos).toMatchObject({
      speed: 87.4, course: 271, altitude: -12, odometer: 12345.6, digitalInputs: 0x81, source: 10, sourceData: 7,
      valid: true, moving: true, blackBox: true, fix3d: true, pz90: false,
    });
  });

  it('keeps a 0.1 km/h speed and headings up to 359', () => {
    for (const course of [0, 1, 255, 256, 359]) expect(roundTrip({ time: 0, lat: 0, lon: 0, speed: 0.1, course }).course).toBe(course);
    expect(roundTrip({ time: Date.UTC(2010, 0, 1), lat: 1, lon: 1, speed: 0.1, course: 0 }).speed).toBe(0.1);
  });
});
