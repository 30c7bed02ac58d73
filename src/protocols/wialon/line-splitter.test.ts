import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';

const text = new TextDecoder();
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

function split(splitter: LineSplitter, chunks: string[]): { lines: string[]; results: string[] } {
  const lines: string[] = [];
  const results = chunks.map((c) =>
    splitter.push(bytes(c), (b, start, end) => {
      lines.push(text.decode(b.subarray(start, end)));
      return true;
    }),
  );
  return { lines, results };
}

describe('LineSplitter', () => {
  it('gives the same lines for any split of the stream, holding only the unfinished one', () => {
    const stream = '#P#\r\n#SD#a;b;c\r\n\r\n#D#xyz\r\n#P#';
    const whole = split(new LineSplitter(100), [stream]).lines;
    expect(whole).toEqual(['#P#\r', '#SD#a;b;c\r', '\r', '#D#xyz\r']);
    for (let size = 1; size < stream.length; size++) {
      const splitter = new LineSplitter(100);
      const chunks = stream.match(new RegExp(`[^]{1,${size}}`, 'g'))!;
      expect(split(splitter, chunks).lines).toEqual(whole);
      expect(splitter.pendingBytes).toBe(3);
    }
  });

  it('refuses a line over the limit as soon as that many bytes wait without an LF', () => {
    const splitter = new LineSplitter(8);
    expect(split(splitter, ['12345678']).results).toEqual(['ok']);
    expect(split(splitter, ['9']).results).toEqual(['too-long']);
    expect(splitter.pendingBytes).toBe(0);
    expect(split(new LineSplitter(8), ['1234567\n']).results).toEqual(['ok']);
    expect(split(new LineSplitter(8), ['12345678\n']).results).toEqual(['too-long']);
  });

  it('stops when the handler says so', () => {
    const splitter = new LineSplitter(100);
    const seen: number[] = [];
    expect(splitter.push(bytes('a\nb\nc\n'), (_b, start) => (seen.push(start), seen.length < 2))).toBe('stopped');
    expect(seen).toEqual([0, 2]);
  });
});
