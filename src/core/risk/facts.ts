/**
 * What the conditions read, derived once per assessment from the declaration and the context: which prefix lists
 * the goods match, values per kilogram against references, the documents present, the parties' taxpayer numbers,
 * histories and ages, the trip's alerts. One Facts object belongs to one compiled rule set and is reused from one
 * assessment to the next (assessment is synchronous, so nothing else can see it half-filled); its arrays grow to
 * the largest declaration seen and are not reallocated after, and what is read on demand is stamped with the
 * assessment's number rather than cleared.
 */
import { DOCUMENT_TYPES, type DeclarationInput } from '../model/declaration.js';
import type { Issue } from '../model/issue.js';
import { dayNumber } from './day-number.js';
import type { HsPrefixIndex } from './hs-prefix-index.js';
import { referenceTableOf, type ReferenceTable } from './reference-values.js';
import { TinMemo } from './tin-memo.js';
import { HISTORY_ROLES, TRIP_ALERT_TYPES, type HistoryCounts, type PartyHistory, type RiskContext } from './risk-context.js';

/** Three-valued results: a condition whose inputs are absent is unknown, and a rule fires only on TRUE. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** An input the context lacked, so that some condition was unknown; listed in the assessment. */
export const RISK_INPUT_MISSING = 'RISK_INPUT_MISSING';

/** A document type's bit in a set of types; 0 for a type outside the list. */
export function documentBit(type: string): number {
  // Six comparisons of interned strings beat hashing the type for a map.
  for (let i = 0; i < DOCUMENT_TYPES.length; i++) if (DOCUMENT_TYPES[i] === type) return 1 << i;
  return 0;
}

export function documentMask(types: readonly string[]): number {
  let mask = 0;
  for (const type of types) mask |= documentBit(type);
  return mask;
}

function alertIndex(type: string): number {
  for (let t = 0; t < TRIP_ALERT_TYPES.length; t++) if (TRIP_ALERT_TYPES[t] === type) return t;
  return -1;
}

/** Where a reference value came from: the rule set's own table, or the context's, which replaces it. */
export const REFERENCE_NONE = 0;
export const REFERENCE_RULE_SET = 1;
export const REFERENCE_CONTEXT = 2;

const TIN_UNCHECKED = 0;
export const TIN_VALID = 1;
export const TIN_INVALID = 2;
export const TIN_MISSING = 3;
const TIN_ROLES = ['consignor', 'consignee', 'carrier'] as const;
export const TIN_HOLDER_INDEX: Readonly<Record<(typeof TIN_ROLES)[number], 0 | 1 | 2>> = { consignor: 0, consignee: 1, carrier: 2 };

/** One history window a rule reads: a role (its index in HISTORY_ROLES) and a length in days. */
export interface HistorySlot {
  role: number;
  days: number;
}

/** What a compiled rule set tells the facts to derive. */
export interface FactsPlan {
  prefixes: HsPrefixIndex;
  /** Derive values per kilogram and references: some rule compares values. */
  valuation: { currency: string; table: ReferenceTable } | undefined;
  /** The distinct history windows the rules read, each looked up once per assessment. */
  historySlots: readonly HistorySlot[];
}

const NO_ISSUES: Issue[] = [];
const EMPTY_DECLARATION = { goods: [], documents: [] } as unknown as DeclarationInput;

