/**
 * Guards: for each rule, facts without which it cannot fire, checked as bits of one number per assessment before the
 * rule is evaluated. Most declarations raise no alert, have no findings in their parties' history and no missing
 * document, so most rules about those are passed over with one AND instead of a walk through their conditions.
 *
 * Goods code prefixes have a signature of their own (hs-prefix-index.ts, prefixBit) and each compiled condition
 * says which of its bits it needs.
 *
 * A guard is a mask of "any of these bits": a rule's guards all must meet the assessment's signature. They are
 * derived from the conditions and are only ever necessary, never sufficient: for every condition, TRUE implies its
 * guard bit is set (proved case by case below, and tested against evaluation without guards). An unknown input
 * leaves its bit clear, which is sound because a rule fires only on TRUE; what the context lacked is listed
 * separately (missing-inputs.ts), so guards change no assessment, only its cost. Two facts sharing a bit (were a
 * list to outgrow its bits) would only let more rules through: a set bit is never cleared by another fact.
 */
import type { Condition } from './conditions.js';
import { DOCUMENT_TYPES } from '../model/declaration.js';
import { documentBit, type Facts, type HistorySlot } from './facts.js';
import { HISTORY_ROLES, TRIP_ALERT_TYPES, type HistoryCounts } from './risk-context.js';

/** Bits 0–7: an alert of that type (TRIP_ALERT_TYPES order) was raised on the trip. */
const alertBit = (type: number) => 1 << type;
/** Bit 8: the document check raised some issue. */
const ISSUES_BIT = 1 << 8;
/** Bits 9–12: the role (HISTORY_ROLES order) has some finding in a window the rules read. */
const findingsBit = (role: number) => 1 << (9 + role);
/** Bits 13–16: the role was first seen fewer days ago than the longest firstSeen window on it, or never. */
const newBit = (role: number) => 1 << (13 + role);
/** Bit 17: some goods item is below the largest fraction of its reference any rule compares with. */
const BELOW_BIT = 1 << 17;
/** Bits 18–23 and 24–29: a document type (DOCUMENT_TYPES order) is absent, or present. */
const absentBit = (bit: number) => bit << 18;
const presentBit = (bit: number) => bit << 24;

const ALERT_BITS = (1 << TRIP_ALERT_TYPES.length) - 1;
const ALL_DOCUMENTS = (1 << DOCUMENT_TYPES.length) - 1;
// The bits above hold 8 alert types and 6 document types. Should either list grow past them, its guards are left out
// rather than let a shifted bit fall off the number (which would wrongly clear a guard), until the bits are moved.
const ALERT_GUARDS = TRIP_ALERT_TYPES.length <= 8;
const DOCUMENT_GUARDS = DOCUMENT_TYPES.length <= 6;

/** The guards of a condition: masks that all must meet the signature for it to be TRUE. */
export function guardsOf(condition: Condition): number[] {
  if ('all' in condition) return condition.all.flatMap(guardsOf);
  if ('any' in condition) {
    // Some branch is TRUE, so its first guard holds: the union of the branches' first guards does.
    const lists = condition.any.map(guardsOf);
    return lists.every((list) => list.length > 0) ? [lists.reduce((mask, list) => mask | list[0]!, 0)] : [];
  }
  if ('tripAlerts' in condition) {
    // A sum of counts of at least 1 needs one of its types counted.
    const { types, atLeast } = condition.tripAlerts;
    if (!ALERT_GUARDS || atLeast === undefined || atLeast <= 0) return [];
    return [types.reduce((mask, type) => mask | alertBit(TRIP_ALERT_TYPES.indexOf(type)), 0)];
  }
  if ('checkIssue' in condition) return [ISSUES_BIT];
  if ('history' in condition) {
    // At least one finding, or a positive rate, needs a finding counted in the role's windows.
    const { of, findings, findingRate } = condition.history;
    const needsFinding = (findings?.atLeast ?? 0) > 0 || (findingRate?.atLeast ?? 0) > 0;
    return needsFinding ? [findingsBit(HISTORY_ROLES.indexOf(of))] : [];
  }
  if ('firstSeen' in condition) return [newBit(HISTORY_ROLES.indexOf(condition.firstSeen.of))];
  if ('valueBelowReference' in condition) return [BELOW_BIT];
  if (!DOCUMENT_GUARDS && ('documentMissing' in condition || 'documentPresent' in condition)) return [];
  if ('documentMissing' in condition) return [condition.documentMissing.reduce((mask, type) => mask | absentBit(documentBit(type)), 0)];
  if ('documentPresent' in condition) return [condition.documentPresent.reduce((mask, type) => mask | presentBit(documentBit(type)), 0)];
  return [];
}

