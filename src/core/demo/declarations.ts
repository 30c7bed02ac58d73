/**
 * Demo transit declarations: a few hundred trucks along the corridor's real routes, most complete and about a
 * quarter with one of the gaps the 2025 backlog was made of, so that the checks, the risk rules and the queue
 * have something true to the field to work on.
 *
 * Each declaration is drawn from its own substream (`declarations/<n>`), so asking for more declarations keeps
 * the first ones unchanged, and the same generator state always gives the same set.
 */
import type { Rng } from '../random/index.js';
import type { DeclarationInput, GoodsItem, TransportDocument } from '../model/declaration.js';
import type { LatLon, LineString } from '../model/geo.js';
import type { CountryCode } from '../model/parties.js';
import type { SealDevice } from '../model/devices.js';
import { findBorderCrossing, findCustomsOffice } from '../reference/index.js';
import { catalogueFor, type CatalogueItem } from './goods-catalogue.js';
import { DEMO_ROUTES, type DemoRoute, type Waypoint } from './routes.js';
import { generateDemoParties, type DemoCarrier, type DemoParties } from './parties.js';
import { withWrongCheckDigit } from './taxpayer-numbers.js';
import { generateImei } from './imei.js';
import { addDays } from './dates.js';

/** The realistic ways a declaration of the backlog was incomplete or wrong. */
export const DEMO_GAPS = [
  'cmr_missing',
  'consignee_tin_check_digit',
  'consignee_tin_missing',
  'invoice_total_mismatch',
  'hs_code_nonexistent',
  'gross_mass_zero',
  'seal_unknown',
] as const;
export type DemoGap = (typeof DEMO_GAPS)[number];

export interface DemoContext {
  /** The day the demo is set on, `YYYY-MM-DD`: documents are dated in the days before it. */
  today: string;
  /** The seal devices the declarations arm: seals are drawn from the available ones; `seal_unknown` uses another. */
  fleet: readonly SealDevice[];
  /** Share of declarations given one gap; 0.25 unless told. */
  gapShare?: number;
  /** Prefix of the declarants' references; `DEMO` unless told. */
  referencePrefix?: string;
}

export interface DemoDeclaration {
  input: DeclarationInput;
  /** The gap put in on purpose, or null for a complete declaration. */
  gap: DemoGap | null;
  route: string;
}

const MAX_TRUCK_GROSS_KG = 20_000;

// How many goods lines a truck carries: mostly a few, sometimes a mixed load of up to eight.
const LINE_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [1, 30], [2, 22], [3, 16], [4, 11], [5, 8], [6, 6], [7, 4], [8, 3],
];

const round1 = (x: number): number => Math.round(x * 10) / 10;

function currencyFor(rng: Rng, consignorCountry: CountryCode): string {
  if (consignorCountry === 'CN') return rng.chance(0.2) ? 'CNY' : 'USD';
  if (consignorCountry === 'TR') return rng.chance(0.5) ? 'EUR' : 'USD';
  return 'USD';
}

// Rough units per US dollar, only to keep demo values of the same goods in the same range across currencies.
const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, CNY: 7.2 };

/** Goods lines whose values are in whole cents, so the invoice total is their exact sum. */
function goodsFor(rng: Rng, consignorCountry: CountryCode, currency: string): { goods: GoodsItem[]; totalCents: number } {
  const catalogue = catalogueFor(consignorCountry);
  const picks: CatalogueItem[] = [];
  const first = rng.pick(catalogue);
  picks.push(first);
  // A full load of fruit or tiles travels alone; other goods are often mixed.
  if (first.typicalLineKg < 15_000) {
    const wanted = rng.weighted(LINE_COUNTS);
    const mixable = catalogue.filter((item) => item.typicalLineKg < 15_000);
    for (const item of rng.shuffle(mixable)) {
      if (picks.length >= wanted) break;
      if (!picks.includes(item)) picks.push(item);
    }
  }
  const masses = picks.map((item) => item.typicalLineKg * rng.lognormal(0, 0.35));
  const total = masses.reduce((a, b) => a + b, 0);
  const scale = total > MAX_TRUCK_GROSS_KG ? MAX_TRUCK_GROSS_KG / total : 1;
  let totalCents = 0;
  const goods = picks.map((item, i): GoodsItem => {
    const grossMassKg = Math.max(1, round1(masses[i]! * scale));
    const [low, high] = item.usdPerKg;
    const perKg = (low + rng.next() * (high - low)) * (PER_USD[currency] ?? 1);
    const cents = Math.round(grossMassKg * perKg * 100);
    totalCents += cents;
    return {
      hsCode: item.hsCode,
      description: item.description,
      packages: Math.max(1, Math.ceil(grossMassKg / item.kgPerPackage)),
      grossMassKg,
      value: cents / 100,
      currency,
    };
  });
  return { goods, totalCents };
}

