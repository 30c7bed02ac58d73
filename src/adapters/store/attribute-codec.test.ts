import { describe, expect, it } from 'vitest';
import { decodeAttributes, encodeAttributes } from './attribute-codec.js';

describe('attribute codec', () => {
  it('writes plain values as plain JSON', () => {
    const attributes = { io1: 1, io2: 0.1 + 0.2, name: 'Ақ Жол', on: false, '': 'empty name' };
    expect(encodeAttributes(attributes)).toBe(JSON.stringify(attributes));
    expect(decodeAttributes(encodeAttributes(attributes))).toStrictEqual(attributes);
  });

  it('keeps bigint, bytes, NaN, infinities and -0 with their types', () => {
    const attributes = {
      big: 18_446_744_073_709_551_615n,
      negative: -9_223_372_036_854_775_808n,
      bytes: new Uint8Array([0, 1, 254, 255]),
      empty: new Uint8Array(0),
      nan: Number.NaN,
      up: Number.POSITIVE_INFINITY,
      down: Number.NEGATIVE_INFINITY,
      negativeZero: -0,
      zero: 0,
    };
    const text = encodeAttributes(attributes);
    expect(JSON.parse(text)).toMatchObject({ big: { $bigint: '18446744073709551615' }, bytes: { $bytes: 'AAH+/w==' }, negativeZero: { $number: '-0' } });
    const decoded = decodeAttributes(text);
    expect(decoded).toStrictEqual(attributes);
    expect(Object.is(decoded.negativeZero, -0)).toBe(true);
    expect(decoded.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(decoded.bytes)).toBe(false);
  });

  it('encodes only the bytes of a view, and reads a Buffer back as a plain Uint8Array', () => {
    const whole = new Uint8Array([9, 8, 7, 6, 5]);
    const decoded = decodeAttributes(encodeAttributes({ view: whole.subarray(1, 3), buffer: Buffer.from('hi') }));
    expect(decoded).toStrictEqual({ view: new Uint8Array([8, 7]), buffer: new Uint8Array([104, 105]) });
  });

  it('tags text that jsonb refuses (U+0000, unpaired surrogates) and leaves paired surrogates alone', () => {
    const attributes = { nul: 'a\u0000b', high: 'x\uD800', low: '\uDC00y', emoji: 'truck 🚚' };
    const text = encodeAttributes(attributes);
    expect(text).not.toMatch(/\\u0000|\\ud8|\\udc/i);
    expect(JSON.parse(text).emoji).toBe('truck 🚚');
    expect(decodeAttributes(text)).toStrictEqual(attributes);
  });

  it('switches to entries when a name would be refused, and keeps `__proto__` an own name', () => {
    const attributes: Record<string, unknown> = { 'mqtt:a\u0000': 1n, plain: 'x' };
    Object.defineProperty(attributes, '__proto__', { value: 'not a prototype', enumerable: true });
    const text = encodeAttributes(attributes as never);
    expect(Array.isArray(JSON.parse(text).$entries)).toBe(true);
    const decoded = decodeAttributes(text);
    expect(decoded).toStrictEqual(attributes);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);

    const tagged: Record<string, unknown> = { big: 1n };
    Object.defineProperty(tagged, '__proto__', { value: 2n, enumerable: true });
    expect(Object.hasOwn(decodeAttributes(encodeAttributes(tagged as never)), '__proto__')).toBe(true);
  });

  it('reads names that look like tags as names', () => {
    const attributes = { $entries: 'x', $bigint: '1', $bytes: 2 };
    expect(decodeAttributes(encodeAttributes(attributes))).toStrictEqual(attributes);
  });

  it('refuses a value of no attribute type instead of storing something else', () => {
    expect(() => encodeAttributes({ bad: null } as never)).toThrow(/bad/);
    expect(() => encodeAttributes({ bad: { $bigint: '1' } } as never)).toThrow(TypeError);
  });
});
