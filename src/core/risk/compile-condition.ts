/**
 * Turns a validated condition into two closures: `test`, the fast path run for every rule of every assessment,
 * which allocates nothing and answers TRUE, FALSE or UNKNOWN; and `observe`, run only for a rule that fired, which
 * writes the values the decision rested on into the rule's inputs.
 */
import type { DeclarationInput } from '../model/declaration.js';
import type { Comparison, Condition, CountryHolder } from './conditions.js';
import type { Inputs, InputValue } from './explanation.js';
import {
  documentMask,
  FALSE,
  REFERENCE_CONTEXT,
  TIN_HOLDER_INDEX,
  TIN_INVALID,
  TIN_MISSING,
  TRUE,
  UNKNOWN,
  type Facts,
  type Truth,
} from './facts.js';
import { matchingPrefix, prefixBit, type HsPrefixIndex } from './hs-prefix-index.js';
import { HISTORY_ROLES, TRIP_ALERT_TYPES, type HistoryCounts, type HistoryRole, type TripAlertType } from './risk-context.js';

/**
 * `test` never reads `this`, so it may be called detached; compiled conditions and the assessment loop call it so.
 */
export interface CompiledCondition {
  test(this: void, facts: Facts): Truth;
  observe(facts: Facts, inputs: Inputs): void;
  /**
   * Prefix-signature bits of which one must be set for the condition to be TRUE (rule-guards.ts explains guards);
   * 0 when it needs no goods code prefix.
   */
  prefixGuard: number;
}

/** The first condition to write an input keeps it: in `all`, the earlier operand's value names the rule's cause. */
function put(inputs: Inputs, key: string, value: InputValue): void {
  if (!Object.hasOwn(inputs, key)) inputs[key] = value;
}

function within(value: number, comparison: Comparison): boolean {
  return (comparison.atLeast === undefined || value >= comparison.atLeast) && (comparison.atMost === undefined || value <= comparison.atMost);
}

/** A comparison as two plain numbers, so the hot path reads no optional fields. */
function bounds(comparison: Comparison): [number, number] {
  return [comparison.atLeast ?? Number.NEGATIVE_INFINITY, comparison.atMost ?? Number.POSITIVE_INFINITY];
}

const truth = (b: boolean): Truth => (b ? TRUE : FALSE);

function itemInputs(facts: Facts, item: number, inputs: Inputs): void {
  const goods = facts.declaration.goods[item]!;
  put(inputs, 'item', item + 1);
  put(inputs, 'hsCode', goods.hsCode);
  put(inputs, 'description', goods.description);
}

export interface CompileEnvironment {
  prefixes: HsPrefixIndex;
  valuationCurrency: string | undefined;
  /** The slot of a history window, registered once per role and length however many conditions read it. */
  historySlot(role: HistoryRole, days: number): number;
}

type Test = (facts: Facts) => Truth;

/** The operands' tests as plain functions, called without reaching through their objects. */
function testsOf(children: readonly CompiledCondition[]): Test[] {
  return children.map((child) => child.test);
}

function compileAll(children: CompiledCondition[]): CompiledCondition {
  const tests = testsOf(children);
  // Two operands are the common case: calling them directly spares the loop.
  const [a, b] = tests;
  const test: Test = tests.length === 2
    ? (facts) => {
        const x = a!(facts);
        if (x === FALSE) return FALSE;
        const y = b!(facts);
        return y === FALSE ? FALSE : x === UNKNOWN || y === UNKNOWN ? UNKNOWN : TRUE;
      }
    : (facts) => {
        let result: Truth = TRUE;
        for (let i = 0; i < tests.length; i++) {
          const value = tests[i]!(facts);
          if (value === FALSE) return FALSE;
          if (value === UNKNOWN) result = UNKNOWN;
        }
        return result;
      };
  return {
    // Every operand holds, so the first with a prefix guard holds.
    prefixGuard: children.find((child) => child.prefixGuard !== 0)?.prefixGuard ?? 0,
    test,
    observe(facts, inputs) {
      for (const child of children) child.observe(facts, inputs);
    },
  };
}

