/**
 * The inputs each kind of condition fills when it decides a rule: the values it compared and the thresholds it
 * compared them with. Explanations may name exactly these; fired rules carry them for the record.
 *
 * `item` is the goods item's position as a person counts, from 1 (the path `goods[2]` is item 3).
 */
import type { Condition } from './conditions.js';

export const GOODS_ITEM_INPUTS = ['item', 'hsCode', 'description'] as const;
export const VALUATION_INPUTS = [...GOODS_ITEM_INPUTS, 'valuePerKg', 'reference', 'ratio', 'fraction', 'currency', 'referenceSource'] as const;

function keysOf(condition: Condition): readonly string[] {
  if ('all' in condition || 'any' in condition || 'not' in condition) return [];
  if ('hsPrefix' in condition) return [...GOODS_ITEM_INPUTS, 'prefix', 'items'];
  if ('valueBelowReference' in condition) return VALUATION_INPUTS;
  if ('documentMissing' in condition) return ['missingDocument'];
  if ('documentPresent' in condition) return ['presentDocument'];
  if ('goodsItems' in condition) return ['goodsItems'];
  if ('country' in condition) return [`${condition.country.of}Country`];
  if ('checkIssue' in condition) return ['issueCode', 'issuePath'];
  if ('firstSeen' in condition) {
    const { of } = condition.firstSeen;
    return [`${of}FirstSeen`, `${of}DaysKnown`, 'withinDays'];
  }
  if ('tin' in condition) return [`${condition.tin.of}Tin`, `${condition.tin.of}TinIssue`];
  if ('history' in condition) {
    const { of } = condition.history;
    return [`${of}Inspections`, `${of}Findings`, `${of}FindingRate`, 'windowDays'];
  }
  return ['alerts', 'alertTypes'];
}

/** The input names the condition can fill (its `any` branches and `not` operands included). */
export function inputKeysOf(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if ('all' in condition) for (const child of condition.all) inputKeysOf(child, into);
  else if ('any' in condition) for (const child of condition.any) inputKeysOf(child, into);
  else if ('not' in condition) inputKeysOf(condition.not, into);
  else for (const key of keysOf(condition)) into.add(key);
  return into;
}
