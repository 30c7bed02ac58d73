/**
 * How well the rules and channels find what inspections find: per rule and per channel, the declarations inspected,
 * those with findings and the hit rate, beside the hit rate of randomly selected inspections, which is what
 * inspecting without targeting would find. Pure: the store gives the records.
 */
import type { Assessment } from './assessment.js';
import { HitTally, type HitStats } from './hit-stats.js';
import type { InspectionResult } from './inspection-result.js';
import { CHANNELS, type Channel } from './rule-set.js';

export interface AssessmentOutcome {
  /** The assessment in force when the declaration was inspected (or its last one, when it was not). */
  assessment: Pick<Assessment, 'fired' | 'channel' | 'targetedChannel' | 'randomlySelected'>;
  /** Everything its inspections found, roadside and at the crossing together; empty when it was not inspected. */
  results: readonly InspectionResult[];
}

export interface ChannelEffectiveness {
  /** Declarations whose final channel this was. */
  assessed: number;
  /** All inspections of them. */
  all: HitStats;
  /** Those the rules put here. */
  targeted: HitStats;
  /** Those the random draw raised here. */
  random: HitStats;
}

export interface RuleEffectiveness {
  ruleId: string;
  /** Declarations on which the rule fired. */
  fired: number;
  stats: HitStats;
  /** The rule's hit rate over the random baseline's; null when either is unknown or the baseline is 0. */
  lift: number | null;
}

export interface EffectivenessReport {
  assessed: number;
  overall: HitStats;
  /** Inspections of declarations the rules sent to yellow or red. */
  targeted: HitStats;
  /** Inspections of randomly selected declarations: the baseline every targeted figure is compared with. */
  randomBaseline: HitStats;
  byChannel: Record<Channel, ChannelEffectiveness>;
  /** By rule id, ascending. The same id over several rule-set versions counts together; filter first to separate them. */
  byRule: RuleEffectiveness[];
}

export function effectiveness(outcomes: Iterable<AssessmentOutcome>): EffectivenessReport {
  let assessed = 0;
  const overall = new HitTally();
  const targeted = new HitTally();
  const random = new HitTally();
  const channels = Object.fromEntries(
    CHANNELS.map((c) => [c, { assessed: 0, all: new HitTally(), targeted: new HitTally(), random: new HitTally() }]),
  ) as Record<Channel, { assessed: number; all: HitTally; targeted: HitTally; random: HitTally }>;
  const rules = new Map<string, { fired: number; tally: HitTally }>();

  for (const { assessment, results } of outcomes) {
    assessed++;
    overall.add(results);
    const channel = channels[assessment.channel];
    channel.assessed++;
    channel.all.add(results);
    if (assessment.randomlySelected) {
      random.add(results);
      channel.random.add(results);
    } else {
      channel.targeted.add(results);
      if (assessment.targetedChannel !== 'green') targeted.add(results);
    }
    for (const fired of assessment.fired) {
      let rule = rules.get(fired.ruleId);
      if (rule === undefined) rules.set(fired.ruleId, (rule = { fired: 0, tally: new HitTally() }));
      rule.fired++;
      rule.tally.add(results);
    }
  }

  const randomBaseline = random.finish();
  const base = randomBaseline.hitRate;
  const byRule = [...rules.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ruleId, { fired, tally }]): RuleEffectiveness => {
      const stats = tally.finish();
      const lift = stats.hitRate === null || base === null || base === 0 ? null : stats.hitRate / base;
      return { ruleId, fired, stats, lift };
    });
  const byChannel = Object.fromEntries(
    CHANNELS.map((c) => {
      const t = channels[c];
      return [c, { assessed: t.assessed, all: t.all.finish(), targeted: t.targeted.finish(), random: t.random.finish() }];
    }),
  ) as Record<Channel, ChannelEffectiveness>;
  return { assessed, overall: overall.finish(), targeted: targeted.finish(), randomBaseline, byChannel, byRule };
}
