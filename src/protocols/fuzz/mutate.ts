/**
 * Mutations of valid frames for the protocol fuzz tests: bit flips, truncations, insertions, deletions,
 * interesting bytes, and length or count fields set to extreme values. Each returns a new array and leaves
 * its input alone, so one valid frame seeds many mutants.
 */
import type { Rng } from '../../core/random/index.js';

/** A length or count field of a frame format, for the mutation that sets it to an extreme value. */
export interface NumericField {
  offset: number;
  bytes: 1 | 2 | 4;
  littleEndian?: boolean;
}

const INTERESTING_BYTES = [0x00, 0x01, 0x0a, 0x0d, 0x23, 0x3b, 0x7c, 0x7f, 0x80, 0xfe, 0xff];

export function randomBytes(rng: Rng, maxLength: number): Uint8Array {
  const out = new Uint8Array(rng.int(0, maxLength));
  for (let i = 0; i < out.length; i++) out[i] = rng.uint32() & 0xff;
  return out;
}

export function flipBits(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = bytes.slice();
  if (out.length === 0) return out;
  for (let n = rng.int(1, 4); n > 0; n--) out[rng.int(0, out.length - 1)]! ^= 1 << rng.int(0, 7);
  return out;
}

export function overwriteInteresting(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = bytes.slice();
  if (out.length === 0) return out;
  for (let n = rng.int(1, 3); n > 0; n--) out[rng.int(0, out.length - 1)] = rng.pick(INTERESTING_BYTES);
  return out;
}

export function truncate(bytes: Uint8Array, rng: Rng): Uint8Array {
  return bytes.slice(0, rng.int(0, Math.max(0, bytes.length - 1)));
}

export function insertRandom(bytes: Uint8Array, rng: Rng): Uint8Array {
  const at = rng.int(0, bytes.length);
  const inserted = randomBytes(rng, 16);
  const out = new Uint8Array(bytes.length + inserted.length);
  out.set(bytes.subarray(0, at));
  out.set(inserted, at);
  out.set(bytes.subarray(at), at + inserted.length);
  return out;
}

export function deleteRange(bytes: Uint8Array, rng: Rng): Uint8Array {
  if (bytes.length === 0) return bytes.slice();
  const at = rng.int(0, bytes.length - 1);
  const n = rng.int(1, Math.min(16, bytes.length - at));
  const out = new Uint8Array(bytes.length - n);
  out.set(bytes.subarray(0, at));
  out.set(bytes.subarray(at + n), at);
  return out;
}

/** Copies a random stretch of the frame over another place in it: plausible values in the wrong fields. */
export function copyWithin(bytes: Uint8Array, rng: Rng): Uint8Array {
  const out = bytes.slice();
  if (out.length < 2) return out;
  const n = rng.int(1, Math.min(8, out.length - 1));
  out.copyWithin(rng.int(0, out.length - n), rng.int(0, out.length - n), undefined);
  return out;
}

/** Writes `value` (wrapped to the field's width) into the field, if the field lies inside the frame. */
export function setField(bytes: Uint8Array, field: NumericField, value: number): Uint8Array {
  const out = bytes.slice();
  if (field.offset + field.bytes > out.length) return out;
  const view = new DataView(out.buffer);
  if (field.bytes === 1) view.setUint8(field.offset, value & 0xff);
  else if (field.bytes === 2) view.setUint16(field.offset, value & 0xffff, field.littleEndian);
  else view.setUint32(field.offset, value >>> 0, field.littleEndian);
  return out;
}

/**
 * Values that break length and count fields: zero, one, the largest the field holds, and values around the
 * session's frame limit (just inside it, the frame then never completes; just past it).
 */
export function extremeValue(field: NumericField, rng: Rng, frameLimit: number): number {
  const max = field.bytes === 4 ? 0xffffffff : (1 << (field.bytes * 8)) - 1;
  return rng.pick([0, 1, 2, max, max - 1, frameLimit - rng.int(0, 16), frameLimit + rng.int(0, 16), rng.uint32() % (max + 1)]);
}

/** One to three mutations chosen at random, `fields` (when given) among the targets. */
export function mutateBytes(bytes: Uint8Array, rng: Rng, fields: readonly NumericField[] = [], frameLimit = 65_536): Uint8Array {
  let out = bytes;
  for (let n = rng.int(1, 3); n > 0; n--) {
    switch (rng.int(fields.length > 0 ? 0 : 1, 7)) {
      case 0: {
        const field = rng.pick(fields);
        out = setField(out, field, extremeValue(field, rng, frameLimit));
        break;
      }
      case 1: out = flipBits(out, rng); break;
      case 2: out = overwriteInteresting(out, rng); break;
      case 3: out = truncate(out, rng); break;
      case 4: out = insertRandom(out, rng); break;
      case 5: out = deleteRange(out, rng); break;
      case 6: out = copyWithin(out, rng); break;
      default: out = flipBits(out, rng); break;
    }
  }
  return out;
}

/** Concatenates frames into one stream. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
