/**
 * Cutting a stream into the chunks a socket might deliver: all at once, frame by frame, at random sizes, or
 * one byte at a time, so that a codec's framing is tried at every boundary.
 */
import type { Rng } from '../../core/random/index.js';

/** Streams longer than this are not fed one byte at a time: it proves nothing more, and costs the budget. */
const BYTEWISE_MAX = 2048;
/** Random cuts of a long stream stop at about this many chunks: more calls prove nothing new. */
const MAX_CHUNKS = 300;

/** `frameEnds` are the offsets where the frames of the stream end, for chunks that follow them. */
export function chunkStream(stream: Uint8Array, rng: Rng, frameEnds: readonly number[] = []): Uint8Array[] {
  const r = rng.next();
  if (r < 0.35) return [stream];
  if (r < 0.5 && frameEnds.length > 0) {
    const chunks: Uint8Array[] = [];
    let at = 0;
    for (const end of frameEnds) {
      if (end > at) chunks.push(stream.subarray(at, end));
      at = Math.max(at, end);
    }
    if (at < stream.length) chunks.push(stream.subarray(at));
    return chunks;
  }
  // Small pieces for a short stream; for a long one, pieces long enough that it takes a few hundred calls.
  const maxSize = r < 0.55 && stream.length <= BYTEWISE_MAX ? 1 : Math.max(rng.pick([4, 16, 64, 512]), Math.ceil(stream.length / MAX_CHUNKS));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < stream.length; ) {
    const size = rng.int(1, maxSize);
    chunks.push(stream.subarray(at, at + size));
    at += size;
  }
  return chunks;
}
