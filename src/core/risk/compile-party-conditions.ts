/** Conditions on the parties: how long the platform has known them, their taxpayer numbers, their history of findings. */
import { bounds, put, truth, within, type CompiledCondition, type CompileEnvironment } from './compiled-condition.js';
import type { Comparison } from './conditions.js';
import { FALSE, TIN_HOLDER_INDEX, TIN_INVALID, TIN_MISSING, TRUE, UNKNOWN } from './facts.js';
import { HISTORY_ROLES, type HistoryCounts, type HistoryRole } from './risk-context.js';

export function compileFirstSeen(spec: { of: HistoryRole; withinDays: number }): CompiledCondition {
  const { of, withinDays } = spec;
  const role = HISTORY_ROLES.indexOf(of);
  return {
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

export function compileTin(spec: { of: 'consignor' | 'consignee' | 'carrier'; invalid?: boolean; missing?: boolean }): CompiledCondition {
  const holder = TIN_HOLDER_INDEX[spec.of];
  const invalid = spec.invalid === true;
  const missing = spec.missing === true;
  return {
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

export function compileHistory(
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
