/**
 * Feeding a protocol session the chunks of one fuzzed stream and checking what the contract promises: it never
 * throws, says nothing after an `error`, decodes only sound positions (check-position.ts), marks refusals
 * with a code, and holds no more than one frame's worth of bytes between calls. A broken promise throws a
 * FuzzFailure naming it; the test adds the seed and the input.
 */
import type { BufferedProtocolSession, SessionOutput } from '../session.js';
import { positionFault } from './check-position.js';
import { FuzzFailure } from './fuzz-failure.js';

/** What a fuzz run saw, to report and to show that it reached the decoders rather than only the framing. */
export interface SessionFuzzStats {
  frames: number;
  feeds: number;
  identified: number;
  positions: number;
  replies: number;
  rejected: number;
  errors: Map<string, number>;
  /** The slowest single `feed`, milliseconds. */
  slowestFeedMs: number;
}

export function emptyStats(): SessionFuzzStats {
  return { frames: 0, feeds: 0, identified: 0, positions: 0, replies: 0, rejected: 0, errors: new Map(), slowestFeedMs: 0 };
}

/** Feeds `chunks` to a fresh `session`, checking every output and the bytes held after every call. */
export function feedAndCheck(
  session: BufferedProtocolSession, chunks: readonly Uint8Array[], maxFrameBytes: number, receivedAt: number,
  stats: SessionFuzzStats,
): void {
  let closed = false;
  for (let c = 0; c < chunks.length; c++) {
    const started = performance.now();
    let outputs: SessionOutput[];
    try {
      outputs = session.feed(chunks[c]!, receivedAt);
    } catch (error) {
      throw new FuzzFailure(`feed threw on chunk ${c}: ${(error as Error).stack ?? String(error)}`);
    }
    const took = performance.now() - started;
    if (took > stats.slowestFeedMs) stats.slowestFeedMs = took;
    stats.feeds++;
    if (closed && outputs.length > 0) throw new FuzzFailure(`chunk ${c}: ${outputs.length} outputs after an error`);
    for (let i = 0; i < outputs.length; i++) {
      const output = outputs[i]!;
      if (closed) throw new FuzzFailure(`chunk ${c}: a ${output.type} output after an error in the same call`);
      checkOutput(output, receivedAt, c, stats);
      if (output.type === 'error') closed = true;
    }
    if (session.bufferedBytes > maxFrameBytes) {
      throw new FuzzFailure(`chunk ${c}: ${session.bufferedBytes} bytes held, over the frame limit of ${maxFrameBytes}`);
    }
  }
}

function checkOutput(output: SessionOutput, receivedAt: number, chunk: number, stats: SessionFuzzStats): void {
  switch (output.type) {
    case 'identified':
      stats.identified++;
      if (typeof output.deviceId !== 'string' || output.deviceId === '') throw new FuzzFailure(`chunk ${chunk}: identified with an empty id`);
      if (!(output.accept instanceof Uint8Array) || !(output.refuse instanceof Uint8Array)) {
        throw new FuzzFailure(`chunk ${chunk}: identified without accept and refuse bytes`);
      }
      return;
    case 'positions':
      if (!(output.reply instanceof Uint8Array)) throw new FuzzFailure(`chunk ${chunk}: positions without a reply`);
      for (const position of output.positions) {
        const fault = positionFault(position, receivedAt);
        if (fault) throw new FuzzFailure(`chunk ${chunk}: ${fault} in ${describe(position)}`);
      }
      stats.positions += output.positions.length;
      return;
    case 'reply':
      if (!(output.reply instanceof Uint8Array)) throw new FuzzFailure(`chunk ${chunk}: a reply without bytes`);
      stats.replies++;
      if (output.rejected) {
        stats.rejected++;
        if (!output.rejected.code || typeof output.rejected.message !== 'string') {
          throw new FuzzFailure(`chunk ${chunk}: a rejection without a code or a message`);
        }
      }
      return;
    case 'error':
      if (!output.code || typeof output.message !== 'string') throw new FuzzFailure(`chunk ${chunk}: an error without a code`);
      stats.errors.set(output.code, (stats.errors.get(output.code) ?? 0) + 1);
      return;
    default:
      throw new FuzzFailure(`chunk ${chunk}: unknown output ${JSON.stringify(output)}`);
  }
}

function describe(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? `<${v.length} bytes>` : v));
}

/** Hexadecimal text of an input, to reproduce a failure by hand. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i]!.toString(16).padStart(2, '0');
  return s;
}
