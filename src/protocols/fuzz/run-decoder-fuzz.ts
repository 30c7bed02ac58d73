/**
 * The loop the fuzz tests of the pure decoders (OsmAnd, MQTT JSON) run: until the budget's inputs are spent,
 * draw an input, valid or mutated, decode it, and check that the decoder answered instead of throwing, with
 * sound positions (check-position.ts) or with issues that name a code. Seeded; a failure names the input.
 */
import type { Issue, Position } from '../../core/model/index.js';
import { createRng, type Rng } from '../../core/random/index.js';
import type { FuzzBudget } from './budget.js';
import { positionFault } from './check-position.js';
import { FuzzFailure } from './fuzz-failure.js';

export type DecoderResult = { ok: true; positions: Position[] } | { ok: false; issues: Issue[] };

export interface DecoderFuzzTarget<T> {
  protocol: string;
  /** One input, valid or mutated, drawn from `rng`. */
  input(rng: Rng): T;
  decode(input: T, receivedAt: number): DecoderResult;
  /** The input as text, to reproduce a failure. */
  show(input: T): string;
}

export interface DecoderFuzzStats {
  inputs: number;
  accepted: number;
  positions: number;
  issues: Map<string, number>;
  /** The slowest single decode, milliseconds. */
  slowestMs: number;
}

const RECEIVED_AT = Date.UTC(2026, 4, 1, 12, 0, 0);
const MAX_SHOWN = 4096;

export function runDecoderFuzz<T>(target: DecoderFuzzTarget<T>, budget: FuzzBudget): DecoderFuzzStats {
  const rng = createRng(`${budget.seed}/${target.protocol}`);
  const stats: DecoderFuzzStats = { inputs: 0, accepted: 0, positions: 0, issues: new Map(), slowestMs: 0 };
  for (let n = 0; n < budget.frames; n++) {
    const input = target.input(rng);
    stats.inputs++;
    const started = performance.now();
    let result: DecoderResult;
    try {
      result = target.decode(input, RECEIVED_AT);
      const took = performance.now() - started;
      if (took > stats.slowestMs) stats.slowestMs = took;
      check(result, stats);
    } catch (error) {
      const why = error instanceof FuzzFailure ? error.message : `decode threw: ${(error as Error).stack ?? String(error)}`;
      const shown = target.show(input);
      throw new FuzzFailure(
        `${target.protocol} fuzz input ${n} (seed ${JSON.stringify(budget.seed)}): ${why}\n` +
        `input${shown.length > MAX_SHOWN ? `, first ${MAX_SHOWN} of ${shown.length} characters` : ''}: ${shown.slice(0, MAX_SHOWN)}`,
      );
    }
  }
  return stats;
}

function check(result: DecoderResult, stats: DecoderFuzzStats): void {
  if (result.ok) {
    stats.accepted++;
    for (const position of result.positions) {
      const fault = positionFault(position, RECEIVED_AT);
      if (fault) throw new FuzzFailure(`${fault} in a decoded position`);
    }
    stats.positions += result.positions.length;
    return;
  }
  if (result.issues.length === 0) throw new FuzzFailure('refused without an issue');
  for (const issue of result.issues) {
    if (!issue.code || typeof issue.path !== 'string' || typeof issue.message !== 'string') {
      throw new FuzzFailure(`an issue without a code, path or message: ${JSON.stringify(issue)}`);
    }
    stats.issues.set(issue.code, (stats.issues.get(issue.code) ?? 0) + 1);
  }
}

/** One line for the test log: how far the fuzzing reached. */
export function summarizeDecoder(protocol: string, stats: DecoderFuzzStats, ms: number): string {
  const issues = [...stats.issues].sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code} ${n}`).join(', ');
  return `${protocol}: ${stats.inputs} inputs, ${Math.round(ms)} ms (slowest ${stats.slowestMs.toFixed(1)} ms); ` +
    `${stats.accepted} accepted with ${stats.positions} positions; issues: ${issues}`;
}
