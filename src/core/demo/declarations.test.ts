import { describe, expect, it } from 'vitest';
import { Compile } from 'typebox/compile';
import { createRng } from '../random/index.js';
import { validateTin } from '../identity/index.js';
import { checkHsCode } from '../goods/hs-code.js';
import { DeclarationInputSchema, type DeclarationInput } from '../model/index.js';
import { findBorderCrossing, findCustomsOffice } from '../reference/index.js';
import { generateDemoFleet } from './fleet.js';
import { isValidImei } from './imei.js';
import { DEMO_GAPS, generateDemoDeclarations, generateDemoSet, type DemoContext } from './declarations.js';
import { DEMO_ROUTES } from './routes.js';

const COUNT = 400;

function setup(seed: string | number) {
  const rng = createRng(seed);
  const fleet = generateDemoFleet(rng.fork('fleet'), 1000);
  const context: DemoContext = { today: '2025-11-20', fleet };
  return { rng, fleet, context, set: generateDemoSet(rng.fork('declarations'), COUNT, context) };
}

const { fleet, context, set } = setup('corridor-demo');
const fleetIds = new Set(fleet.map((d) => d.id));
const complete = set.filter((d) => d.gap === null).map((d) => d.input);

const invoice = (input: DeclarationInput) => input.documents.find((d) => d.type === 'invoice')!;
const goodsCents = (input: DeclarationInput) => input.goods.reduce((sum, g) => sum + Math.round(g.value * 100), 0);

describe('generateDemoDeclarations', () => {
  it('gives the same declarations for the same seed, and others for another', () => {
    expect(setup('corridor-demo').set).toEqual(set);
    expect(setup('another-seed').set).not.toEqual(set);
    const again = createRng('corridor-demo');
    expect(generateDemoDeclarations(again.fork('declarations'), COUNT, context)).toEqual(set.map((d) => d.input));
  });

  it('keeps the first declarations unchanged when more are asked for', () => {
    const rng = createRng('corridor-demo');
    const fewer = generateDemoSet(rng.fork('declarations'), 50, context);
    expect(fewer).toEqual(set.slice(0, 50));
  });

  it('fits the declaration schema, gaps included, with unique references', () => {
    const validator = Compile(DeclarationInputSchema);
    for (const { input } of set) expect([...validator.Errors(input)], input.reference).toEqual([]);
    expect(new Set(set.map((d) => d.input.reference)).size).toBe(COUNT);
  });

  it('gives about a quarter of the declarations one gap, every kind of gap present', () => {
    const share = set.filter((d) => d.gap !== null).length / COUNT;
    expect(share).toBeGreaterThan(0.18);
    expect(share).toBeLessThan(0.32);
    for (const gap of DEMO_GAPS) expect(set.some((d) => d.gap === gap), gap).toBe(true);
  });

  it('uses every route and the consignor and recipient countries of the corridor', () => {
    const routes = new Set(set.map((d) => d.route));
    expect(routes.size).toBeGreaterThan(DEMO_ROUTES.length * 0.8);
    expect(new Set(set.map((d) => d.input.consignor.country))).toEqual(new Set(['CN', 'KG', 'KZ', 'TR', 'UZ']));
    expect(new Set(set.map((d) => d.input.consignee.country))).toEqual(new Set(['RU', 'KZ']));
  });
});