export class Facts {
  declaration: DeclarationInput = EMPTY_DECLARATION;
  context: RiskContext = { today: '', checkIssues: [], parties: {} };
  /** Today's day number, NaN when the context's day is malformed. */
  today = Number.NaN;
  private todayText = '';
  goodsCount = 0;
  /** The document types present, one bit each (documentBit). */
  documents = 0;
  /** By prefix list id: some item matched (1), and the first such item. */
  prefixHit: Uint8Array;
  prefixItem: Int32Array;
  /** The prefixBit of every list some item matched (hs-prefix-index.ts). */
  prefixSignature = 0;
  /** By goods item, in the valuation currency: value per kilogram, reference, their ratio (NaN where unknown). */
  valuePerKg = new Float64Array(0);
  reference = new Float64Array(0);
  ratio = new Float64Array(0);
  referenceSource = new Uint8Array(0);
  /** The item has a reference but no exchange rate for its currency, so its ratio is unknown rather than absent. */
  rateMissing = new Uint8Array(0);
  /** By goods item, the first item with the same code. */
  private firstOfCode = new Int32Array(0);
  /** Exchange rates found missing while valuing the goods; the other missing inputs are found by missing-inputs.ts. */
  missingRates: Issue[] = NO_ISSUES;
  /** By TIN holder (consignor, consignee, carrier): TIN_VALID, TIN_INVALID or TIN_MISSING, checked on first use. */
  private readonly tinState = new Uint8Array(3);
  private readonly tinIssue: Array<string | undefined> = [undefined, undefined, undefined];
  private readonly tinMemo = new TinMemo();
  /** Counts assessments; the stamps below say which assessment a cached value belongs to. */
  private epoch = 0;
  /** By history role (HISTORY_ROLES order): its history and first-seen day number, stamped. */
  private readonly partyEpoch = new Int32Array(HISTORY_ROLES.length);
  private readonly parties: Array<PartyHistory | undefined> = HISTORY_ROLES.map(() => undefined);
  private readonly firstSeenDay = new Float64Array(HISTORY_ROLES.length);
  /** By history slot (FactsPlan.historySlots): its counts, stamped. */
  private readonly slotEpoch: Int32Array;
  private readonly slots: Array<HistoryCounts | undefined>;
  /** The trip's alerts by type (TRIP_ALERT_TYPES order), stamped; `tripKnown` false before the trip. */
  private alertsEpoch = 0;
  private tripKnown = false;
  private readonly alertCounts = new Float64Array(TRIP_ALERT_TYPES.length);

  constructor(readonly plan: FactsPlan) {
    this.prefixHit = new Uint8Array(plan.prefixes.size);
    this.prefixItem = new Int32Array(plan.prefixes.size);
    this.slotEpoch = new Int32Array(plan.historySlots.length);
    this.slots = plan.historySlots.map(() => undefined);
  }

  private grow(count: number): void {
    if (this.ratio.length >= count) return;
    const capacity = Math.max(count, 32);
    this.valuePerKg = new Float64Array(capacity);
    this.reference = new Float64Array(capacity);
    this.ratio = new Float64Array(capacity);
    this.referenceSource = new Uint8Array(capacity);
    this.rateMissing = new Uint8Array(capacity);
    this.firstOfCode = new Int32Array(capacity);
  }

  prepare(declaration: DeclarationInput, context: RiskContext): void {
    this.declaration = declaration;
    this.context = context;
    // Consecutive assessments are nearly always of the same day: parse it once.
    if (context.today !== this.todayText) {
      this.todayText = context.today;
      this.today = dayNumber(context.today);
    }
    this.missingRates = NO_ISSUES;
    this.tinState.fill(TIN_UNCHECKED);
    this.epoch++;
    if (this.epoch > 0x3fff_ffff) {
      // Once in a billion assessments: start the stamps afresh, so that no stale one can ever look current.
      this.partyEpoch.fill(0);
      this.slotEpoch.fill(0);
      this.alertsEpoch = 0;
      this.epoch = 1;
    }

    let documents = 0;
    const list = declaration.documents;
    for (let i = 0; i < list.length; i++) documents |= documentBit(list[i]!.type);
    this.documents = documents;

    const goods = declaration.goods;
    const count = goods.length;
    this.goodsCount = count;
    this.grow(count);
    // Long declarations repeat a code over many lines (sizes, colours): what depends on the code alone is worked
    // out at its first line and reused.
    const firstOfCode = this.firstOfCode;
    for (let i = 0; i < count; i++) {
      const code = goods[i]!.hsCode;
      let first = i;
      if (i > 0 && code === goods[i - 1]!.hsCode) first = firstOfCode[i - 1]!;
      else {
        for (let j = 0; j < i - 1; j++) {
          if (goods[j]!.hsCode === code) {
            first = firstOfCode[j]!;
            break;
          }
        }
      }
      firstOfCode[i] = first;
    }
    const prefixes = this.plan.prefixes;
    this.prefixSignature = 0;
    if (prefixes.size > 0) {
      this.prefixHit.fill(0);
      for (let i = 0; i < count; i++) {
        if (firstOfCode[i] === i) this.prefixSignature |= prefixes.mark(goods[i]!.hsCode, i, this.prefixHit, this.prefixItem);
      }
    }
    if (this.plan.valuation !== undefined) this.value(this.plan.valuation);
  }

