/**
 * How much the protocol fuzz tests run. A normal `vitest run` runs a fixed, seeded amount sized to finish in
 * seconds; `CORRIDOR_FUZZ_FRAMES` (frames per protocol) runs more, `CORRIDOR_FUZZ_SEED` another sequence.
 * Test support only: nothing outside the fuzz tests imports it.
 */

export interface FuzzBudget {
  /** Frames (valid, mutated or random) to feed one protocol's codec. */
  frames: number;
  /** Seed of the run; a failure names it together with the input that failed. */
  seed: string;
  /** Wall-clock time the run may take before the test fails: it must not slow down pathologically. */
  timeLimitMs: number;
}

/**
 * The budget for one protocol. `defaultFrames` is sized for a loaded two-core machine, and `microsPerFrame`
 * is a generous bound on the cost of one frame there; the time limit follows from both.
 */
export function fuzzBudget(defaultFrames: number, microsPerFrame: number): FuzzBudget {
  const configured = Number(process.env.CORRIDOR_FUZZ_FRAMES);
  const frames = Number.isSafeInteger(configured) && configured > 0 ? configured : defaultFrames;
  const seed = process.env.CORRIDOR_FUZZ_SEED ?? 'corridor-fuzz';
  return { frames, seed, timeLimitMs: Math.max(5_000, (frames * microsPerFrame) / 1000) };
}
