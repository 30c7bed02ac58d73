import { describe, expect, it } from 'vitest';
import { parseCoordinate, parseDateTime, parseNumber } from './fields.js';
import { parseParams } from './params.js';
import type { AttributeValue } from '../../core/model/index.js';

describe('Wialon IPS fields', () => {
  it('converts degrees and minutes to signed decimal degrees', () => {
    expect(parseCoordinate('5544.6025', 'N', 'lat')).toBeCloseTo(55.743375, 9);
    expect(parseCoordinate('03739.6834', 'E', 'lon')).toBeCloseTo(37.66139, 9);
    expect(parseCoordinate('3352.1291', 'S', 'lat')).toBeCloseTo(-33.868818, 6);
    expect(parseCoordinate('07040.1559', 'W', 'lon')).toBeCloseTo(-70.669265, 6);
    expect(parseCoordinate('NA', 'N', 'lat')).toBeUndefined();
  });

  it('refuses coordinates out of range or malformed', () => {
    expect(parseCoordinate('9100.0000', 'N', 'lat')).toBeNull();
    expect(parseCoordinate('18100.0000', 'E', 'lon')).toBeNull();
    expect(parseCoordinate('5560.0000', 'N', 'lat')).toBeNull();
    expect(parseCoordinate('5544.6025', 'E', 'lat')).toBeNull();
    expect(parseCoordinate('55x4.6025', 'N', 'lat')).toBeNull();
    expect(parseCoordinate('5544.6025', 'NA', 'lat')).toBeNull();
  });

  it('reads DDMMYY and HHMMSS as UTC, with an optional fraction of a second', () => {
    expect(parseDateTime('040125', '235959', 0)).toBe(Date.UTC(2025, 0, 4, 23, 59, 59));
    expect(parseDateTime('290224', '000000.25', 0)).toBe(Date.UTC(2024, 1, 29, 0, 0, 0, 250));
    expect(parseDateTime('NA', 'NA', 42)).toBe(42);
  });

  it('refuses impossible dates and times', () => {
    for (const [date, time] of [['310225', '120000'], ['290223', '120000'], ['011325', '120000'], ['010125', '240000'], ['010125', '126000'], ['0101250', '120000'], ['NA', '120000']]) {
      expect(parseDateTime(date!, time!, 0), `${date} ${time}`).toBeUndefined();
    }
  });

  it('reads numbers and NA', () => {
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('NA')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('1,5')).toBeNull();
  });

  it('refuses a number so long that it reads as Infinity (found by fuzzing)', () => {
    expect(parseNumber('9'.repeat(400))).toBeNull();
    expect(parseNumber(`-${'9'.repeat(309)}.5`)).toBeNull();
    expect(parseNumber('9'.repeat(308))).toBe(Number('9'.repeat(308)));
  });

  it('reads the spec\u2019s parameter example with their types', () => {
    const attributes: Record<string, AttributeValue> = {};
    expect(parseParams('count1:1:564,fuel:2:45.8,hw:3:V4.5', attributes)).toBe(true);
    expect(attributes).toEqual({ 'param:count1': 564, 'param:fuel': 45.8, 'param:hw': 'V4.5' });
  });

  it('keeps long integers exact, leaves NA out, and rejoins text split at a comma', () => {
    const attributes: Record<string, AttributeValue> = {};
    expect(parseParams('big:1:9007199254740993,na:2:NA,note:3:left,right,n:1:-7', attributes)).toBe(true);
    expect(attributes).toEqual({ 'param:big': 9007199254740993n, 'param:note': 'left,right', 'param:n': -7 });
  });

  it('refuses malformed parameters', () => {
    for (const field of ['x:1:1.5', 'x:2:abc', 'x:4:1', 'x', ':1:1', 'junk,x:1:1', 'x:2:1e999', 'x:2:-1e400']) {
      expect(parseParams(field, {}), field).toBe(false);
    }
  });
});