  /** Where referenceOf found its value: a field, so that the answer needs no pair allocated. */
  private foundSource = REFERENCE_NONE;

  /** The reference value of a goods code, the context's table first, then the rule set's; sets foundSource. */
  private referenceOf(code: string, table: ReferenceTable, contextTable: ReferenceTable | undefined): number {
    // The heading (first four digits) and the subheading's own two digits, as numbers; -1 where not digits.
    let heading = -1;
    let sub = -1;
    if (code.length >= 4) {
      heading = 0;
      for (let c = 0; c < 4; c++) {
        const d = code.charCodeAt(c) - 48;
        if (d < 0 || d > 9) {
          heading = -1;
          break;
        }
        heading = heading * 10 + d;
      }
      const d4 = code.charCodeAt(4) - 48;
      const d5 = code.charCodeAt(5) - 48;
      if (heading >= 0 && d4 >= 0 && d4 <= 9 && d5 >= 0 && d5 <= 9) sub = d4 * 10 + d5;
    }
    if (contextTable !== undefined) {
      const reference = contextTable.lookup(heading, sub);
      if (!Number.isNaN(reference)) {
        this.foundSource = REFERENCE_CONTEXT;
        return reference;
      }
    }
    const reference = table.lookup(heading, sub);
    this.foundSource = Number.isNaN(reference) ? REFERENCE_NONE : REFERENCE_RULE_SET;
    return reference;
  }

  private value(valuation: NonNullable<FactsPlan['valuation']>): void {
    const goods = this.declaration.goods;
    const override = this.context.valuation?.referenceValuePerKg;
    const contextTable = override === undefined ? undefined : referenceTableOf(override);
    const rates = this.context.valuation?.exchangeRates;
    let lastCurrency = valuation.currency;
    let lastRate = 1;
    for (let i = 0; i < this.goodsCount; i++) {
      const item = goods[i]!;
      const first = this.firstOfCode[i]!;
      let reference: number;
      let source: number;
      if (first !== i) {
        reference = this.reference[first]!;
        source = this.referenceSource[first]!;
      } else {
        reference = this.referenceOf(item.hsCode, valuation.table, contextTable);
        source = this.foundSource;
      }
      this.reference[i] = reference;
      this.referenceSource[i] = source;
      this.rateMissing[i] = 0;
      const mass = item.grossMassKg;
      // A zero or negative mass or value is the document checks' finding; here it only leaves nothing to compare.
      const perKg = mass > 0 && item.value >= 0 ? item.value / mass : Number.NaN;
      let rate = 1;
      const currency = item.currency;
      if (currency !== valuation.currency) {
        // A declaration's lines are nearly always in one currency: look its rate up once, not once a line.
        if (currency !== lastCurrency) {
          const given = rates?.[currency];
          lastRate = typeof given === 'number' && given > 0 && Number.isFinite(given) ? given : Number.NaN;
          lastCurrency = currency;
        }
        rate = lastRate;
        if (Number.isNaN(rate) && source !== REFERENCE_NONE) {
          this.rateMissing[i] = 1;
          this.missingRate(currency, valuation.currency);
        }
      }
      this.valuePerKg[i] = perKg * rate;
      this.ratio[i] = (perKg * rate) / reference;
    }
  }

