/**
 * A validated rule set compiled once: conditions into closures, prefix lists into one index, reference values into
 * a table, explanations into templates, and each rule's guards (rule-guards.ts). The result also says what the
 * store must put in the context.
 */
import { compileCondition, type CompileEnvironment, type CompiledCondition } from './compile-condition.js';
import type { Condition, CountryHolder } from './conditions.js';
import { parseTemplate, type Template } from './explanation.js';
import { Facts, type HistorySlot } from './facts.js';
import { HsPrefixIndex } from './hs-prefix-index.js';
import type { MissingPlan } from './missing-inputs.js';
import { ReferenceTable } from './reference-values.js';
import { HISTORY_ROLES, type HistoryRole } from './risk-context.js';
import { GuardPlan, type Guards } from './rule-guards.js';
import type { RuleSetDefinition } from './rule-set.js';

export interface CompiledRule {
  readonly id: string;
  readonly weight: number;
  readonly condition: CompiledCondition;
  readonly template: Template;
  /** Masks that must each meet the assessment's signatures for the rule to be worth evaluating (rule-guards.ts). */
  readonly guards: Guards;
}

/** What the rules read from the context, so the store fetches that and no more. */
export interface RiskRequirements {
  /** By role, the history windows in days the rules compare (ascending); roles no rule asks about are absent. */
  historyWindows: Partial<Record<HistoryRole, number[]>>;
  /** Roles whose first appearance a rule reads. */
  firstSeen: HistoryRole[];
  /** Some rule reads the trip's alerts. */
  trip: boolean;
  /** Some rule reads the document check's issues. */
  checkIssues: boolean;
  /** The valuation currency when some rule compares values (the exchange rates are to it). */
  valuationCurrency?: string;
}

export interface CompiledRuleSet {
  readonly id: string;
  readonly version: number;
  readonly definition: RuleSetDefinition;
  readonly requirements: RiskRequirements;
  readonly rules: readonly CompiledRule[];
  /** The per-assessment scratch of this set (see facts.ts); for assess() only. */
  readonly facts: Facts;
  /** What the assessment's signature computes; undefined when compiled without guards. */
  readonly guards: GuardPlan | undefined;
  /**
   * The first two guards of each rule by rule index, 0 for none, in flat arrays the assessment loop reads without
   * touching the rule objects. Further guards are left out: a guard is only a shortcut, so fewer are as correct.
   */
  /**
   * The guards of every rule, in one flat array the assessment loop reads without touching the rule objects: for rule
   * i, GUARDS_PER_RULE guards of three words (main, detail, prefix), all zero where the rule has fewer. Guards beyond
   * those are left out: a guard is only a shortcut, so fewer are as correct.
   */
  readonly guardWords: Int32Array;
  /** By rule, its condition's test, for the assessment loop to call directly. */
  readonly tests: ReadonlyArray<CompiledCondition['test']>;
  readonly missing: MissingPlan;
}

export interface CompileOptions {
  /** Pass over rules whose guards the declaration does not meet (true unless told); false only to test guards. */
  guards?: boolean;
}

function walk(condition: Condition, visit: (leaf: Condition) => void): void {
  if ('all' in condition) for (const child of condition.all) walk(child, visit);
  else if ('any' in condition) for (const child of condition.any) walk(child, visit);
  else if ('not' in condition) walk(condition.not, visit);
  else visit(condition);
}

