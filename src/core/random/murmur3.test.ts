import { describe, expect, it } from 'vitest';
import { murmur3x86x128 } from './murmur3.js';

const hex = (words: number[]): string => words.map((w) => w.toString(16).padStart(8, '0')).join('');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('murmur3x86x128', () => {
  // Known answers from the test program of a widely used C port of the reference implementation.
  it.each([
    [123, 'Hello, world!', '61c9129e5a1aacd7a41621629e37c886'],
    [321, 'Hello, world!', 'd5fbdcb3c26c4193045880c5a7170f0f'],
    [123, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxx', '5e40bab278825a164cf929d31fec6047'],
    [123, '', 'fedc524526f3e79926f3e79926f3e799'],
  ])('seed %i of %j hashes to the reference value', (seed, text, expected) => {
    expect(hex(murmur3x86x128(utf8(text), seed))).toBe(expected);
  });

  it('covers every tail length without throwing and gives distinct hashes', () => {
    const seen = new Set<string>();
    for (let n = 0; n <= 40; n++) seen.add(hex(murmur3x86x128(utf8('a'.repeat(n)))));
    expect(seen.size).toBe(41);
  });
});
