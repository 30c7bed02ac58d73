/**
 * MurmurHash3, x86 128-bit variant (the public-domain SMHasher reference), used to turn a seed text of
 * any length into the 128 bits of generator state. Not for security: it only has to spread similar
 * seeds ("truck-1", "truck-2") to unrelated states.
 */

const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;

function rotl(x: number, r: number): number {
  return ((x << r) | (x >>> (32 - r))) >>> 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function readWord(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0
  );
}

/** The four 32-bit words h1..h4 of MurmurHash3_x86_128 over `bytes`. */
export function murmur3x86x128(bytes: Uint8Array, seed = 0): [number, number, number, number] {
  const length = bytes.length;
  const blocks = Math.floor(length / 16);
  let h1 = seed >>> 0;
  let h2 = seed >>> 0;
  let h3 = seed >>> 0;
  let h4 = seed >>> 0;

  for (let i = 0; i < blocks; i++) {
    const at = i * 16;
    let k1 = readWord(bytes, at);
    let k2 = readWord(bytes, at + 4);
    let k3 = readWord(bytes, at + 8);
    let k4 = readWord(bytes, at + 12);

    k1 = Math.imul(k1, C1); k1 = rotl(k1, 15); k1 = Math.imul(k1, C2); h1 ^= k1;
    h1 = rotl(h1, 19); h1 = (h1 + h2) >>> 0; h1 = (Math.imul(h1, 5) + 0x561ccd1b) >>> 0;
    k2 = Math.imul(k2, C2); k2 = rotl(k2, 16); k2 = Math.imul(k2, C3); h2 ^= k2;
    h2 = rotl(h2, 17); h2 = (h2 + h3) >>> 0; h2 = (Math.imul(h2, 5) + 0x0bcaa747) >>> 0;
    k3 = Math.imul(k3, C3); k3 = rotl(k3, 17); k3 = Math.imul(k3, C4); h3 ^= k3;
    h3 = rotl(h3, 15); h3 = (h3 + h4) >>> 0; h3 = (Math.imul(h3, 5) + 0x96cd1c35) >>> 0;
    k4 = Math.imul(k4, C4); k4 = rotl(k4, 18); k4 = Math.imul(k4, C1); h4 ^= k4;
    h4 = rotl(h4, 13); h4 = (h4 + h1) >>> 0; h4 = (Math.imul(h4, 5) + 0x32ac3b17) >>> 0;
  }

  const tail = blocks * 16;
  const rest = length & 15;
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let k4 = 0;
  const byte = (i: number): number => bytes[tail + i] ?? 0;
  // The reference falls through from the longest tail to the shortest; the same sums, written out.
  if (rest >= 13) {
    for (let i = Math.min(rest, 16) - 1; i >= 12; i--) k4 ^= byte(i) << ((i - 12) * 8);
    k4 = Math.imul(k4, C4); k4 = rotl(k4, 18); k4 = Math.imul(k4, C1); h4 ^= k4;
  }
  if (rest >= 9) {
    for (let i = Math.min(rest, 12) - 1; i >= 8; i--) k3 ^= byte(i) << ((i - 8) * 8);
    k3 = Math.imul(k3, C3); k3 = rotl(k3, 17); k3 = Math.imul(k3, C4); h3 ^= k3;
  }
  if (rest >= 5) {
    for (let i = Math.min(rest, 8) - 1; i >= 4; i--) k2 ^= byte(i) << ((i - 4) * 8);
    k2 = Math.imul(k2, C2); k2 = rotl(k2, 16); k2 = Math.imul(k2, C3); h2 ^= k2;
  }
  if (rest >= 1) {
    for (let i = Math.min(rest, 4) - 1; i >= 0; i--) k1 ^= byte(i) << (i * 8);
    k1 = Math.imul(k1, C1); k1 = rotl(k1, 15); k1 = Math.imul(k1, C2); h1 ^= k1;
  }

  h1 = (h1 ^ length) >>> 0;
  h2 = (h2 ^ length) >>> 0;
  h3 = (h3 ^ length) >>> 0;
  h4 = (h4 ^ length) >>> 0;
  h1 = (h1 + h2 + h3 + h4) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h3 = (h3 + h1) >>> 0;
  h4 = (h4 + h1) >>> 0;
  h1 = fmix32(h1);
  h2 = fmix32(h2);
  h3 = fmix32(h3);
  h4 = fmix32(h4);
  h1 = (h1 + h2 + h3 + h4) >>> 0;
  h2 = (h2 + h1) >>> 0;
  h3 = (h3 + h1) >>> 0;
  h4 = (h4 + h1) >>> 0;
  return [h1, h2, h3, h4];
}
