/**
 * Decides whether a declaration's shipment must be tracked with a navigation seal, and says why: the exemption or
 * rule that decided (with the goods item that matched), or that none applied, and the facts it decided on.
 */
import type { CustomsProcedure, Declaration } from '../model/index.js';
import { matchingPrefix } from '../risk/hs-prefix-index.js';
import type { ObligationRule, ObligationRuleSet } from './obligation-rules.js';

export interface ObligationFacts {
  /**
   * Null when the declaration does not say it (it is then incomplete): a rule's procedure criterion holds for it, so
   * that leaving the procedure out never lets a shipment the rules cover escape its seal.
   */
  procedure: CustomsProcedure | null;
  /** The countries the route passes, in order, each once: departure, the crossing's two, destination. */
  routeCountries: string[];
  goods: ReadonlyArray<{ hsCode: string }>;
  consignorTin?: string;
  carrierTin?: string;
}

export interface ObligationMatch {
  kind: 'rule' | 'exemption';
  id: string;
  explanation: string;
  /** The goods item (from 1) and code the rule's prefixes matched, when it has some. */
  goods?: { item: number; hsCode: string; prefix: string };
}

export interface ObligationDecision {
  required: boolean;
  rules: { id: string; version: number };
  /** What decided; null when no rule applied (no seal required). */
  decidedBy: ObligationMatch | null;
  procedure: CustomsProcedure | null;
  routeCountries: string[];
  memberStatesCrossed: number;
}

/**
 * The route's countries from the places a declaration names, in the order a truck passes them, each once. The
 * crossing's side in the country of departure comes first, or else its side in the country of destination last: a
 * transit from Kyrgyzstan that declares the Russian–Kazakh crossing before its Russian destination passes Kazakhstan,
 * then Russia.
 */
export function routeCountries(departure: string | undefined, crossing: readonly string[], destination: string | undefined): string[] {
  const reversed = departure !== undefined && crossing.includes(departure) ? crossing[1] === departure : destination !== undefined && crossing[0] === destination;
  const ordered = [departure, ...(reversed ? [...crossing].reverse() : crossing), destination];
  return [...new Set(ordered.filter((country): country is string => country !== undefined))];
}

/** The facts of a declaration, with the countries its route passes (from the reference data). */
export function obligationFacts(declaration: Declaration, countries: string[]): ObligationFacts {
  return {
    procedure: declaration.procedure ?? null,
    routeCountries: countries,
    goods: declaration.goods,
    ...(declaration.consignor.tin === undefined ? {} : { consignorTin: declaration.consignor.tin }),
    ...(declaration.carrier.tin === undefined ? {} : { carrierTin: declaration.carrier.tin }),
  };
}

function goodsMatch(prefixes: readonly string[], goods: ObligationFacts['goods']): ObligationMatch['goods'] | undefined {
  for (const [index, item] of goods.entries()) {
    const prefix = matchingPrefix(item.hsCode, prefixes);
    if (prefix !== undefined) return { item: index + 1, hsCode: item.hsCode, prefix };
  }
  return undefined;
}

function matches(rule: ObligationRule, kind: ObligationMatch['kind'], facts: ObligationFacts, memberStates: number): ObligationMatch | undefined {
  if (rule.procedure !== undefined && facts.procedure !== null && !rule.procedure.includes(facts.procedure)) return undefined;
  if (rule.minMemberStates !== undefined && memberStates < rule.minMemberStates) return undefined;
  if (rule.consignorTin !== undefined && (facts.consignorTin === undefined || !rule.consignorTin.includes(facts.consignorTin))) return undefined;
  if (rule.carrierTin !== undefined && (facts.carrierTin === undefined || !rule.carrierTin.includes(facts.carrierTin))) return undefined;
  const match: ObligationMatch = { kind, id: rule.id, explanation: rule.explanation };
  if (rule.hsPrefix === undefined) return match;
  const goods = goodsMatch(rule.hsPrefix, facts.goods);
  return goods === undefined ? undefined : { ...match, goods };
}

export function decideObligation(set: ObligationRuleSet, facts: ObligationFacts): ObligationDecision {
  const memberStatesCrossed = facts.routeCountries.filter((country) => set.memberStates.includes(country)).length;
  const first = (rules: readonly ObligationRule[], kind: ObligationMatch['kind']) => {
    for (const rule of rules) {
      const match = matches(rule, kind, facts, memberStatesCrossed);
      if (match !== undefined) return match;
    }
    return undefined;
  };
  const decidedBy = first(set.exemptions, 'exemption') ?? first(set.rules, 'rule') ?? null;
  return {
    required: decidedBy?.kind === 'rule',
    rules: { id: set.id, version: set.version },
    decidedBy,
    procedure: facts.procedure,
    routeCountries: facts.routeCountries,
    memberStatesCrossed,
  };
}
