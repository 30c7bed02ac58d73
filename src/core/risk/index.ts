/**
 * Risk targeting: rule sets as data, compiled once; assessments that give the channel with every reason and the
 * random draw; and the effectiveness of rules and channels measured against inspection results.
 */
export { assess, channelOf } from './assess.js';
export type { Assessment, FiredRule } from './assessment.js';
export { backtest, type BacktestCase, type BacktestReport, type BacktestSide, type CatchCounts } from './backtest.js';
export { compileRuleSet, type CompiledRule, type CompiledRuleSet, type CompileOptions, type RiskRequirements } from './compile-rule-set.js';
export * from './conditions.js';
export { fillTemplate, formatInput, parseTemplate, type InputValue, type Inputs, type Template } from './explanation.js';
export {
  effectiveness,
  type AssessmentOutcome,
  type ChannelEffectiveness,
  type EffectivenessReport,
  type RuleEffectiveness,
} from './effectiveness.js';
export { RISK_INPUT_MISSING } from './facts.js';
export { wilsonInterval, type HitStats } from './hit-stats.js';
export * from './inspection-result.js';
export { loadRuleSet, type LoadedRuleSet } from './load-rule-set.js';
export { MAX_RULE_SET_TEXT, parseRuleSet } from './parse-rule-set.js';
export * from './risk-context.js';
export * from './rule-set-issues.js';
export { CHANNELS, type Channel, type RuleDefinition, type RuleSetDefinition } from './rule-set.js';
export * from './selection.js';
export { MAX_RULES, validateRuleSet, type RuleSetResult } from './validate-rule-set.js';
export { proposeStops, type ProposalOptions, type RoadsideCandidate, type StopProposal } from './roadside.js';
export { parseExchangeRates, ratesIn, type ExchangeRateIssue, type ExchangeRateTable, type ParsedExchangeRates } from './exchange-rates.js';