describe('complete demo declarations', () => {
  it('identify every party with a valid taxpayer number', () => {
    for (const input of complete) {
      for (const party of [input.consignor, input.consignee, input.carrier]) {
        expect(validateTin(party.country, party.tin ?? '').valid, `${input.reference} ${party.country} ${party.tin}`).toBe(true);
      }
    }
  });

  it('carry 1 to 8 goods lines with existing codes, positive masses and values, and a truck-sized load', () => {
    for (const input of complete) {
      expect(input.goods.length).toBeGreaterThanOrEqual(1);
      expect(input.goods.length).toBeLessThanOrEqual(8);
      let mass = 0;
      for (const item of input.goods) {
        expect(checkHsCode(item.hsCode), item.hsCode).toEqual([]);
        expect(item.grossMassKg).toBeGreaterThan(0);
        expect(item.value).toBeGreaterThan(0);
        expect(Number.isInteger(item.packages) && item.packages > 0).toBe(true);
        expect(item.currency).toBe(input.goods[0]!.currency);
        mass += item.grossMassKg;
      }
      expect(mass).toBeLessThanOrEqual(20_001);
    }
    const chapters = new Set(complete.flatMap((d) => d.goods.map((g) => g.hsCode.slice(0, 2))));
    for (const chapter of ['61', '62', '64', '84', '85']) expect(chapters.has(chapter), chapter).toBe(true);
  });

  it('have an invoice whose total is the goods’ total, a CMR, and documents dated before the demo day', () => {
    for (const input of complete) {
      expect(Math.round(invoice(input).amount! * 100)).toBe(goodsCents(input));
      expect(invoice(input).currency).toBe(input.goods[0]!.currency);
      expect(input.documents.some((d) => d.type === 'cmr')).toBe(true);
      for (const doc of input.documents) expect(doc.date <= context.today, doc.date).toBe(true);
    }
  });

  it('go between known offices through a known crossing that joins the destination’s country', () => {
    for (const input of complete) {
      const departure = findCustomsOffice(input.officeOfDeparture)!;
      const destination = findCustomsOffice(input.officeOfDestination)!;
      const crossing = findBorderCrossing(input.borderCrossing)!;
      expect(departure).toBeDefined();
      expect(destination).toBeDefined();
      expect(crossing.countries).toContain(destination.country);
      expect(input.consignee.country).toBe(destination.country);
      const line = input.plannedRoute!.coordinates;
      expect(line[0]).toEqual([departure.location.lon, departure.location.lat]);
      expect(line[line.length - 1]).toEqual([destination.location.lon, destination.location.lat]);
      expect(line).toContainEqual([crossing.location.lon, crossing.location.lat]);
    }
  });

  it('are sealed with available devices of the fleet', () => {
    const available = new Set(fleet.filter((d) => d.state === 'available').map((d) => d.id));
    for (const input of complete) {
      expect(input.seals.length).toBeGreaterThanOrEqual(1);
      for (const seal of input.seals) {
        expect(isValidImei(seal)).toBe(true);
        expect(available.has(seal)).toBe(true);
      }
    }
  });
});

describe('demo gaps', () => {
  const withGap = (gap: string) => set.filter((d) => d.gap === gap).map((d) => d.input);

  it('are each the defect they are named for', () => {
    for (const input of withGap('cmr_missing')) expect(input.documents.some((d) => d.type === 'cmr')).toBe(false);
    for (const input of withGap('consignee_tin_check_digit')) {
      const result = validateTin(input.consignee.country, input.consignee.tin!);
      expect(result.valid).toBe(false);
      expect(result.issues.map((i) => i.code)).toContain('TIN_CHECK_DIGIT');
    }
    for (const input of withGap('consignee_tin_missing')) expect(input.consignee.tin).toBeUndefined();
    for (const input of withGap('invoice_total_mismatch')) {
      expect(Math.abs(invoice(input).amount! * 100 - goodsCents(input))).toBeGreaterThan(goodsCents(input) * 0.04);
    }
    for (const input of withGap('hs_code_nonexistent')) {
      expect(input.goods.some((g) => g.hsCode.startsWith('77') && checkHsCode(g.hsCode).length > 0)).toBe(true);
    }
    for (const input of withGap('gross_mass_zero')) expect(input.goods.some((g) => g.grossMassKg === 0)).toBe(true);
    for (const input of withGap('seal_unknown')) {
      expect(input.seals.some((s) => !fleetIds.has(s))).toBe(true);
      expect(input.seals.every(isValidImei)).toBe(true);
    }
  });

  it('can be switched off', () => {
    const rng = createRng('no-gaps');
    const none = generateDemoSet(rng, 100, { ...context, gapShare: 0 });
    expect(none.every((d) => d.gap === null)).toBe(true);
  });

  it('refuse a malformed day and a fleet with nothing to arm', () => {
    expect(() => generateDemoSet(createRng(1), 1, { ...context, today: '2025-13-01' })).toThrow(RangeError);
    expect(() => generateDemoSet(createRng(1), 1, { ...context, fleet: [] })).toThrow(RangeError);
  });
});
