/**
 * A validated rule set compiled once: conditions into closures, prefix lists into one index, reference values into
 * a table, explanations into templates. The result also says what the store must put in the context.
 */
import { compileCondition, type CompiledCondition } from './compile-condition.js';
import type { Condition } from './conditions.js';
import { parseTemplate, type Template } from './explanation.js';
import { Facts } from './facts.js';
import { HsPrefixIndex } from './hs-prefix-index.js';
import { ReferenceTable } from './reference-values.js';
import { HISTORY_ROLES, type HistoryRole } from './risk-context.js';
import type { RuleSetDefinition } from './rule-set.js';

export interface CompiledRule {
  readonly id: string;
  readonly weight: number;
  readonly condition: CompiledCondition;
  readonly template: Template;
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
}

function walk(condition: Condition, visit: (leaf: Condition) => void): void {
  if ('all' in condition) for (const child of condition.all) walk(child, visit);
  else if ('any' in condition) for (const child of condition.any) walk(child, visit);
  else if ('not' in condition) walk(condition.not, visit);
  else visit(condition);
}

function requirementsOf(definition: RuleSetDefinition): RiskRequirements {
  const windows = new Map<HistoryRole, Set<number>>();
  const firstSeen = new Set<HistoryRole>();
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
  return requirements;
}

/** Compiles a rule set that parseRuleSet or validateRuleSet accepted; it cannot fail on one. */
export function compileRuleSet(definition: RuleSetDefinition): CompiledRuleSet {
  const prefixes = new HsPrefixIndex();
  const requirements = requirementsOf(definition);
  const env = { prefixes, valuationCurrency: definition.valuation?.currency };
  const rules: CompiledRule[] = definition.rules.map((rule) => {
    const template = parseTemplate(rule.explanation);
    if (!template.ok) throw new TypeError(`rule ${rule.id}: ${template.message}; validate the rule set before compiling it`);
    return { id: rule.id, weight: rule.weight, condition: compileCondition(rule.when, env), template: template.template };
  });
  const valuation = requirements.valuationCurrency === undefined || definition.valuation === undefined
    ? undefined
    : { currency: definition.valuation.currency, table: new ReferenceTable(definition.valuation.referenceValuePerKg) };
  // The facts are sized after compiling, when the index knows every prefix list.
  const facts = new Facts({ prefixes, valuation });
  return { id: definition.id, version: definition.version, definition, requirements, rules, facts };
}