function compileAny(children: CompiledCondition[]): CompiledCondition {
  const tests = testsOf(children);
  return {
    // Some branch holds: its guard, so their union, when every branch has one.
    prefixGuard: children.every((child) => child.prefixGuard !== 0) ? children.reduce((bits, child) => bits | child.prefixGuard, 0) : 0,
    test(facts) {
      let result: Truth = FALSE;
      for (let i = 0; i < tests.length; i++) {
        const value = tests[i]!(facts);
        if (value === TRUE) return TRUE;
        if (value === UNKNOWN) result = UNKNOWN;
      }
      return result;
    },
    observe(facts, inputs) {
      // The branch that decided; the others did not hold and say nothing about this declaration.
      for (const child of children) {
        if (child.test(facts) === TRUE) {
          child.observe(facts, inputs);
          return;
        }
      }
    },
  };
}

function compileNot(child: CompiledCondition): CompiledCondition {
  const operand = child.test;
  return {
    prefixGuard: 0,
    test(facts) {
      const value = operand(facts);
      return value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
    },
    // What the operand saw is what made it false.
    observe: (facts, inputs) => child.observe(facts, inputs),
  };
}

function compileHsPrefix(prefixes: string[], env: CompileEnvironment): CompiledCondition {
  const id = env.prefixes.register(prefixes);
  return {
    prefixGuard: prefixBit(id),
    test: (facts) => truth(facts.prefixHit[id] === 1),
    observe(facts, inputs) {
      let items = 0;
      for (const goods of facts.declaration.goods) if (matchingPrefix(goods.hsCode, prefixes) !== undefined) items++;
      put(inputs, 'items', items);
      if (facts.prefixHit[id] !== 1) return;
      const item = facts.prefixItem[id]!;
      itemInputs(facts, item, inputs);
      put(inputs, 'prefix', matchingPrefix(facts.declaration.goods[item]!.hsCode, prefixes) ?? '');
    },
  };
}

function compileValueBelow(spec: { fraction: number; hsPrefix?: string[] }, env: CompileEnvironment): CompiledCondition {
  const { fraction } = spec;
  const filter = spec.hsPrefix;
  const currency = env.valuationCurrency ?? '';
  const applies = (facts: Facts, i: number) => filter === undefined || matchingPrefix(facts.declaration.goods[i]!.hsCode, filter) !== undefined;
  /** The applicable item with the lowest ratio under the fraction, or -1. */
  const lowest = (facts: Facts): number => {
    let best = -1;
    for (let i = 0; i < facts.goodsCount; i++) {
      const ratio = facts.ratio[i]!;
      if (ratio < fraction && applies(facts, i) && (best < 0 || ratio < facts.ratio[best]!)) best = i;
    }
    return best;
  };
  return {
    prefixGuard: 0,
    test(facts) {
      const ratio = facts.ratio;
      let unknown = false;
      for (let i = 0; i < facts.goodsCount; i++) {
        // NaN (no reference, no mass, no rate) compares false: only real ratios reach the prefix test.
        if (ratio[i]! < fraction) {
          if (applies(facts, i)) return TRUE;
        } else if (facts.rateMissing[i] === 1 && applies(facts, i)) {
          // The facts recorded the missing rate when they found it.
          unknown = true;
        }
      }
      return unknown ? UNKNOWN : FALSE;
    },
    observe(facts, inputs) {
      put(inputs, 'fraction', fraction);
      put(inputs, 'currency', currency);
      const item = lowest(facts);
      if (item < 0) return;
      itemInputs(facts, item, inputs);
      put(inputs, 'valuePerKg', facts.valuePerKg[item]!);
      put(inputs, 'reference', facts.reference[item]!);
      put(inputs, 'ratio', facts.ratio[item]!);
      put(inputs, 'referenceSource', facts.referenceSource[item] === REFERENCE_CONTEXT ? 'context' : 'rule set');
    },
  };
}

