/**
 * The workload of the risk benchmark: a rule set of N rules generated from every kind of condition with varied
 * parameters (single conditions, all / any / not combinations), and declarations of M goods items with contexts
 * that make the rules fire now and then, as real traffic would: mostly green, some targeted.
 */
import type { DeclarationInput, GoodsItem } from '../src/core/model/index.js';
import { GOODS_CATALOGUE, generateDemoDeclarations, generateDemoFleet } from '../src/core/demo/index.js';
import { createRng, type Rng } from '../src/core/random/index.js';
import { inputKeysOf } from '../src/core/risk/condition-inputs.js';
import {
  compileRuleSet,
  FINDING_RESULTS,
  TRIP_ALERT_TYPES,
  validateRuleSet,
  type CompiledRuleSet,
  type Condition,
  type HistoryCounts,
  type HistoryRole,
  type RandomDraw,
  type RiskContext,
} from '../src/core/risk/index.js';

const TODAY = '2026-05-01';
// Rules name the rarer origins a profile watches; the demo's consignors are from CN, TR, UZ, KG and KZ.
const WATCHED_COUNTRIES = ['AE', 'IR', 'IN', 'VN', 'AF', 'PK', 'TM', 'TJ', 'UZ'];
const CHECK_CODES = ['TIN_CHECK_DIGIT', 'DOCUMENT_MISSING', 'INVOICE_TOTAL_MISMATCH', 'HS_HEADING_UNKNOWN', 'GOODS_MASS_INVALID', 'SEAL_UNKNOWN'];
const WINDOWS = [90, 180, 365, 730];
const ROLES: HistoryRole[] = ['consignor', 'consignee', 'carrier', 'vehicle'];

const some = <T>(rng: Rng, items: readonly T[], min: number, max: number): T[] => rng.shuffle(items).slice(0, rng.int(min, max));

/** A chapter of goods the corridor seldom carries (excise, fuel, medicines, jewellery, arms). */
const rareChapter = (rng: Rng): string => String(rng.pick([1, 2, 3, 22, 24, 27, 30, 33, 71, 93])).padStart(2, '0');
/** A heading or subheading of goods the corridor carries every day. */
const commonCode = (rng: Rng): string => rng.pick(GOODS_CATALOGUE).hsCode.slice(0, rng.pick([4, 6]));

/**
 * One condition. Alone (`combined` false) it is as selective as a rule of its own would be: a rule on everyday goods
 * alone would target most trucks, so everyday codes appear only combined with another condition.
 */
function leaf(rng: Rng, combined: boolean): Condition {
  switch (rng.int(0, 11)) {
    case 0:
    case 1: {
      const code = combined && rng.chance(0.7) ? commonCode : rareChapter;
      return { hsPrefix: Array.from({ length: rng.int(1, 4) }, () => code(rng)) };
    }
    case 2: {
      const fraction = Math.round((0.2 + rng.next() * 0.35) * 100) / 100;
      return rng.chance(0.6) ? { valueBelowReference: { fraction, hsPrefix: Array.from({ length: rng.int(1, 3) }, () => commonCode(rng).slice(0, 2)) } } : { valueBelowReference: { fraction } };
    }
    case 3:
      return rng.chance(0.7) ? { documentMissing: some(rng, ['cmr', 'invoice'] as const, 1, 2) } : { documentPresent: some(rng, ['other', 'permit'] as const, 1, 2) };
    case 4:
      return { goodsItems: { atLeast: rng.int(25, 60) } };
    case 5:
      return { country: { of: rng.pick(['consignor', 'carrier', 'vehicle'] as const), in: some(rng, WATCHED_COUNTRIES, 1, 3) } };
    case 6:
      return { checkIssue: rng.chance(0.5) ? { codes: some(rng, CHECK_CODES, 1, 2) } : { codes: some(rng, CHECK_CODES, 1, 2), path: rng.pick(['consignee', 'goods', 'documents']) } };
    case 7:
      return { firstSeen: { of: rng.pick(ROLES), withinDays: rng.int(7, 90) } };
    case 8:
      return { tin: rng.pick([{ of: 'consignee', invalid: true }, { of: 'consignee', missing: true }, { of: 'carrier', invalid: true }, { of: 'consignor', invalid: true }] as const) };
    case 9: {
      const base = { of: rng.pick(ROLES), windowDays: rng.pick(WINDOWS) };
      if (rng.chance(0.5)) return { history: { ...base, findings: { atLeast: rng.int(1, 3) } } };
      if (rng.chance(0.5)) return { history: { ...base, results: some(rng, FINDING_RESULTS, 1, 2), findings: { atLeast: 1 } } };
      return { history: { ...base, findingRate: { atLeast: Math.round((0.1 + rng.next() * 0.4) * 100) / 100 }, minInspections: rng.int(3, 10) } };
    }
    default:
      return { tripAlerts: { types: some(rng, TRIP_ALERT_TYPES, 1, 3), atLeast: rng.int(1, 3) } };
  }
}

function condition(rng: Rng): Condition {
  const shape = rng.next();
  if (shape < 0.6) return leaf(rng, false);
  // A combination narrows a selective condition (new recipient) by others (of these goods, from there).
  if (shape < 0.85) return { all: [leaf(rng, false), ...Array.from({ length: rng.int(1, 2) }, () => leaf(rng, true))] };
  if (shape < 0.95) return { any: Array.from({ length: rng.int(2, 3) }, () => leaf(rng, false)) };
  return { all: [leaf(rng, false), { not: leaf(rng, true) }] };
}

