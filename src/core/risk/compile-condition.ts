/** Compiles a validated condition tree, kind by kind, into a CompiledCondition (compiled-condition.ts). */
import { compileAll, compileAny, compileNot } from './compile-combinators.js';
import {
  compileCheckIssue,
  compileCountry,
  compileDocuments,
  compileGoodsItems,
  compileHsPrefix,
  compileValueBelow,
} from './compile-declaration-conditions.js';
import { compileFirstSeen, compileHistory, compileTin } from './compile-party-conditions.js';
import { compileTripAlerts } from './compile-trip-conditions.js';
import type { CompiledCondition, CompileEnvironment } from './compiled-condition.js';
import type { Condition } from './conditions.js';

export type { CompiledCondition, CompileEnvironment } from './compiled-condition.js';

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