function compileDocuments(types: readonly string[], missing: boolean): CompiledCondition {
  const mask = documentMask(types);
  const key = missing ? 'missingDocument' : 'presentDocument';
  return {
    prefixGuard: 0,
    test: (facts) => truth(missing ? (facts.documents & mask) !== mask : (facts.documents & mask) !== 0),
    observe(facts, inputs) {
      const found = types.find((type) => ((facts.documents & documentMask([type])) === 0) === missing);
      put(inputs, key, found ?? 'none');
    },
  };
}

function compileGoodsItems(comparison: Comparison): CompiledCondition {
  const [low, high] = bounds(comparison);
  return {
    prefixGuard: 0,
    test: (facts) => truth(facts.goodsCount >= low && facts.goodsCount <= high),
    observe: (facts, inputs) => put(inputs, 'goodsItems', facts.goodsCount),
  };
}

const COUNTRY_OF: Record<CountryHolder, (declaration: DeclarationInput) => string | undefined> = {
  consignor: (d) => d.consignor?.country,
  consignee: (d) => d.consignee?.country,
  carrier: (d) => d.carrier?.country,
  vehicle: (d) => d.vehicle?.country,
  driver: (d) => d.driver?.country,
};

function compileCountry(spec: { of: CountryHolder; in: string[] }): CompiledCondition {
  const countries = new Set(spec.in);
  const key = `${spec.of}Country`;
  const read = COUNTRY_OF[spec.of];
  return {
    prefixGuard: 0,
    test(facts) {
      const country = read(facts.declaration);
      return country === undefined ? UNKNOWN : truth(countries.has(country));
    },
    observe: (facts, inputs) => put(inputs, key, read(facts.declaration) ?? 'unknown'),
  };
}

/** The issue path is the given one or a field under it (`consignee` covers `consignee.tin`, `goods` covers `goods[2].hsCode`). */
function pathUnder(path: string, under: string | undefined): boolean {
  if (under === undefined || path === under) return true;
  if (!path.startsWith(under)) return false;
  const next = path.charCodeAt(under.length);
  return next === 46 /* . */ || next === 91 /* [ */;
}

function compileCheckIssue(spec: { codes: string[]; path?: string }): CompiledCondition {
  const codes = new Set(spec.codes);
  const under = spec.path;
  const first = (facts: Facts) => {
    for (const issue of facts.context.checkIssues) if (codes.has(issue.code) && pathUnder(issue.path, under)) return issue;
    return undefined;
  };
  return {
    prefixGuard: 0,
    test: (facts) => truth(first(facts) !== undefined),
    observe(facts, inputs) {
      const issue = first(facts);
      put(inputs, 'issueCode', issue?.code ?? 'none');
      put(inputs, 'issuePath', issue?.path ?? '');
    },
  };
}

function compileFirstSeen(spec: { of: HistoryRole; withinDays: number }): CompiledCondition {
  const { of, withinDays } = spec;
  const role = HISTORY_ROLES.indexOf(of);
  return {
    prefixGuard: 0,
    test(facts) {
      const days = facts.daysKnown(role);
      return days !== days ? UNKNOWN : truth(days < withinDays);
    },
    observe(facts, inputs) {
      put(inputs, `${of}FirstSeen`, facts.context.parties[of]?.firstSeen ?? 'never before');
      put(inputs, `${of}DaysKnown`, facts.daysKnown(role));
      put(inputs, 'withinDays', withinDays);
    },
  };
}

function compileTin(spec: { of: 'consignor' | 'consignee' | 'carrier'; invalid?: boolean; missing?: boolean }): CompiledCondition {
  const holder = TIN_HOLDER_INDEX[spec.of];
  const invalid = spec.invalid === true;
  const missing = spec.missing === true;
  return {
    prefixGuard: 0,
    test(facts) {
      const state = facts.tin(holder);
      return truth((invalid && state === TIN_INVALID) || (missing && state === TIN_MISSING));
    },
    observe(facts, inputs) {
      put(inputs, `${spec.of}Tin`, facts.declaration[spec.of]?.tin ?? 'none');
      put(inputs, `${spec.of}TinIssue`, facts.tinIssueOf(holder) ?? 'none');
    },
  };
}

