/**
 * A rule set as data, once validated: what parse-rule-set.ts returns and compile-rule-set.ts takes. The store keeps
 * the text it came from beside its id and version, so an assessment naming them can be explained later.
 */
import type { Condition } from './conditions.js';

export { CHANNELS, type Channel } from '../model/channel.js';

export interface RuleDefinition {
  /** Stable across versions, so a rule's effectiveness can be followed over them. */
  id: string;
  /** Added to the score when the rule fires; negative for a mitigating rule. */
  weight: number;
  /** A sentence with `{placeholders}` filled from the inputs of the conditions that decided (explanation.ts). */
  explanation: string;
  when: Condition;
  /** Why the rule exists, for people reading the set; not used by the assessment. */
  description?: string;
}

export interface RuleSetDefinition {
  id: string;
  /** A whole number, raised on every change of the set: an assessment names the version that decided it. */
  version: number;
  description?: string;
  /** Score thresholds: a score at or above `red` is red, else at or above `yellow` is yellow, else green. */
  channels: { yellow: number; red: number };
  /**
   * Random selection rates from the targeted channel: a green declaration is raised to red with probability
   * `green.red` and to yellow with `green.yellow`; a yellow one to red with `yellow.red`.
   */
  random: { green: { yellow: number; red: number }; yellow: { red: number } };
  /** Reference values per kilogram for the valuation rules; absent when no rule compares values. */
  valuation?: {
    /** ISO 4217 code of the currency the reference values are in. */
    currency: string;
    /** By HS heading (4 digits) or subheading (6 digits); a subheading's value takes precedence over its heading's. */
    referenceValuePerKg: Readonly<Record<string, number>>;
  };
  rules: RuleDefinition[];
}
