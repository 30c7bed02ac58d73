/**
 * A candidate rule set tried on past declarations whose inspection results are known, beside the rule set in force,
 * before the candidate is activated: how many of the findings it would have sent to inspection, and at what
 * inspection rate.
 *
 * Both sets are run on the same inputs and the same recorded draws, so the difference is the rules'. Two cautions
 * the report cannot remove: results are known only for declarations inspected in the past, which the current
 * rules chose, so a candidate that targets something new looks worse than it is; and the figures on the random
 * sample (declarations inspected because the draw chose them) are the unbiased ones, though fewer.
 */
import type { DeclarationInput } from '../model/declaration.js';
import { assess } from './assess.js';
import type { CompiledRuleSet } from './compile-rule-set.js';
import { FINDING_RESULTS, hasFinding, type FindingResult, type InspectionResult } from './inspection-result.js';
import type { RiskContext } from './risk-context.js';
import type { Channel } from './rule-set.js';
import type { RandomDraw } from './selection.js';

export interface BacktestCase {
  declaration: DeclarationInput;
  /** The context as it was on the original day: party history without this declaration's own results. */
  context: RiskContext;
  /** The draw recorded with the original assessment. */
  draw: RandomDraw;
  /** What its inspections found; empty when it was not inspected, so its results are unknown. */
  results: readonly InspectionResult[];
  /** It was inspected because the random draw chose it: part of the unbiased sample. */
  randomlySelected?: boolean;
}

export interface CatchCounts {
  /** Cases with known results (inspected in the past). */
  known: number;
  /** Of those, the cases with findings. */
  findings: number;
  /** Findings the set would have sent to yellow or red. */
  caught: number;
  /** Findings the set would have sent to red, the only channel that opens the doors. */
  caughtRed: number;
  /** caught / findings; null without findings. */
  catchRate: number | null;
}

export interface BacktestSide {
  ruleSet: { id: string; version: number };
  cases: number;
  /** Final channels, after random selection. */
  channels: Record<Channel, number>;
  randomlySelected: number;
  /** Share of cases sent to yellow or red. */
  inspectionRate: number;
  /** Share sent to red. */
  physicalInspectionRate: number;
  all: CatchCounts;
  /** The same counts over the past random sample only. */
  randomSample: CatchCounts;
  /** By kind of finding: cases with it and how many the set would have caught. */
  byResult: Record<FindingResult, { findings: number; caught: number; caughtRed: number }>;
  /** By rule id: the cases it fired on and the known findings among them. */
  byRule: Record<string, { fired: number; findings: number }>;
}

export interface BacktestReport {
  candidate: BacktestSide;
  current?: BacktestSide;
  /** Cases whose final channel the candidate raises or lowers against the current set. */
  changes?: { raised: number; lowered: number; unchanged: number; findingsGained: number; findingsLost: number };
}

const RANK: Record<Channel, number> = { green: 0, yellow: 1, red: 2 };

class Side {
  readonly channels: Record<Channel, number> = { green: 0, yellow: 0, red: 0 };
  randomlySelected = 0;
  cases = 0;
  readonly all = { known: 0, findings: 0, caught: 0, caughtRed: 0 };
  readonly sample = { known: 0, findings: 0, caught: 0, caughtRed: 0 };
  readonly byResult = Object.fromEntries(FINDING_RESULTS.map((r) => [r, { findings: 0, caught: 0, caughtRed: 0 }])) as BacktestSide['byResult'];
  readonly byRule: Record<string, { fired: number; findings: number }> = {};

  constructor(readonly ruleSet: CompiledRuleSet) {}

  /** Assesses the case and counts it; returns the final channel. */
  add(c: BacktestCase): Channel {
    const a = assess(this.ruleSet, c.declaration, c.context, c.draw);
    this.cases++;
    this.channels[a.channel]++;
    if (a.randomlySelected) this.randomlySelected++;
    const known = c.results.length > 0;
    const finding = known && hasFinding(c.results);
    for (const fired of a.fired) {
      const rule = (this.byRule[fired.ruleId] ??= { fired: 0, findings: 0 });
      rule.fired++;
      if (finding) rule.findings++;
    }
    const caught = a.channel !== 'green';
    const red = a.channel === 'red';
    for (const counts of c.randomlySelected === true ? [this.all, this.sample] : [this.all]) {
      if (!known) continue;
      counts.known++;
      if (!finding) continue;
      counts.findings++;
      if (caught) counts.caught++;
      if (red) counts.caughtRed++;
    }
    for (const kind of FINDING_RESULTS) {
      if (!c.results.includes(kind)) continue;
      const tally = this.byResult[kind];
      tally.findings++;
      if (caught) tally.caught++;
      if (red) tally.caughtRed++;
    }
    return a.channel;
  }

  finish(): BacktestSide {
    const rate = (n: number) => (this.cases === 0 ? 0 : n / this.cases);
    const counts = (c: Side['all']): CatchCounts => ({ ...c, catchRate: c.findings === 0 ? null : c.caught / c.findings });
    return {
      ruleSet: { id: this.ruleSet.id, version: this.ruleSet.version },
      cases: this.cases,
      channels: { ...this.channels },
      randomlySelected: this.randomlySelected,
      inspectionRate: rate(this.channels.yellow + this.channels.red),
      physicalInspectionRate: rate(this.channels.red),
      all: counts(this.all),
      randomSample: counts(this.sample),
      byResult: this.byResult,
      byRule: this.byRule,
    };
  }
}

/** Runs `candidate` (and `current`, when given) over the cases. */
export function backtest(cases: Iterable<BacktestCase>, candidate: CompiledRuleSet, current?: CompiledRuleSet): BacktestReport {
  const next = new Side(candidate);
  const now = current === undefined ? undefined : new Side(current);
  const changes = { raised: 0, lowered: 0, unchanged: 0, findingsGained: 0, findingsLost: 0 };
  for (const c of cases) {
    const channel = next.add(c);
    if (now === undefined) continue;
    const before = now.add(c);
    const finding = hasFinding(c.results);
    if (RANK[channel] > RANK[before]) changes.raised++;
    else if (RANK[channel] < RANK[before]) changes.lowered++;
    else changes.unchanged++;
    if (finding && channel !== 'green' && before === 'green') changes.findingsGained++;
    if (finding && channel === 'green' && before !== 'green') changes.findingsLost++;
  }
  if (now === undefined) return { candidate: next.finish() };
  return { candidate: next.finish(), current: now.finish(), changes };
}