/** Reference values for every catalogue subheading, and some other headings besides. */
function referenceValues(rng: Rng): Record<string, number> {
  const values: Record<string, number> = {};
  for (const item of GOODS_CATALOGUE) values[item.hsCode] = (item.usdPerKg[0] + item.usdPerKg[1]) / 2;
  while (Object.keys(values).length < 300) values[String(rng.int(101, 9706)).padStart(4, '0')] = Math.round(rng.lognormal(2, 1) * 100) / 100;
  return values;
}

export function benchRuleSet(rules: number, seed = 'risk-bench'): CompiledRuleSet {
  const rng = createRng(seed).fork('rules');
  const definition = {
    id: 'bench',
    version: 1,
    channels: { yellow: 40, red: 80 },
    random: { green: { yellow: 0.03, red: 0.01 }, yellow: { red: 0.02 } },
    valuation: { currency: 'USD', referenceValuePerKg: referenceValues(rng.fork('references')) },
    rules: Array.from({ length: rules }, (_, i) => {
      const when = condition(rng);
      const keys = [...inputKeysOf(when)].slice(0, 3);
      return { id: `rule-${i}`, weight: rng.int(5, 40), explanation: `Rule ${i}: ${keys.map((k) => `${k} {${k}}`).join(', ')}.`, when };
    }),
  };
  const result = validateRuleSet(definition);
  if (!result.ok) throw new Error(`the generated rule set is invalid: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return compileRuleSet(result.ruleSet);
}

export interface BenchCase {
  declaration: DeclarationInput;
  context: RiskContext;
  draw: RandomDraw;
}

const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, CNY: 7.2 };

/** A load of a few kinds of goods split over `count` lines (sizes, colours, models), as a long declaration is. */
function goods(rng: Rng, count: number): GoodsItem[] {
  const currency = rng.weighted([['USD', 6], ['EUR', 2], ['CNY', 2]] as const);
  const kinds = some(rng, GOODS_CATALOGUE, 2, 4);
  return Array.from({ length: count }, (): GoodsItem => {
    const item = rng.pick(kinds);
    const [low, high] = item.usdPerKg;
    // One line in 500 is undervalued (one declaration of 25 here), as a trader hiding value among many lines would do.
    const perKg = (rng.chance(0.002) ? low * 0.3 : low + rng.next() * (high - low)) * PER_USD[currency]!;
    const grossMassKg = Math.round(item.typicalLineKg * rng.lognormal(-1.5, 0.5) * 10) / 10 + 1;
    return { hsCode: item.hsCode, description: item.description, packages: Math.ceil(grossMassKg / item.kgPerPackage), grossMassKg, value: Math.round(grossMassKg * perKg * 100) / 100, currency };
  });
}

/**
 * A party's inspections over the longest window, and each shorter window a share of them, as trailing windows of
 * one history are: most parties have none with findings, a few (the risky ones) several.
 */
function history(rng: Rng) {
  const risky = rng.chance(0.03);
  const inspections = rng.int(0, 20);
  const withFindings = Math.min(inspections, risky ? rng.int(1, 5) : rng.chance(0.02) ? 1 : 0);
  const kind = rng.pick(FINDING_RESULTS);
  const windows: Record<number, HistoryCounts> = {};
  for (const days of WINDOWS) {
    const share = days / WINDOWS[WINDOWS.length - 1]!;
    const found = Math.round(withFindings * share);
    windows[days] = { inspections: Math.max(found, Math.round(inspections * share)), withFindings: found, findings: found === 0 ? {} : { [kind]: found } };
  }
  const ago = rng.chance(0.03) ? rng.int(0, 60) : rng.int(60, 1500);
  const first = new Date(Date.UTC(2026, 4, 1) - ago * 86_400_000).toISOString().slice(0, 10);
  return rng.chance(0.02) ? { windows } : { firstSeen: first, windows };
}

/** `count` declarations of `items` goods lines each, with contexts and draws. */
export function benchCases(count: number, items: number, seed = 'risk-bench'): BenchCase[] {
  const rng = createRng(seed).fork('cases');
  const fleet = generateDemoFleet(rng.fork('fleet'), 500);
  const declarations = generateDemoDeclarations(rng.fork('declarations'), count, { today: TODAY, fleet, gapShare: 0.1 });
  return declarations.map((declaration, i): BenchCase => {
    const r = rng.fork(`case/${i}`);
    const alerts: Partial<Record<(typeof TRIP_ALERT_TYPES)[number], number>> = {};
    for (const type of TRIP_ALERT_TYPES) if (r.chance(0.01)) alerts[type] = r.int(1, 3);
    const context: RiskContext = {
      today: TODAY,
      checkIssues: r.chance(0.05) ? [{ code: r.pick(CHECK_CODES), path: r.pick(['consignee.tin', 'goods[0].hsCode', 'documents']), message: '' }] : [],
      parties: { consignor: history(r), consignee: history(r), carrier: history(r), vehicle: history(r) },
      valuation: { exchangeRates: { EUR: 1.087, CNY: 0.139 } },
    };
    if (r.chance(0.8)) context.trip = { alerts };
    return { declaration: { ...declaration, goods: goods(r, items) }, context, draw: { value: r.next(), keyId: 'bench', scheme: 'bench' } };
  });
}
