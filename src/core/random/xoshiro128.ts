/**
 * xoshiro128** 1.1 (of the xoshiro/xoroshiro family published in 2018): 128 bits of state, period 2^128 − 1, passes BigCrush
 * and PractRand; small and fast in 32-bit integer arithmetic, which is what JavaScript does exactly.
 */

/** The generator state: four unsigned 32-bit words, not all zero. */
export type XoshiroState = [number, number, number, number];

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Advances `s` in place and returns the next unsigned 32-bit output. */
export function xoshiro128ss(s: XoshiroState): number {
  const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
  const t = (s[1] << 9) >>> 0;
  s[2] = (s[2] ^ s[0]) >>> 0;
  s[3] = (s[3] ^ s[1]) >>> 0;
  s[1] = (s[1] ^ s[2]) >>> 0;
  s[0] = (s[0] ^ s[3]) >>> 0;
  s[2] = (s[2] ^ t) >>> 0;
  s[3] = rotl(s[3], 11);
  return result;
}
