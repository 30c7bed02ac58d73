/** What an assessment decides, with everything needed to explain it later: the store keeps it whole. */
import type { Issue } from '../model/issue.js';
import type { Inputs } from './explanation.js';
import type { Channel } from './rule-set.js';

export interface FiredRule {
  ruleId: string;
  weight: number;
  /** The rule's explanation filled from its inputs. */
  explanation: string;
  /** The values the rule's conditions compared, and the thresholds they were compared with. */
  inputs: Inputs;
}

export interface Assessment {
  /** The declaration's reference. */
  reference: string;
  ruleSet: { id: string; version: number };
  /** The day the assessment was made for (the context's `today`). */
  today: string;
  /** Every rule that fired, in the set's order. */
  fired: FiredRule[];
  /** The sum of the fired rules' weights. */
  score: number;
  /** The channel the score alone gives. */
  targetedChannel: Channel;
  /** The channel after random selection: the decision. */
  channel: Channel;
  /** The channel was raised by the random draw, not by the rules. */
  randomlySelected: boolean;
  random: {
    draw: number;
    keyId: string;
    scheme: string;
    /** The rates of raising from the targeted channel. */
    rates: { yellow: number; red: number };
    /** The rate of the band the draw fell in, when it raised the channel. */
    rate?: number;
  };
  /**
   * Inputs the context lacked, which left some conditions unknown; a rule fires only on what is known, so these are
   * the places an assessment may have missed something.
   */
  missing: Issue[];
}
