/**
 * Guards: for each rule, facts without which it cannot fire, checked as bits of a few numbers per assessment before
 * the rule is evaluated. Most declarations raise no alert, have no findings in their parties' history, no missing
 * document and no bad taxpayer number, so most rules are passed over with an AND or two instead of a walk through
 * their conditions.
 *
 * A guard says "one of these bits is set" over three signature words at once: the main word (alerts, check issues,
 * findings, new parties, undervaluation, documents), the detail word (taxpayer numbers, goods lines, countries) and
 * the prefix word (goods code prefix lists, hs-prefix-index.ts). A rule's guards must all be met. They are derived
 * from the conditions and are only ever necessary, never sufficient: for every condition, TRUE implies its guard is
 * met (argued case by case below, and tested against evaluation without guards). An unknown input leaves its bit
 * clear, which is sound because a rule fires only on TRUE; what the context lacked is listed separately
 * (missing-inputs.ts), so guards change no assessment, only its cost. Facts sharing a bit (country buckets, prefix
 * lists, or a list outgrowing its bits) only let more rules through: a set bit is never cleared by another fact.
 */
import { DOCUMENT_TYPES } from '../model/declaration.js';
import { COUNTRY_OF } from './compile-declaration-conditions.js';
import { COUNTRY_HOLDERS, TIN_HOLDERS, type Condition, type CountryHolder } from './conditions.js';
import { documentBit, TIN_HOLDER_INDEX, TIN_INVALID, TIN_MISSING, type Facts, type HistorySlot } from './facts.js';
import { prefixBit, type HsPrefixIndex } from './hs-prefix-index.js';
import { HISTORY_ROLES, TRIP_ALERT_TYPES, type HistoryCounts } from './risk-context.js';

// The main word.
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

// The detail word.
/** Bits 0–2: the TIN holder's (TIN_HOLDERS order) number is invalid or missing. */
const tinBit = (holder: number) => 1 << holder;
/** Bit 3: the declaration has at least as many goods lines as the smallest `goodsItems.atLeast`. */
const LINES_BIT = 1 << 3;
/** Bits 4–29: countries, hashed into buckets shared out among the holders the rules name. */
const COUNTRY_FIRST_BIT = 4;
const COUNTRY_BITS = 26;
// Every word keeps to bits 0–29, so that it stays a small integer (a V8 Smi) and is never boxed on the way.

const ALERT_BITS = (1 << TRIP_ALERT_TYPES.length) - 1;
const ALL_DOCUMENTS = (1 << DOCUMENT_TYPES.length) - 1;
// The bits above hold 8 alert types and 6 document types. Should either list grow past them, its guards are left out
// rather than let a shifted bit fall off the number (which would wrongly clear a guard), until the bits are moved.
const ALERT_GUARDS = TRIP_ALERT_TYPES.length <= 8;
const DOCUMENT_GUARDS = DOCUMENT_TYPES.length <= 6;

/** One guard: bits of the main, detail and prefix words, of which at least one must be set. */
export interface Guard {
  main: number;
  detail: number;
  prefix: number;
}

/** A condition's guards, all of which must be met for it to be TRUE. */
export type Guards = Guard[];

const NONE: Guards = [];
const main = (bits: number): Guards => [{ main: bits, detail: 0, prefix: 0 }];
const detail = (bits: number): Guards => [{ main: 0, detail: bits, prefix: 0 }];

function walk(condition: Condition, visit: (leaf: Condition) => void): void {
  if ('all' in condition) for (const child of condition.all) walk(child, visit);
  else if ('any' in condition) for (const child of condition.any) walk(child, visit);
  else if ('not' in condition) walk(condition.not, visit);
  else visit(condition);
}

function countryHash(country: string): number {
  let hash = 0;
  for (let i = 0; i < country.length; i++) hash = (hash * 31 + country.charCodeAt(i)) | 0;
  return hash >>> 0;
}

/** What the signatures compute and how the guards are laid out, from every rule's conditions. */
export class GuardPlan {
  /** The union of all main guards: the main bits worth computing. */
  used = 0;
  usedDetail = 0;
  /** By role, the longest firstSeen window; a party first seen that long ago or more fires none of them. */
  readonly longestNew = new Float64Array(HISTORY_ROLES.length);
  /** The largest fraction of a valuation condition. */
  largestFraction = 0;
  /** The smallest positive `goodsItems.atLeast`. */
  fewestLines = Number.POSITIVE_INFINITY;
  /** By role, its history slots (FactsPlan.historySlots), longest window first (most likely to hold a finding). */
  slotsByRole: Int32Array[] = HISTORY_ROLES.map(() => new Int32Array(0));
  /** The country holders the rules name, with the first bit and the number of buckets of each. */
  readonly countryHolders: Array<{ holder: CountryHolder; first: number; buckets: number }> = [];

  constructor(
    conditions: readonly Condition[],
    /** The compiled conditions' prefix index, where each hsPrefix list has its id. */
    private readonly prefixes: HsPrefixIndex,
  ) {
    const holders = new Set<CountryHolder>();
    for (const condition of conditions) {
      walk(condition, (leaf) => {
        if ('firstSeen' in leaf) {
          const role = HISTORY_ROLES.indexOf(leaf.firstSeen.of);
          this.longestNew[role] = Math.max(this.longestNew[role]!, leaf.firstSeen.withinDays);
        } else if ('valueBelowReference' in leaf) {
          this.largestFraction = Math.max(this.largestFraction, leaf.valueBelowReference.fraction);
        } else if ('goodsItems' in leaf && (leaf.goodsItems.atLeast ?? 0) > 0) {
          this.fewestLines = Math.min(this.fewestLines, leaf.goodsItems.atLeast!);
        } else if ('country' in leaf) {
          holders.add(leaf.country.of);
        }
      });
    }
    const named = COUNTRY_HOLDERS.filter((holder) => holders.has(holder));
    const buckets = named.length === 0 ? 0 : Math.floor(COUNTRY_BITS / named.length);
    named.forEach((holder, i) => this.countryHolders.push({ holder, first: COUNTRY_FIRST_BIT + i * buckets, buckets }));
  }

