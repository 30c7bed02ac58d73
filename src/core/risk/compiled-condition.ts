/**
 * What a condition compiles to, and the small helpers every kind's compiler shares. A compiled condition is two
 * closures: `test`, the fast path run for every rule the guards let through, which allocates nothing and answers
 * TRUE, FALSE or UNKNOWN; and `observe`, run only for a rule that fired, which writes the values the decision rested
 * on into the rule's inputs.
 */
import type { Comparison } from './conditions.js';
import type { Inputs, InputValue } from './explanation.js';
import { FALSE, TRUE, type Facts, type Truth } from './facts.js';
import type { HsPrefixIndex } from './hs-prefix-index.js';
import type { HistoryRole } from './risk-context.js';

/**
 * `test` never reads `this`, so it may be called detached; compiled conditions and the assessment loop call it so.
 */
export interface CompiledCondition {
  test(this: void, facts: Facts): Truth;
  observe(facts: Facts, inputs: Inputs): void;
}

/** The first condition to write an input keeps it: in `all`, the earlier operand's value names the rule's cause. */
export function put(inputs: Inputs, key: string, value: InputValue): void {
  if (!Object.hasOwn(inputs, key)) inputs[key] = value;
}

export function within(value: number, comparison: Comparison): boolean {
  return (comparison.atLeast === undefined || value >= comparison.atLeast) && (comparison.atMost === undefined || value <= comparison.atMost);
}

/** A comparison as two plain numbers, so the hot path reads no optional fields. */
export function bounds(comparison: Comparison): [number, number] {
  return [comparison.atLeast ?? Number.NEGATIVE_INFINITY, comparison.atMost ?? Number.POSITIVE_INFINITY];
}

export const truth = (b: boolean): Truth => (b ? TRUE : FALSE);

export interface CompileEnvironment {
  prefixes: HsPrefixIndex;
  valuationCurrency: string | undefined;
  /** The slot of a history window, registered once per role and length however many conditions read it. */
  historySlot(role: HistoryRole, days: number): number;
}