function carrierCountry(rng: Rng, route: DemoRoute, consignorCountry: CountryCode): CountryCode {
  const departureCountry = findCustomsOffice(route.departure)!.country;
  if (consignorCountry === 'UZ') return rng.chance(0.7) ? 'UZ' : 'KZ';
  if (consignorCountry === 'TR') return rng.chance(0.5) ? 'TR' : 'RU';
  if (departureCountry === 'KG') return rng.weighted([['KG', 60], ['KZ', 25], ['RU', 15]] as const);
  return rng.weighted([['KZ', 60], ['RU', 40]] as const);
}

function toPoint(place: Waypoint | { crossing: string }): LatLon {
  if ('crossing' in place) return findBorderCrossing(place.crossing)!.location;
  return { lat: place[1], lon: place[2] };
}

/** The planned route: a polyline from the office of departure through every town and crossing to the destination. */
export function plannedRoute(route: DemoRoute): LineString {
  const points: LatLon[] = [
    findCustomsOffice(route.departure)!.location,
    ...route.via.map(toPoint),
    findBorderCrossing(route.crossing)!.location,
    ...route.after.map(toPoint),
    findCustomsOffice(route.destination)!.location,
  ];
  return { type: 'LineString', coordinates: points.map((p) => [p.lon, p.lat]) };
}

function documentsFor(rng: Rng, today: string, index: number, currency: string, totalCents: number, consignorCountry: CountryCode, carrierCountryCode: CountryCode): TransportDocument[] {
  const year = today.slice(0, 4);
  const invoiceDay = addDays(today, -rng.int(3, 20));
  const documents: TransportDocument[] = [
    { type: 'invoice', number: `INV-${year}-${String(rng.int(100, 99_999)).padStart(5, '0')}`, date: invoiceDay, amount: totalCents / 100, currency },
    { type: 'cmr', number: `CMR-${carrierCountryCode}-${String(rng.int(0, 9_999_999)).padStart(7, '0')}`, date: addDays(today, -rng.int(0, 3)) },
  ];
  if (rng.chance(0.5)) documents.push({ type: 'packing_list', number: `PL-${year}-${String(index + 1).padStart(5, '0')}`, date: invoiceDay });
  if (consignorCountry !== 'KG' && consignorCountry !== 'KZ' && rng.chance(0.35)) {
    documents.push({ type: 'certificate_of_origin', number: `${consignorCountry}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`, date: invoiceDay });
  }
  return documents;
}

function applyGap(rng: Rng, gap: DemoGap, input: DeclarationInput, fleetIds: ReadonlySet<string>): void {
  switch (gap) {
    case 'cmr_missing':
      input.documents = input.documents.filter((d) => d.type !== 'cmr');
      break;
    case 'consignee_tin_check_digit':
      input.consignee = { ...input.consignee, tin: withWrongCheckDigit(rng, input.consignee.tin!) };
      break;
    case 'consignee_tin_missing': {
      // The final recipient is not identified: the name stays, the number is absent.
      const { tin: _tin, ...rest } = input.consignee;
      input.consignee = rest;
      break;
    }
    case 'invoice_total_mismatch': {
      const invoice = input.documents.find((d) => d.type === 'invoice')!;
      const factor = rng.chance(0.5) ? 1 - rng.next() * 0.25 - 0.05 : 1 + rng.next() * 0.25 + 0.05;
      invoice.amount = Math.round(invoice.amount! * factor * 100) / 100;
      break;
    }
    case 'hs_code_nonexistent': {
      const item = rng.pick(input.goods);
      // Chapter 77 is reserved in the HS and holds no goods.
      item.hsCode = `77${String(rng.int(1, 99)).padStart(2, '0')}${String(rng.int(0, 99)).padStart(2, '0')}`;
      break;
    }
    case 'gross_mass_zero':
      rng.pick(input.goods).grossMassKg = 0;
      break;
    case 'seal_unknown': {
      let id = generateImei(rng);
      while (fleetIds.has(id)) id = generateImei(rng);
      input.seals = [id, ...input.seals.slice(1)];
      break;
    }
  }
}

