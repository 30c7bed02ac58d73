import { describe, expect, it } from 'vitest';
import { assess } from './assess.js';
import { drawFor, drawFromMac, drawMessage, DRAW_SCHEME, selectRandomly } from './selection.js';
import { context, declaration, fakeKey, goodsItem, ruleSet } from './test-support.js';

const RANDOM = { green: { yellow: 0.03, red: 0.01 }, yellow: { red: 0.02 } };

describe('drawFromMac', () => {
  it('reads the first 53 bits big-endian as a fraction in [0, 1)', () => {
    expect(drawFromMac(new Uint8Array(32))).toBe(0);
    expect(drawFromMac(new Uint8Array(32).fill(0xff))).toBe(1 - 2 ** -53);
    expect(drawFromMac(Uint8Array.of(0x80, 0, 0, 0, 0, 0, 0))).toBe(0.5);
    // The 53rd bit is the top five bits of byte 6 read down to their lowest: 0x08 there is 2^-53.
    expect(drawFromMac(Uint8Array.of(0, 0, 0, 0, 0, 0, 0x08))).toBe(2 ** -53);
    expect(drawFromMac(Uint8Array.of(0, 0, 0, 0, 0, 0, 0x07))).toBe(0);
  });

  it('refuses a MAC too short to draw from', () => {
    expect(() => drawFromMac(new Uint8Array(6))).toThrow(RangeError);
  });
});

describe('drawFor', () => {
  it('hashes the scheme tag and the reference, and names the key', () => {
    const seen: string[] = [];
    const key = { id: 'k-2026', mac: (message: string) => { seen.push(message); return new Uint8Array(32); } };
    expect(drawFor(key, 'LRN-7')).toEqual({ value: 0, keyId: 'k-2026', scheme: DRAW_SCHEME });
    expect(seen).toEqual([drawMessage('LRN-7')]);
    expect(drawMessage('LRN-7')).toBe(`${DRAW_SCHEME}\nLRN-7`);
  });
});

describe('selectRandomly', () => {
  it('raises green to red below the red rate, to yellow in the next band, and not above', () => {
    expect(selectRandomly('green', RANDOM, 0)).toEqual({ channel: 'red', randomlySelected: true, rates: { yellow: 0.03, red: 0.01 }, rate: 0.01 });
    expect(selectRandomly('green', RANDOM, 0.0099)).toMatchObject({ channel: 'red', rate: 0.01 });
    expect(selectRandomly('green', RANDOM, 0.01)).toMatchObject({ channel: 'yellow', rate: 0.03 });
    expect(selectRandomly('green', RANDOM, 0.0399)).toMatchObject({ channel: 'yellow' });
    expect(selectRandomly('green', RANDOM, 0.04)).toEqual({ channel: 'green', randomlySelected: false, rates: { yellow: 0.03, red: 0.01 } });
  });

  it('raises yellow to red at its own rate and never lowers red', () => {
    expect(selectRandomly('yellow', RANDOM, 0.019)).toMatchObject({ channel: 'red', randomlySelected: true, rate: 0.02 });
    expect(selectRandomly('yellow', RANDOM, 0.02)).toMatchObject({ channel: 'yellow', randomlySelected: false });
    expect(selectRandomly('red', RANDOM, 0)).toEqual({ channel: 'red', randomlySelected: false, rates: { yellow: 0, red: 0 } });
  });
});

describe('assess with random selection', () => {
  const set = ruleSet([{ id: 'many-lines', weight: 30, explanation: '{goodsItems} lines', when: { goodsItems: { atLeast: 3 } } }], { random: RANDOM });

  it('flags a raised green declaration with the draw and the rate', () => {
    const a = assess(set, declaration(), context(), { value: 0.02, keyId: 'k', scheme: DRAW_SCHEME });
    expect(a).toMatchObject({
      score: 0,
      targetedChannel: 'green',
      channel: 'yellow',
      randomlySelected: true,
      random: { draw: 0.02, keyId: 'k', scheme: DRAW_SCHEME, rates: { yellow: 0.03, red: 0.01 }, rate: 0.03 },
    });
  });

  it('gives the same decision for the same declaration, secret and rule version, and another for another secret', () => {
    const key = fakeKey('k1', 'secret one');
    const lines = declaration({ goods: [goodsItem('610910', 1, 1), goodsItem('620342', 1, 1), goodsItem('640411', 1, 1)] });
    const decisions = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const again = ruleSet([{ id: 'many-lines', weight: 30, explanation: '{goodsItems} lines', when: { goodsItems: { atLeast: 3 } } }], { random: RANDOM });
      decisions.add(JSON.stringify(assess(again, lines, context(), drawFor(key, lines.reference))));
    }
    expect(decisions.size).toBe(1);
    const draws = new Set(Array.from({ length: 50 }, (_, i) => drawFor(fakeKey('k', `secret ${i}`), 'LRN-1').value));
    expect(draws.size).toBe(50);
  });

  it('refuses a draw outside [0, 1)', () => {
    expect(() => assess(set, declaration(), context(), { value: 1, keyId: 'k', scheme: DRAW_SCHEME })).toThrow(RangeError);
  });
});