  private countryBit(holder: CountryHolder, country: string): number {
    const layout = this.countryHolders.find((entry) => entry.holder === holder)!;
    return 1 << (layout.first + (countryHash(country) % layout.buckets));
  }

  /** The guards of a condition: all must be met for it to be TRUE. */
  guardsOf(condition: Condition): Guards {
    if ('all' in condition) return condition.all.flatMap((child) => this.guardsOf(child));
    if ('any' in condition) {
      // Some branch is TRUE, so its first guard is met: when every branch has one, their union is.
      const firsts = condition.any.map((child) => this.guardsOf(child)[0]);
      if (firsts.some((guard) => guard === undefined)) return NONE;
      return [firsts.reduce<Guard>((union, guard) => ({ main: union.main | guard!.main, detail: union.detail | guard!.detail, prefix: union.prefix | guard!.prefix }), { main: 0, detail: 0, prefix: 0 })];
    }
    // A prefix list matched by some item marked its bit (the index registers a list once, so this is its id).
    if ('hsPrefix' in condition) return [{ main: 0, detail: 0, prefix: prefixBit(this.prefixes.register(condition.hsPrefix)) }];
    if ('tripAlerts' in condition) {
      // A sum of counts of at least 1 needs one of its types counted.
      const { types, atLeast } = condition.tripAlerts;
      if (!ALERT_GUARDS || atLeast === undefined || atLeast <= 0) return NONE;
      return main(types.reduce((mask, type) => mask | alertBit(TRIP_ALERT_TYPES.indexOf(type)), 0));
    }
    if ('checkIssue' in condition) return main(ISSUES_BIT);
    if ('history' in condition) {
      // At least one finding, or a positive rate, needs a finding counted in the role's windows.
      const { of, findings, findingRate } = condition.history;
      const needsFinding = (findings?.atLeast ?? 0) > 0 || (findingRate?.atLeast ?? 0) > 0;
      return needsFinding ? main(findingsBit(HISTORY_ROLES.indexOf(of))) : NONE;
    }
    // Fewer days than this condition's window is fewer than the longest window on the role.
    if ('firstSeen' in condition) return main(newBit(HISTORY_ROLES.indexOf(condition.firstSeen.of)));
    // Below this fraction is below the largest fraction.
    if ('valueBelowReference' in condition) return main(BELOW_BIT);
    if ('documentMissing' in condition || 'documentPresent' in condition) {
      if (!DOCUMENT_GUARDS) return NONE;
      if ('documentMissing' in condition) return main(condition.documentMissing.reduce((mask, type) => mask | absentBit(documentBit(type)), 0));
      return main(condition.documentPresent.reduce((mask, type) => mask | presentBit(documentBit(type)), 0));
    }
    // Invalid or missing, as asked, is a number that is not valid.
    if ('tin' in condition) return detail(tinBit(TIN_HOLDER_INDEX[condition.tin.of]));
    // At least n lines, n > 0, is at least the fewest any rule asks for.
    if ('goodsItems' in condition) return (condition.goodsItems.atLeast ?? 0) > 0 ? detail(LINES_BIT) : NONE;
    if ('country' in condition) {
      // A listed country sets its own bucket's bit.
      const { of } = condition.country;
      return detail(condition.country.in.reduce((mask, country) => mask | this.countryBit(of, country), 0));
    }
    return NONE;
  }

  /** Records a rule's guards, so that the signatures compute the bits some rule reads. */
  use(guards: Guards): void {
    for (const guard of guards) {
      this.used |= guard.main;
      this.usedDetail |= guard.detail;
    }
  }

  /** Orders each role's slots, once the rules are compiled and every slot is known. */
  seal(slots: readonly HistorySlot[]): void {
    this.slotsByRole = HISTORY_ROLES.map((_, role) =>
      Int32Array.from(
        slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.role === role).sort((a, b) => b.slot.days - a.slot.days),
        ({ index }) => index,
      ),
    );
  }

  /** The assessment's detail signature: the bits of `usedDetail` that the declaration sets. */
  detailOf(facts: Facts): number {
    const used = this.usedDetail;
    let signature = 0;
    for (let holder = 0; holder < TIN_HOLDERS.length; holder++) {
      if ((used & tinBit(holder)) === 0) continue;
      const state = facts.tin(holder as 0 | 1 | 2);
      if (state === TIN_INVALID || state === TIN_MISSING) signature |= tinBit(holder);
    }
    if ((used & LINES_BIT) !== 0 && facts.goodsCount >= this.fewestLines) signature |= LINES_BIT;
    const holders = this.countryHolders;
    for (let i = 0; i < holders.length; i++) {
      const { holder, first, buckets } = holders[i]!;
      const country = COUNTRY_OF[holder](facts.declaration);
      if (country !== undefined) signature |= 1 << (first + (countryHash(country) % buckets));
    }
    return signature;
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

/** The assessment's main signature: the bits of `plan.used` that the declaration and context set. */
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
      // Every window the rules read, not only the longest: trailing windows are nested, but a store that got one
      // count wrong must not silence a rule.
      const slots = plan.slotsByRole[role]!;
      for (let k = 0; k < slots.length; k++) {
        const counts = facts.history(slots[k]!);
        if (counts !== undefined && anyFinding(counts)) {
          signature |= findingsBit(role);
          break;
        }
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