function pickCarrier(rng: Rng, parties: DemoParties, country: CountryCode): DemoCarrier {
  return rng.pick(parties.carriers.get(country)!);
}

/** Declarations with the gap each was given; see generateDemoDeclarations. */
export function generateDemoSet(rng: Rng, count: number, context: DemoContext): DemoDeclaration[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a declaration count is a whole number >= 0, got ${count}`);
  addDays(context.today, 0); // rejects a malformed day before anything is generated
  const gapShare = context.gapShare ?? 0.25;
  const prefix = context.referencePrefix ?? 'DEMO';
  const parties = generateDemoParties(rng.fork('parties'));
  const fleetIds = new Set(context.fleet.map((d) => d.id));
  const sealPool = rng.fork('seals').shuffle(context.fleet.filter((d) => d.state === 'available').map((d) => d.id));
  if (sealPool.length === 0 && count > 0) throw new RangeError('the demo fleet has no available seal device to arm');

  const out: DemoDeclaration[] = [];
  for (let index = 0; index < count; index++) {
    const r = rng.fork(`declarations/${index}`);
    const route = r.weighted(DEMO_ROUTES.map((route) => [route, route.weight] as const));
    const consignorCountry = r.pick(route.consignors);
    const consigneeCountry = findCustomsOffice(route.destination)!.country;
    const consignor = r.pick(parties.consignors.get(consignorCountry)!);
    const consignee = r.pick(parties.consignees.get(consigneeCountry)!);
    const haulier = pickCarrier(r, parties, carrierCountry(r, route, consignorCountry));
    const truck = r.int(0, haulier.vehicles.length - 1);
    const currency = currencyFor(r, consignorCountry);
    const { goods, totalCents } = goodsFor(r, consignorCountry, currency);
    // Two pool slots per declaration, so each one's seals do not depend on how many the others took.
    const sealCount = r.chance(0.3) ? 2 : 1;
    const seals = Array.from({ length: sealCount }, (_, k) => sealPool[(2 * index + k) % sealPool.length]!);

    const input: DeclarationInput = {
      reference: `${prefix}-${String(index + 1).padStart(6, '0')}`,
      // The demo is the transit backlog at the Kazakh and Kyrgyz borders.
      procedure: 'transit',
      consignor: { ...consignor },
      consignee: { ...consignee },
      carrier: { ...haulier.party },
      vehicle: { ...haulier.vehicles[truck]! },
      driver: { ...haulier.drivers[truck]! },
      goods,
      documents: documentsFor(r, context.today, index, currency, totalCents, consignorCountry, haulier.party.country),
      officeOfDeparture: route.departure,
      borderCrossing: route.crossing,
      officeOfDestination: route.destination,
      plannedRoute: plannedRoute(route),
      seals,
    };
    const gap = r.chance(gapShare) ? r.pick(DEMO_GAPS) : null;
    if (gap !== null) applyGap(r, gap, input, fleetIds);
    out.push({ input, gap, route: route.id });
  }
  return out;
}

/**
 * `count` demo declarations for `context.today`: consignors in China, Kyrgyzstan, Kazakhstan, Türkiye and
 * Uzbekistan, final recipients in Russia and Kazakhstan with valid taxpayer numbers, and about a quarter with one
 * realistic gap (generateDemoSet says which).
 */
export function generateDemoDeclarations(rng: Rng, count: number, context: DemoContext): DeclarationInput[] {
  return generateDemoSet(rng, count, context).map((d) => d.input);
}
