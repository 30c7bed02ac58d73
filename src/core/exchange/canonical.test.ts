import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical.js';

describe('canonicalJson', () => {
  it('writes the same text whatever the order of the keys, at every depth', () => {
    const a = canonicalJson({ b: 1, a: { d: [1, { f: 'x', e: null }], c: true } });
    const b = canonicalJson({ a: { c: true, d: [1, { e: null, f: 'x' }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"c":true,"d":[1,{"e":null,"f":"x"}]},"b":1}');
  });

  it('leaves out undefined fields as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 'ü' })).toBe('{"b":"ü"}');
  });
});