/** What the signature must compute, gathered from every rule's conditions. */
export class GuardPlan {
  /** The union of all guards: the bits worth computing. */
  used = 0;
  /** By role, the longest firstSeen window; a party first seen that long ago or more fires none of them. */
  readonly longestNew = new Float64Array(HISTORY_ROLES.length);
  /** The largest fraction of a valuation condition. */
  largestFraction = 0;
  /** By role, its history slots (FactsPlan.historySlots), longest window first. */
  slotsByRole: Int32Array[] = HISTORY_ROLES.map(() => new Int32Array(0));

  /** Orders each role's slots, once the rules are compiled and every slot is known. */
  seal(slots: readonly HistorySlot[]): void {
    this.slotsByRole = HISTORY_ROLES.map((_, role) =>
      Int32Array.from(
        slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.role === role).sort((a, b) => b.slot.days - a.slot.days),
        ({ index }) => index,
      ),
    );
  }

  add(condition: Condition, guards: readonly number[]): void {
    for (const guard of guards) this.used |= guard;
    this.visit(condition);
  }

  private visit(condition: Condition): void {
    if ('all' in condition) for (const child of condition.all) this.visit(child);
    else if ('any' in condition) for (const child of condition.any) this.visit(child);
    else if ('not' in condition) this.visit(condition.not);
    else if ('firstSeen' in condition) {
      const role = HISTORY_ROLES.indexOf(condition.firstSeen.of);
      this.longestNew[role] = Math.max(this.longestNew[role]!, condition.firstSeen.withinDays);
    } else if ('valueBelowReference' in condition) {
      this.largestFraction = Math.max(this.largestFraction, condition.valueBelowReference.fraction);
    }
  }
}

function anyFinding(counts: HistoryCounts): boolean {
  if (counts.withFindings > 0) return true;
  // Walking the keys present costs nothing for the usual empty object; reading four names from objects of ever
  // different shapes would cost a slow lookup each.
  const findings: Readonly<Record<string, number | undefined>> = counts.findings;
  for (const kind in findings) if ((findings[kind] ?? 0) > 0) return true;
  return false;
}

/** The assessment's signature: the bits of `plan.used` that the declaration and context set. */
export function signatureOf(facts: Facts, plan: GuardPlan): number {
  const used = plan.used;
  let signature = 0;
  if ((used & ALERT_BITS) !== 0) {
    const counts = facts.alerts();
    if (counts !== undefined) for (let t = 0; t < counts.length; t++) if (counts[t]! > 0) signature |= alertBit(t);
  }
  if ((used & ISSUES_BIT) !== 0 && facts.context.checkIssues.length > 0) signature |= ISSUES_BIT;
  for (let role = 0; role < HISTORY_ROLES.length; role++) {
    if ((used & findingsBit(role)) !== 0) {
      // Windows are nested (risk-context.ts): the longest one given holds every finding of the shorter ones.
      const slots = plan.slotsByRole[role]!;
      for (let k = 0; k < slots.length; k++) {
        const counts = facts.history(slots[k]!);
        if (counts === undefined) continue;
        if (anyFinding(counts)) signature |= findingsBit(role);
        break;
      }
    }
    // NaN (unknown) compares false: an unknown age fires no firstSeen rule.
    if ((used & newBit(role)) !== 0 && facts.daysKnown(role) < plan.longestNew[role]!) signature |= newBit(role);
  }
  if ((used & BELOW_BIT) !== 0) {
    const ratio = facts.ratio;
    for (let i = 0; i < facts.goodsCount; i++) {
      if (ratio[i]! < plan.largestFraction) {
        signature |= BELOW_BIT;
        break;
      }
    }
  }
  signature |= absentBit(~facts.documents & ALL_DOCUMENTS) | presentBit(facts.documents);
  return signature;
}