function needsOf(definition: RuleSetDefinition): { requirements: RiskRequirements; missing: MissingPlan } {
  const windows = new Map<HistoryRole, Set<number>>();
  const firstSeen = new Set<HistoryRole>();
  const countries = new Set<CountryHolder>();
  let trip = false;
  let checkIssues = false;
  let valuation = false;
  for (const rule of definition.rules) {
    walk(rule.when, (leaf) => {
      if ('history' in leaf) {
        const set = windows.get(leaf.history.of) ?? new Set<number>();
        set.add(leaf.history.windowDays);
        windows.set(leaf.history.of, set);
      } else if ('firstSeen' in leaf) firstSeen.add(leaf.firstSeen.of);
      else if ('tripAlerts' in leaf) trip = true;
      else if ('checkIssue' in leaf) checkIssues = true;
      else if ('valueBelowReference' in leaf) valuation = true;
      else if ('country' in leaf) countries.add(leaf.country.of);
    });
  }
  const historyWindows: RiskRequirements['historyWindows'] = {};
  for (const role of HISTORY_ROLES) {
    const set = windows.get(role);
    if (set !== undefined) historyWindows[role] = [...set].sort((a, b) => a - b);
  }
  const requirements: RiskRequirements = {
    historyWindows,
    firstSeen: HISTORY_ROLES.filter((role) => firstSeen.has(role)),
    trip,
    checkIssues,
  };
  if (valuation && definition.valuation !== undefined) requirements.valuationCurrency = definition.valuation.currency;
  const roleIndex = (role: HistoryRole) => HISTORY_ROLES.indexOf(role);
  const missing: MissingPlan = {
    roles: HISTORY_ROLES.filter((role) => firstSeen.has(role) || windows.has(role)).map(roleIndex),
    firstSeen: requirements.firstSeen.map(roleIndex),
    trip,
    countries: [...countries].sort(),
  };
  return { requirements, missing };
}

export const GUARDS_PER_RULE = 3;

function guardWords(rules: readonly CompiledRule[]): Int32Array {
  const words = new Int32Array(rules.length * GUARDS_PER_RULE * 3);
  rules.forEach((rule, i) => {
    rule.guards.slice(0, GUARDS_PER_RULE).forEach((guard, g) => {
      const at = (i * GUARDS_PER_RULE + g) * 3;
      words[at] = guard.main;
      words[at + 1] = guard.detail;
      words[at + 2] = guard.prefix;
    });
  });
  return words;
}

/** Compiles a rule set that parseRuleSet or validateRuleSet accepted; it cannot fail on one. */
export function compileRuleSet(definition: RuleSetDefinition, options: CompileOptions = {}): CompiledRuleSet {
  const prefixes = new HsPrefixIndex();
  const { requirements, missing } = needsOf(definition);
  const historySlots: HistorySlot[] = [];
  const slotIds = new Map<string, number>();
  const env: CompileEnvironment = {
    prefixes,
    valuationCurrency: definition.valuation?.currency,
    historySlot(role, days) {
      const key = `${role}/${days}`;
      let slot = slotIds.get(key);
      if (slot === undefined) {
        slot = historySlots.length;
        historySlots.push({ role: HISTORY_ROLES.indexOf(role), days });
        slotIds.set(key, slot);
      }
      return slot;
    },
  };
  const useGuards = options.guards !== false;
  const guardPlan = new GuardPlan(definition.rules.map((rule) => rule.when), prefixes);
  const rules: CompiledRule[] = definition.rules.map((rule) => {
    const template = parseTemplate(rule.explanation);
    if (!template.ok) throw new TypeError(`rule ${rule.id}: ${template.message}; validate the rule set before compiling it`);
    const guards = useGuards ? guardPlan.guardsOf(rule.when) : [];
    guardPlan.use(guards);
    return { id: rule.id, weight: rule.weight, condition: compileCondition(rule.when, env), template: template.template, guards };
  });
  const valuation = requirements.valuationCurrency === undefined || definition.valuation === undefined
    ? undefined
    : { currency: definition.valuation.currency, table: new ReferenceTable(definition.valuation.referenceValuePerKg) };
  // The facts are sized after compiling, when the index knows every prefix list and every history slot.
  const facts = new Facts({ prefixes, valuation, historySlots });
  guardPlan.seal(historySlots);
  return {
    id: definition.id,
    version: definition.version,
    definition,
    requirements,
    rules,
    facts,
    guards: useGuards ? guardPlan : undefined,
    guardWords: guardWords(rules),
    tests: rules.map((rule) => rule.condition.test),
    missing,
  };
}
