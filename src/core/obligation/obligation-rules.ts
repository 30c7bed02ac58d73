/**
 * Which shipments must be tracked with a navigation seal, as data: rules that require it and listed exemptions
 * that lift it, each a set of criteria that must all hold (goods code prefixes, customs procedure, how many member
 * states the route crosses, and, for exemptions, the consignor's or carrier's taxpayer number).
 */
import type { CustomsProcedure } from '../model/index.js';

export interface ObligationCriteria {
  /** Some goods item's code starts with one of these. */
  hsPrefix?: string[];
  procedure?: CustomsProcedure[];
  /** The route crosses at least this many of the rule set's member states (departure and destination included). */
  minMemberStates?: number;
  /** The consignor's taxpayer number is one of these (exemptions of named traders). */
  consignorTin?: string[];
  carrierTin?: string[];
}

export interface ObligationRule extends ObligationCriteria {
  id: string;
  /** Why the rule exists, shown with every decision it makes. */
  explanation: string;
}

export interface ObligationRuleSet {
  id: string;
  version: number;
  description?: string;
  /** ISO 3166-1 alpha-2 codes of the states whose borders count for `minMemberStates`. */
  memberStates: string[];
  /** Checked first: the first that holds lifts the obligation. */
  exemptions: ObligationRule[];
  /** The first that holds (after no exemption did) requires a seal. */
  rules: ObligationRule[];
}
