/**
 * What the conditions read, derived once per assessment from the declaration and the context: goods codes as
 * numbers, which prefix lists the goods match, values per kilogram against references, documents present, the
 * parties' taxpayer numbers checked. One Facts object belongs to one compiled rule set and is reused from one
 * assessment to the next (assessment is synchronous, so nothing else can see it half-filled); its arrays grow to
 * the largest declaration seen and are not reallocated after.
 */
import { validateTin } from '../identity/index.js';
import { DOCUMENT_TYPES, type DeclarationInput } from '../model/declaration.js';
import type { Issue } from '../model/issue.js';
import { dayNumber } from './day-number.js';
import type { HsPrefixIndex } from './hs-prefix-index.js';
import { referenceTableOf, type ReferenceTable } from './reference-values.js';
import type { HistoryRole, RiskContext } from './risk-context.js';

/** Three-valued results: a condition whose inputs are absent is unknown, and a rule fires only on TRUE. */
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** An input the context lacked, so that a condition was unknown; listed in the assessment. */
export const RISK_INPUT_MISSING = 'RISK_INPUT_MISSING';

const DOCUMENT_BITS: ReadonlyMap<string, number> = new Map(DOCUMENT_TYPES.map((type, i) => [type, 1 << i]));

export function documentMask(types: readonly string[]): number {
  let mask = 0;
  for (const type of types) mask |= DOCUMENT_BITS.get(type) ?? 0;
  return mask;
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

/** What a compiled rule set tells the facts to derive. */
export interface FactsPlan {
  prefixes: HsPrefixIndex;
  /** Derive values per kilogram and references: some rule compares values. */
  valuation: { currency: string; table: ReferenceTable } | undefined;
}

const NO_ISSUES: Issue[] = [];
const EMPTY_DECLARATION = { goods: [], documents: [] } as unknown as DeclarationInput;

export class Facts {
  declaration: DeclarationInput = EMPTY_DECLARATION;
  context: RiskContext = { today: '', checkIssues: [], parties: {} };
  /** Today's day number, NaN when the context's day is malformed. */
  today = Number.NaN;
  goodsCount = 0;
  documents = 0;
  /** The first four and six digits of each goods code as numbers, -1 where they are not all digits. */
  heading = new Int32Array(0);
  subheading = new Int32Array(0);
  /** By prefix list id: some item matched (1), and the first such item. */
  prefixHit: Uint8Array;
  prefixItem: Int32Array;
  /** By goods item, in the valuation currency: value per kilogram, reference, their ratio (NaN where unknown). */
  valuePerKg = new Float64Array(0);
  reference = new Float64Array(0);
  ratio = new Float64Array(0);
  referenceSource = new Uint8Array(0);
  /** The item has a reference but no exchange rate for its currency, so its ratio is unknown rather than absent. */
  rateMissing = new Uint8Array(0);
  /** By TIN holder (consignor, consignee, carrier): TIN_VALID, TIN_INVALID or TIN_MISSING, checked on first use. */
  private readonly tinState = new Uint8Array(3);
  private readonly tinIssue: Array<string | undefined> = [undefined, undefined, undefined];
  /** By history role, the first-seen day number, computed on first use (NaN before). */
  private readonly firstSeenDay = new Float64Array(4);
  missing: Issue[] = NO_ISSUES;

  constructor(private readonly plan: FactsPlan) {
    this.prefixHit = new Uint8Array(plan.prefixes.size);
    this.prefixItem = new Int32Array(plan.prefixes.size);
  }

  private grow(count: number): void {
    if (this.heading.length >= count) return;
    const capacity = Math.max(count, 32);
    this.heading = new Int32Array(capacity);
    this.subheading = new Int32Array(capacity);
    this.valuePerKg = new Float64Array(capacity);
    this.reference = new Float64Array(capacity);
    this.ratio = new Float64Array(capacity);
    this.referenceSource = new Uint8Array(capacity);
    this.rateMissing = new Uint8Array(capacity);
  }

  prepare(declaration: DeclarationInput, context: RiskContext): void {
    this.declaration = declaration;
    this.context = context;
    this.today = dayNumber(context.today);
    this.missing = NO_ISSUES;
    this.tinState.fill(TIN_UNCHECKED);
    this.firstSeenDay.fill(Number.NaN);

    let documents = 0;
    for (const document of declaration.documents) documents |= DOCUMENT_BITS.get(document.type) ?? 0;
    this.documents = documents;

    const goods = declaration.goods;
    const count = goods.length;
    this.goodsCount = count;
    this.grow(count);
    const prefixes = this.plan.prefixes;
    if (prefixes.size > 0) {
      this.prefixHit.fill(0);
      for (let i = 0; i < count; i++) prefixes.mark(goods[i]!.hsCode, i, this.prefixHit, this.prefixItem);
    }
    if (this.plan.valuation !== undefined) this.value(this.plan.valuation);
  }

  private value(valuation: NonNullable<FactsPlan['valuation']>): void {
    const goods = this.declaration.goods;
    const override = this.context.valuation?.referenceValuePerKg;
    const contextTable = override === undefined ? undefined : referenceTableOf(override);
    const rates = this.context.valuation?.exchangeRates;
    for (let i = 0; i < this.goodsCount; i++) {
      const item = goods[i]!;
      const code = item.hsCode;
      let heading = -1;
      let subheading = -1;
      let value = 0;
      for (let c = 0; c < 6 && c < code.length; c++) {
        const d = code.charCodeAt(c) - 48;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
        if (c === 3) heading = value;
        if (c === 5) subheading = value;
      }
      this.heading[i] = heading;
      this.subheading[i] = subheading;
      let reference = contextTable === undefined ? Number.NaN : contextTable.lookup(heading, subheading);
      let source = REFERENCE_CONTEXT;
      if (Number.isNaN(reference)) {
        reference = valuation.table.lookup(heading, subheading);
        source = Number.isNaN(reference) ? REFERENCE_NONE : REFERENCE_RULE_SET;
      }
      this.reference[i] = reference;
      this.referenceSource[i] = source;
      this.rateMissing[i] = 0;
      const mass = item.grossMassKg;
      // A zero or negative mass or value is the document checks' finding; here it only leaves nothing to compare.
      const perKg = mass > 0 && item.value >= 0 ? item.value / mass : Number.NaN;
      let rate = 1;
      if (item.currency !== valuation.currency) {
        const given = rates?.[item.currency];
        rate = typeof given === 'number' && given > 0 && Number.isFinite(given) ? given : Number.NaN;
        if (Number.isNaN(rate) && source !== REFERENCE_NONE) this.rateMissing[i] = 1;
      }
      this.valuePerKg[i] = perKg * rate;
      this.ratio[i] = (perKg * rate) / reference;
    }
  }

  /** Records an input the context lacked, once per path. */
  lack(path: string, message: string): void {
    if (this.missing === NO_ISSUES) this.missing = [];
    for (const known of this.missing) if (known.path === path) return;
    this.missing.push({ code: RISK_INPUT_MISSING, path, message });
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
      const result = validateTin(party.country, number);
      state = result.valid ? TIN_VALID : TIN_INVALID;
      this.tinIssue[holder] = result.issues[0]?.code;
    }
    this.tinState[holder] = state;
    return state;
  }

  tinIssueOf(holder: 0 | 1 | 2): string | undefined {
    this.tin(holder);
    return this.tinIssue[holder];
  }

  /**
   * Days the party has been known before today: 0 when never seen before, NaN when the context has no history for
   * it or a malformed day (recorded as missing).
   */
  daysKnown(role: HistoryRole, index: number): number {
    const history = this.context.parties[role];
    if (history === undefined) {
      this.lack(`parties.${role}`, `No history of the ${role} was given.`);
      return Number.NaN;
    }
    if (history.firstSeen === undefined) return 0;
    let first = this.firstSeenDay[index]!;
    if (Number.isNaN(first)) {
      first = dayNumber(history.firstSeen);
      this.firstSeenDay[index] = first;
    }
    const days = this.today - first;
    if (Number.isNaN(days)) {
      const path = Number.isNaN(this.today) ? 'today' : `parties.${role}.firstSeen`;
      this.lack(path, `${path} is not a day written YYYY-MM-DD.`);
    }
    return days;
  }
}

export const TIN_HOLDER_INDEX: Readonly<Record<(typeof TIN_ROLES)[number], 0 | 1 | 2>> = { consignor: 0, consignee: 1, carrier: 2 };