  private missingRate(currency: string, to: string): void {
    const path = `valuation.exchangeRates.${currency}`;
    if (this.missingRates === NO_ISSUES) this.missingRates = [];
    else if (this.missingRates.some((issue) => issue.path === path)) return;
    this.missingRates.push({ code: RISK_INPUT_MISSING, path, message: `No exchange rate from ${currency} to ${to} was given.` });
  }

  /** The holder's taxpayer number: TIN_VALID, TIN_INVALID or TIN_MISSING, checked once per assessment. */
  tin(holder: 0 | 1 | 2): number {
    let state = this.tinState[holder]!;
    if (state !== TIN_UNCHECKED) return state;
    const party = this.declaration[TIN_ROLES[holder]];
    const number = party?.tin;
    if (typeof number !== 'string' || number.trim().length === 0) {
      state = TIN_MISSING;
      this.tinIssue[holder] = 'TIN_MISSING';
    } else {
      const check = this.tinMemo.check(party.country, number);
      state = check.valid ? TIN_VALID : TIN_INVALID;
      this.tinIssue[holder] = check.issue;
    }
    this.tinState[holder] = state;
    return state;
  }

  tinIssueOf(holder: 0 | 1 | 2): string | undefined {
    this.tin(holder);
    return this.tinIssue[holder];
  }

  /** The history of the role (its index in HISTORY_ROLES), undefined when the context has none. */
  party(role: number): PartyHistory | undefined {
    if (this.partyEpoch[role] !== this.epoch) {
      const parties = this.context.parties;
      // Named reads: a read by a computed name meets objects of every shape at one place and is slow there.
      const history = role === 0 ? parties.consignor : role === 1 ? parties.consignee : role === 2 ? parties.carrier : parties.vehicle;
      this.parties[role] = history;
      this.firstSeenDay[role] = history?.firstSeen === undefined ? Number.NaN : dayNumber(history.firstSeen);
      this.partyEpoch[role] = this.epoch;
    }
    return this.parties[role];
  }

  /** Days the role's party has been known before today: 0 when never seen before, NaN when unknown. */
  daysKnown(role: number): number {
    const history = this.party(role);
    if (history === undefined) return Number.NaN;
    if (history.firstSeen === undefined) return 0;
    return this.today - this.firstSeenDay[role]!;
  }

  /** The counts of a history slot, undefined when the context has none. */
  history(slot: number): HistoryCounts | undefined {
    if (this.slotEpoch[slot] !== this.epoch) {
      this.slots[slot] = this.party(this.plan.historySlots[slot]!.role)?.windows[this.plan.historySlots[slot]!.days];
      this.slotEpoch[slot] = this.epoch;
    }
    return this.slots[slot];
  }

  /** The trip's alert counts by type (TRIP_ALERT_TYPES order), undefined before the trip. */
  alerts(): Float64Array | undefined {
    if (this.alertsEpoch !== this.epoch) {
      const alerts = this.context.trip?.alerts;
      this.tripKnown = alerts !== undefined;
      if (alerts !== undefined) {
        this.alertCounts.fill(0);
        // Most trips raise no alert: walking the types present beats looking each known type up by name.
        const given: Readonly<Record<string, number | undefined>> = alerts;
        for (const type in given) {
          const t = alertIndex(type);
          const count = given[type];
          if (t >= 0 && typeof count === 'number' && count > 0) this.alertCounts[t] = count;
        }
      }
      this.alertsEpoch = this.epoch;
    }
    return this.tripKnown ? this.alertCounts : undefined;
  }
}
