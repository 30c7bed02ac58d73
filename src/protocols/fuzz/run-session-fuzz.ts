/**
 * The loop every session fuzz test runs: until the budget's frames are spent, make a stream of valid and
 * mutated frames, cut it into chunks, and feed it to a fresh session under a frame limit drawn for the run,
 * checking each call (check-session.ts). Seeded, so a run repeats exactly; a failure names the run, its limit,
 * its chunks and the seed.
 */
import { createRng, type Rng } from '../../core/random/index.js';
import type { BufferedProtocolSession, SessionLimits } from '../session.js';
import type { FuzzBudget } from './budget.js';
import { chunkStream } from './chunk.js';
import { emptyStats, feedAndCheck, toHex, type SessionFuzzStats } from './check-session.js';
import { FuzzFailure } from './fuzz-failure.js';
import { concatBytes } from './mutate.js';

export interface SessionFuzzTarget {
  /** Names the rng stream, so each protocol draws its own sequence from the shared seed. */
  protocol: string;
  /** A fresh session for a run; `rng` draws any option the protocol has. */
  createSession(limits: SessionLimits, rng: Rng): BufferedProtocolSession;
  /** The frames of one connection, valid and mutated, drawn from `rng`; `maxFrameBytes` is the run's limit. */
  frames(rng: Rng, maxFrameBytes: number): Uint8Array[];
}

/** Mostly the gateway's own limit; sometimes small ones, so that length fields meet the limit often. */
const FRAME_LIMITS: ReadonlyArray<readonly [number, number]> = [[65_536, 0.7], [4096, 0.1], [512, 0.1], [128, 0.1]];
const RECEIVED_AT = Date.UTC(2026, 4, 1, 12, 0, 0);
/** Enough of a failing stream to see the frame at fault; the seed reproduces the rest. */
const MAX_SHOWN_BYTES = 2048;

export function runSessionFuzz(target: SessionFuzzTarget, budget: FuzzBudget): SessionFuzzStats {
  const rng = createRng(`${budget.seed}/${target.protocol}`);
  const stats = emptyStats();
  for (let run = 0; stats.frames < budget.frames; run++) {
    const maxFrameBytes = rng.weighted(FRAME_LIMITS);
    const frames = target.frames(rng, maxFrameBytes);
    const stream = concatBytes(frames);
    const frameEnds: number[] = [];
    let end = 0;
    for (const frame of frames) frameEnds.push((end += frame.length));
    const chunks = chunkStream(stream, rng, frameEnds);
    stats.frames += frames.length;
    try {
      feedAndCheck(target.createSession({ maxFrameBytes }, rng), chunks, maxFrameBytes, RECEIVED_AT, stats);
    } catch (error) {
      if (!(error instanceof FuzzFailure)) throw error;
      const sizes = chunks.length > 200 ? `${chunks.length} chunks` : `chunk sizes ${chunks.map((c) => c.length).join(',')}`;
      const shown = stream.length > MAX_SHOWN_BYTES ? `first ${MAX_SHOWN_BYTES} of ${stream.length} bytes` : `${stream.length} bytes`;
      throw new FuzzFailure(
        `${target.protocol} fuzz run ${run} (seed ${JSON.stringify(budget.seed)}, maxFrameBytes ${maxFrameBytes}): ${error.message}\n` +
        `${sizes}; stream, ${shown}: ${toHex(stream.subarray(0, MAX_SHOWN_BYTES))}`,
      );
    }
  }
  return stats;
}

/** One line for the test log: how far the fuzzing reached. */
export function summarize(protocol: string, stats: SessionFuzzStats, ms: number): string {
  const errors = [...stats.errors].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
  return `${protocol}: ${stats.frames} frames in ${stats.feeds} feeds, ${Math.round(ms)} ms (slowest feed ${stats.slowestFeedMs.toFixed(1)} ms); ` +
    `${stats.identified} identified, ${stats.positions} positions, ${stats.replies} replies (${stats.rejected} rejected); errors: ${errors}`;
}
