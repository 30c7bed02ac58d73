import { describe, expect, it } from 'vitest';
import { HsPrefixIndex } from './hs-prefix-index.js';

describe('HsPrefixIndex', () => {
  const index = new HsPrefixIndex();
  const tobacco = index.register(['24', '2208']);
  const same = index.register(['2208', '24', '24']);
  const phones = index.register(['851713', '8517130000']);
  const chapterZero = index.register(['07', '0702']);

  function marks(...codes: string[]): { hit: number[]; first: number[] } {
    const hit = new Uint8Array(index.size);
    const first = new Int32Array(index.size).fill(-1);
    codes.forEach((code, i) => index.mark(code, i, hit, first));
    return { hit: [...hit], first: [...first] };
  }

  it('registers a list once, whatever its order and repetitions', () => {
    expect(same).toBe(tobacco);
    expect([tobacco, phones, chapterZero]).toEqual([0, 1, 2]);
    expect(index.size).toBe(3);
  });

  it('marks every list a code matches, at every prefix length, with the first item', () => {
    expect(marks('950300', '851713', '220830')).toEqual({ hit: [1, 1, 0], first: [2, 1, -1] });
    expect(marks('8517130000')).toEqual({ hit: [0, 1, 0], first: [-1, 0, -1] });
    expect(marks('070200')).toEqual({ hit: [0, 0, 1], first: [-1, -1, 0] });
  });

  it('keeps leading zeros apart: 07 is not 7, 0702 is not 702', () => {
    expect(marks('700000', '702000').hit).toEqual([0, 0, 0]);
  });

  it('stops at the first character that is not a digit', () => {
    expect(marks('85 1713', '2x', '').hit).toEqual([0, 0, 0]);
  });
});