function compileHistory(
  spec: {
    of: HistoryRole;
    windowDays: number;
    results?: string[];
    findings?: Comparison;
    findingRate?: Comparison;
    minInspections?: number;
  },
  env: CompileEnvironment,
): CompiledCondition {
  const { of, windowDays } = spec;
  const slot = env.historySlot(of, windowDays);
  const results = spec.results as ReadonlyArray<keyof HistoryCounts['findings']> | undefined;
  const [findingsLow, findingsHigh] = spec.findings === undefined ? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] : bounds(spec.findings);
  const rate = spec.findingRate;
  const minInspections = spec.minInspections ?? 1;
  const findingsOf = (window: HistoryCounts): number => {
    if (results === undefined) return window.withFindings;
    let sum = 0;
    for (let i = 0; i < results.length; i++) sum += window.findings[results[i]!] ?? 0;
    return sum;
  };
  return {
    prefixGuard: 0,
    test(facts) {
      const window = facts.history(slot);
      if (window === undefined) return UNKNOWN;
      const findings = findingsOf(window);
      if (findings < findingsLow || findings > findingsHigh) return FALSE;
      // Too few inspections say nothing about a rate: the rule does not hold, for want of evidence, not of data.
      if (rate !== undefined && (window.inspections < minInspections || !within(findings / window.inspections, rate))) return FALSE;
      return TRUE;
    },
    observe(facts, inputs) {
      put(inputs, 'windowDays', windowDays);
      const window = facts.history(slot);
      if (window === undefined) return;
      const findings = findingsOf(window);
      put(inputs, `${of}Inspections`, window.inspections);
      put(inputs, `${of}Findings`, findings);
      put(inputs, `${of}FindingRate`, window.inspections > 0 ? findings / window.inspections : 0);
    },
  };
}

function compileTripAlerts(spec: { types: TripAlertType[] } & Comparison): CompiledCondition {
  const types = spec.types;
  const indices = Int32Array.from(types, (type) => TRIP_ALERT_TYPES.indexOf(type));
  const [low, high] = bounds(spec);
  const total = (counts: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < indices.length; i++) sum += counts[indices[i]!]!;
    return sum;
  };
  return {
    prefixGuard: 0,
    test(facts) {
      const counts = facts.alerts();
      if (counts === undefined) return UNKNOWN;
      const sum = total(counts);
      return truth(sum >= low && sum <= high);
    },
    observe(facts, inputs) {
      const counts = facts.alerts();
      if (counts === undefined) return;
      put(inputs, 'alerts', total(counts));
      const listed: string[] = [];
      for (let i = 0; i < types.length; i++) if (counts[indices[i]!]! > 0) listed.push(`${types[i]} ${counts[indices[i]!]!}`);
      put(inputs, 'alertTypes', listed.length === 0 ? 'none' : listed.join(', '));
    },
  };
}

export function compileCondition(condition: Condition, env: CompileEnvironment): CompiledCondition {
  if ('all' in condition) return compileAll(condition.all.map((child) => compileCondition(child, env)));
  if ('any' in condition) return compileAny(condition.any.map((child) => compileCondition(child, env)));
  if ('not' in condition) return compileNot(compileCondition(condition.not, env));
  if ('hsPrefix' in condition) return compileHsPrefix(condition.hsPrefix, env);
  if ('valueBelowReference' in condition) return compileValueBelow(condition.valueBelowReference, env);
  if ('documentMissing' in condition) return compileDocuments(condition.documentMissing, true);
  if ('documentPresent' in condition) return compileDocuments(condition.documentPresent, false);
  if ('goodsItems' in condition) return compileGoodsItems(condition.goodsItems);
  if ('country' in condition) return compileCountry(condition.country);
  if ('checkIssue' in condition) return compileCheckIssue(condition.checkIssue);
  if ('firstSeen' in condition) return compileFirstSeen(condition.firstSeen);
  if ('tin' in condition) return compileTin(condition.tin);
  if ('history' in condition) return compileHistory(condition.history, env);
  return compileTripAlerts(condition.tripAlerts);
}
