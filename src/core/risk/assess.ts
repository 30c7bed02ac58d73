/**
 * The risk assessment of one declaration: every rule that fires with its inputs and explanation, the score, the
 * channel it gives, and random selection on top. A pure function of its arguments.
 */
import type { DeclarationInput } from '../model/declaration.js';
import type { Assessment, FiredRule } from './assessment.js';
import { GUARDS_PER_RULE, type CompiledRuleSet } from './compile-rule-set.js';
import { fillTemplate, type Inputs } from './explanation.js';
import { TRUE } from './facts.js';
import { missingInputs } from './missing-inputs.js';
import type { RiskContext } from './risk-context.js';
import { signatureOf } from './rule-guards.js';
import type { Channel } from './rule-set.js';
import { selectRandomly, type RandomDraw } from './selection.js';

export function channelOf(score: number, thresholds: { yellow: number; red: number }): Channel {
  if (score >= thresholds.red) return 'red';
  if (score >= thresholds.yellow) return 'yellow';
  return 'green';
}

/**
 * Assesses `declaration` under `ruleSet`. The draw is drawFor(key, declaration.reference) on a first assessment
 * and the recorded one on a re-assessment or a backtest, so the random share is the same across them.
 */
export function assess(ruleSet: CompiledRuleSet, declaration: DeclarationInput, context: RiskContext, draw: RandomDraw): Assessment {
  if (!(draw.value >= 0 && draw.value < 1)) throw new RangeError(`a random draw is in [0, 1), got ${draw.value}`);
  const facts = ruleSet.facts;
  facts.prepare(declaration, context);
  const guardPlan = ruleSet.guards;
  const signature = guardPlan === undefined ? 0 : signatureOf(facts, guardPlan);
  const detail = guardPlan === undefined ? 0 : guardPlan.detailOf(facts);
  const rules = ruleSet.rules;
  let score = 0;
  let fired: FiredRule[] | undefined;
  const words = ruleSet.guardWords;
  const prefixSignature = facts.prefixSignature;
  const tests = ruleSet.tests;
  rules: for (let i = 0; i < rules.length; i++) {
    for (let at = i * GUARDS_PER_RULE * 3, end = at + GUARDS_PER_RULE * 3; at < end; at += 3) {
      const main = words[at]!;
      const detailed = words[at + 1]!;
      const prefix = words[at + 2]!;
      if ((main | detailed | prefix) === 0) break;
      if (((signature & main) | (detail & detailed) | (prefixSignature & prefix)) === 0) continue rules;
    }
    if (tests[i]!(facts) !== TRUE) continue;
    const rule = rules[i]!;
    score += rule.weight;
    const inputs: Inputs = {};
    rule.condition.observe(facts, inputs);
    (fired ??= []).push({ ruleId: rule.id, weight: rule.weight, explanation: fillTemplate(rule.template, inputs), inputs });
  }
  // Weights such as 0.1 add up to 29.999999999999996, not 30: rounding keeps a threshold where the author meant it.
  score = Math.round(score * 1e6) / 1e6;
  const definition = ruleSet.definition;
  const targetedChannel = channelOf(score, definition.channels);
  const selection = selectRandomly(targetedChannel, definition.random, draw.value);
  const random: Assessment['random'] = { draw: draw.value, keyId: draw.keyId, scheme: draw.scheme, rates: selection.rates };
  if (selection.rate !== undefined) random.rate = selection.rate;
  return {
    reference: declaration.reference,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    today: context.today,
    fired: fired ?? [],
    score,
    targetedChannel,
    channel: selection.channel,
    randomlySelected: selection.randomlySelected,
    random,
    missing: missingInputs(facts, ruleSet.missing),
  };
}
