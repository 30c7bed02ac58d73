import { describe, it, expect } from 'vitest';
import type { DeclarationInput } from '../model/declaration.js';
import { checkDeclaration, type CheckContext } from './index.js';

const context: CheckContext = {
  offices: new Set(['KZ551000', '10508010', '10216100']),
  crossings: new Set(['KAIRAK-TROITSK', 'ZHANAZHOL-PETUKHOVO']),
  devices: new Set(['ES-000101', 'ES-000102', 'ES-000103']),
};

/** A complete transit: clothing and footwear from Almaty to Moscow region via Kairak – Troitsk. */
function validDeclaration(): DeclarationInput {
  return {
    reference: 'LRN-2026-000184',
    procedure: 'transit',
    // Published identifiers of large companies: a Kazakh BIN, a Russian INN, a Belarusian UNP.
    consignor: { name: 'Almaty Textile Trading LLP', country: 'KZ', tin: '940140000385', address: 'Almaty' },
    consignee: { name: 'Moscow Retail JSC', country: 'RU', tin: '7707083893' },
    carrier: { name: 'Minsk Haulage', country: 'BY', tin: '200988541' },
    vehicle: { plate: '123 ABC 02', country: 'KZ', trailerPlate: '45-ABD 02' },
    driver: { name: 'Driver on duty', country: 'KZ', licenceNumber: 'KZ1234567' },
    goods: [
      { hsCode: '6109100000', description: 'Cotton T-shirts', packages: 120, grossMassKg: 1500.5, value: 12000, currency: 'USD' },
      { hsCode: '640399', description: 'Leather footwear', packages: 40, grossMassKg: 800, value: 8000.25, currency: 'USD' },
    ],
    documents: [
      { type: 'invoice', number: 'INV-77/2026', date: '2026-02-10', amount: 20000.25, currency: 'USD' },
      { type: 'cmr', number: 'CMR 0012345', date: '2026-02-11' },
    ],
    officeOfDeparture: 'KZ551000',
    borderCrossing: 'KAIRAK-TROITSK',
    officeOfDestination: '10508010',
    plannedRoute: { type: 'LineString', coordinates: [[76.95, 43.25], [61.6, 54.1], [37.6, 55.75]] },
    seals: ['ES-000101', 'ES-000102'],
  };
}

type Path = ReadonlyArray<string | number>;

/** A copy of the valid declaration with the value at `path` replaced, or removed when `value` is `REMOVE`. */
const REMOVE = Symbol('remove');
function changed(path: Path, value: unknown): DeclarationInput {
  const copy = validDeclaration() as unknown as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy as unknown as DeclarationInput;
}

function found(input: unknown): Array<{ code: string; path: string }> {
  return checkDeclaration(input as DeclarationInput, context).issues.map(({ code, path }) => ({ code, path }));
}

describe('checkDeclaration', () => {
  it('passes a complete declaration with no issues', () => {
    expect(checkDeclaration(validDeclaration(), context)).toEqual({ complete: true, issues: [] });
  });

  it('passes without the optional parts', () => {
    const input = changed(['driver'], REMOVE);
    delete input.plannedRoute;
    delete input.vehicle.trailerPlate;
    delete input.consignor.address;
    expect(checkDeclaration(input, context).issues).toEqual([]);
  });

  it.each<[string, Path, unknown, string, string]>([
    ['a missing reference', ['reference'], REMOVE, 'FIELD_REQUIRED', 'reference'],
    ['a blank reference', ['reference'], '   ', 'FIELD_REQUIRED', 'reference'],
    ['a numeric reference', ['reference'], 184, 'FIELD_TYPE', 'reference'],
    ['a missing consignee', ['consignee'], REMOVE, 'FIELD_REQUIRED', 'consignee'],
    ['a consignee that is text', ['consignee'], 'Moscow Retail', 'FIELD_TYPE', 'consignee'],
    ['a missing customs procedure', ['procedure'], REMOVE, 'FIELD_REQUIRED', 'procedure'],
    ['a customs procedure no rule knows', ['procedure'], 'import', 'PROCEDURE_INVALID', 'procedure'],
    ['a customs procedure as a number', ['procedure'], 80, 'FIELD_TYPE', 'procedure'],
    ["a blank consignor's name", ['consignor', 'name'], '', 'FIELD_REQUIRED', 'consignor.name'],
    ["a carrier's name as a number", ['carrier', 'name'], 7, 'FIELD_TYPE', 'carrier.name'],
    ["a missing consignee's country", ['consignee', 'country'], REMOVE, 'FIELD_REQUIRED', 'consignee.country'],
    ['a country that does not exist', ['consignee', 'country'], 'XX', 'COUNTRY_INVALID', 'consignee.country'],
    ['a country in lower case', ['carrier', 'country'], 'by', 'COUNTRY_INVALID', 'carrier.country'],
    ['a three-letter country', ['consignor', 'country'], 'KAZ', 'COUNTRY_INVALID', 'consignor.country'],
    ["a missing consignor's TIN", ['consignor', 'tin'], REMOVE, 'FIELD_REQUIRED', 'consignor.tin'],
    ["a consignee's INN with a wrong check digit", ['consignee', 'tin'], '7707083894', 'TIN_CHECK_DIGIT', 'consignee.tin'],
    ["a consignor's BIN of the wrong length", ['consignor', 'tin'], '94014000038', 'TIN_LENGTH', 'consignor.tin'],
    ["a carrier's UNP with a wrong check digit", ['carrier', 'tin'], '200988542', 'TIN_CHECK_DIGIT', 'carrier.tin'],
    ["a carrier's TIN with letters", ['carrier', 'tin'], '2009885A1', 'TIN_FORMAT', 'carrier.tin'],
    ['a party address as a number', ['consignor', 'address'], 5, 'FIELD_TYPE', 'consignor.address'],
    ['a missing vehicle', ['vehicle'], REMOVE, 'FIELD_REQUIRED', 'vehicle'],
    ['a missing plate', ['vehicle', 'plate'], REMOVE, 'FIELD_REQUIRED', 'vehicle.plate'],
    ['a one-character plate', ['vehicle', 'plate'], 'A', 'PLATE_INVALID', 'vehicle.plate'],
    ['a plate with punctuation', ['vehicle', 'plate'], '123#ABC', 'PLATE_INVALID', 'vehicle.plate'],
    ['a plate too long', ['vehicle', 'plate'], 'ABCDEFGHIJ1234', 'PLATE_INVALID', 'vehicle.plate'],
    ['an implausible trailer plate', ['vehicle', 'trailerPlate'], '!!', 'PLATE_INVALID', 'vehicle.trailerPlate'],
    ["a missing vehicle's country", ['vehicle', 'country'], REMOVE, 'FIELD_REQUIRED', 'vehicle.country'],
    ["a vehicle's country that does not exist", ['vehicle', 'country'], 'QQ', 'COUNTRY_INVALID', 'vehicle.country'],
    ['a driver that is text', ['driver'], 'someone', 'FIELD_TYPE', 'driver'],
    ["a blank driver's name", ['driver', 'name'], ' ', 'FIELD_REQUIRED', 'driver.name'],
    ["a driver's country that does not exist", ['driver', 'country'], 'ZZ', 'COUNTRY_INVALID', 'driver.country'],
    ['no goods', ['goods'], [], 'GOODS_EMPTY', 'goods'],
    ['missing goods', ['goods'], REMOVE, 'GOODS_EMPTY', 'goods'],
    ['goods that are not a list', ['goods'], { hsCode: '610910' }, 'FIELD_TYPE', 'goods'],
    ['a goods item that is not an object', ['goods', 1], 'shoes', 'FIELD_TYPE', 'goods[1]'],
    ['a missing goods code', ['goods', 1, 'hsCode'], REMOVE, 'FIELD_REQUIRED', 'goods[1].hsCode'],
    ['a goods code in the reserved chapter', ['goods', 1, 'hsCode'], '770000', 'HS_CHAPTER', 'goods[1].hsCode'],
    ['a goods code of 8 digits', ['goods', 0, 'hsCode'], '61091000', 'HS_LENGTH', 'goods[0].hsCode'],
    ['a goods code with spaces', ['goods', 0, 'hsCode'], '6109 10 000 0', 'HS_FORMAT', 'goods[0].hsCode'],
    ['a goods code as a number', ['goods', 0, 'hsCode'], 610910, 'FIELD_TYPE', 'goods[0].hsCode'],
    ['a blank description', ['goods', 0, 'description'], '', 'FIELD_REQUIRED', 'goods[0].description'],
    ['zero packages', ['goods', 0, 'packages'], 0, 'GOODS_PACKAGES_INVALID', 'goods[0].packages'],
    ['a fraction of a package', ['goods', 0, 'packages'], 2.5, 'GOODS_PACKAGES_INVALID', 'goods[0].packages'],
    ['packages as text', ['goods', 0, 'packages'], '120', 'FIELD_TYPE', 'goods[0].packages'],
    ['a missing gross mass', ['goods', 1, 'grossMassKg'], REMOVE, 'FIELD_REQUIRED', 'goods[1].grossMassKg'],
    ['a negative gross mass', ['goods', 1, 'grossMassKg'], -5, 'GOODS_MASS_INVALID', 'goods[1].grossMassKg'],
    ['an infinite gross mass', ['goods', 1, 'grossMassKg'], Infinity, 'GOODS_MASS_INVALID', 'goods[1].grossMassKg'],
    ['a gross mass that is not a number', ['goods', 1, 'grossMassKg'], Number.NaN, 'GOODS_MASS_INVALID', 'goods[1].grossMassKg'],
    ['a zero value', ['goods', 0, 'value'], 0, 'GOODS_VALUE_INVALID', 'goods[0].value'],
    ['an unknown currency', ['goods', 0, 'currency'], 'XYZ', 'CURRENCY_INVALID', 'goods[0].currency'],
    ['a withdrawn currency', ['goods', 0, 'currency'], 'BYR', 'CURRENCY_INVALID', 'goods[0].currency'],
    ['documents that are not a list', ['documents'], 'invoice', 'FIELD_TYPE', 'documents'],
    ['a document that is not an object', ['documents', 1], null, 'FIELD_TYPE', 'documents[1]'],
    ['an unknown document type', ['documents', 1, 'type'], 'waybill', 'DOCUMENT_TYPE_INVALID', 'documents[1].type'],
    ['a blank document number', ['documents', 1, 'number'], '', 'FIELD_REQUIRED', 'documents[1].number'],
    ['a missing document date', ['documents', 1, 'date'], REMOVE, 'FIELD_REQUIRED', 'documents[1].date'],
    ['a date in another format', ['documents', 1, 'date'], '11.02.2026', 'DOCUMENT_DATE_INVALID', 'documents[1].date'],
    ['a date that does not exist', ['documents', 1, 'date'], '2026-02-30', 'DOCUMENT_DATE_INVALID', 'documents[1].date'],
    ['an absurd year', ['documents', 1, 'date'], '0206-02-11', 'DOCUMENT_DATE_INVALID', 'documents[1].date'],
    ['a date with a time', ['documents', 1, 'date'], '2026-02-11T10:00', 'DOCUMENT_DATE_INVALID', 'documents[1].date'],
    ['a negative invoice amount', ['documents', 0, 'amount'], -1, 'DOCUMENT_AMOUNT_INVALID', 'documents[0].amount'],
    ['an invoice amount as text', ['documents', 0, 'amount'], '20000', 'FIELD_TYPE', 'documents[0].amount'],
    ['an unknown invoice currency', ['documents', 0, 'currency'], 'usd', 'CURRENCY_INVALID', 'documents[0].currency'],
    ['an invoice total far from the goods', ['documents', 0, 'amount'], 25000, 'INVOICE_TOTAL_MISMATCH', 'documents[0].amount'],
    ['an invoice in another currency than the goods', ['documents', 0, 'currency'], 'EUR', 'INVOICE_TOTAL_MISMATCH', 'documents[0].amount'],
    ['a missing office of departure', ['officeOfDeparture'], REMOVE, 'FIELD_REQUIRED', 'officeOfDeparture'],
    ['an unknown office of departure', ['officeOfDeparture'], 'KZ000000', 'OFFICE_UNKNOWN', 'officeOfDeparture'],
    ['an unknown office of destination', ['officeOfDestination'], '99999999', 'OFFICE_UNKNOWN', 'officeOfDestination'],
    ['the same office at both ends', ['officeOfDestination'], 'KZ551000', 'OFFICES_SAME', 'officeOfDestination'],
    ['a missing border crossing', ['borderCrossing'], REMOVE, 'FIELD_REQUIRED', 'borderCrossing'],
    ['an unknown border crossing', ['borderCrossing'], 'KORDAY-AKZHOL', 'CROSSING_UNKNOWN', 'borderCrossing'],
    ['a route that is not an object', ['plannedRoute'], 'Almaty-Moscow', 'FIELD_TYPE', 'plannedRoute'],
    ['a route of another geometry', ['plannedRoute', 'type'], 'Polygon', 'ROUTE_INVALID', 'plannedRoute.type'],
    ['a route without coordinates', ['plannedRoute', 'coordinates'], REMOVE, 'FIELD_TYPE', 'plannedRoute.coordinates'],
    ['a route of one point', ['plannedRoute', 'coordinates'], [[76.95, 43.25]], 'ROUTE_INVALID', 'plannedRoute.coordinates'],
    ['a latitude beyond the pole', ['plannedRoute', 'coordinates', 1], [61.6, 94.1], 'ROUTE_COORDINATE_INVALID', 'plannedRoute.coordinates[1]'],
    ['a point as text', ['plannedRoute', 'coordinates', 2], '37.6,55.75', 'ROUTE_COORDINATE_INVALID', 'plannedRoute.coordinates[2]'],
    ['a point with text coordinates', ['plannedRoute', 'coordinates', 0], ['76.95', '43.25'], 'ROUTE_COORDINATE_INVALID', 'plannedRoute.coordinates[0]'],
    ['no seals', ['seals'], [], 'SEALS_EMPTY', 'seals'],
    ['missing seals', ['seals'], REMOVE, 'SEALS_EMPTY', 'seals'],
    ['seals that are not a list', ['seals'], 'ES-000101', 'FIELD_TYPE', 'seals'],
    ['an unregistered seal', ['seals', 1], 'ES-999999', 'SEAL_UNKNOWN', 'seals[1]'],
    ['a seal named twice', ['seals', 1], 'ES-000101', 'SEAL_DUPLICATE', 'seals[1]'],
    ['a blank seal', ['seals', 1], '  ', 'FIELD_REQUIRED', 'seals[1]'],
    ['a seal as a number', ['seals', 0], 101, 'FIELD_TYPE', 'seals[0]'],
  ])('reports %s', (_name, path, value, code, issuePath) => {
    const result = checkDeclaration(changed(path, value), context);
    expect(result.complete).toBe(false);
    expect(result.issues.map(({ code, path }) => ({ code, path }))).toContainEqual({ code, path: issuePath });
    for (const each of result.issues) expect(each.message).toMatch(/^[A-Z].*[.?]$/);
  });

  it('reports exactly the one issue a single mistake causes', () => {
    expect(found(changed(['consignee', 'tin'], '7707083894'))).toEqual([{ code: 'TIN_CHECK_DIGIT', path: 'consignee.tin' }]);
    expect(found(changed(['goods', 1, 'grossMassKg'], 0))).toEqual([{ code: 'GOODS_MASS_INVALID', path: 'goods[1].grossMassKg' }]);
    expect(found(changed(['seals', 1], 'ES-000101'))).toEqual([{ code: 'SEAL_DUPLICATE', path: 'seals[1]' }]);
  });

  it('names both totals in an invoice mismatch', () => {
    const [issue] = checkDeclaration(changed(['documents', 0, 'amount'], 25000), context).issues;
    expect(issue?.message).toBe('The invoice total is 25000 USD, but the goods valued in USD total 20000.25.');
  });

  it('tolerates invoice differences of 1 % or 1 unit', () => {
    expect(found(changed(['documents', 0, 'amount'], 20000.25 * 1.0099))).toEqual([]);
    expect(found(changed(['documents', 0, 'amount'], 20000.25 * 0.9901))).toEqual([]);
    expect(found(changed(['documents', 0, 'amount'], 20000.25 * 1.02))).toHaveLength(1);
    const small = validDeclaration();
    small.goods = [{ hsCode: '610910', description: 'Samples', packages: 1, grossMassKg: 2, value: 10, currency: 'EUR' }];
    small.documents[0] = { type: 'invoice', number: '1', date: '2026-02-10', amount: 10.9, currency: 'EUR' };
    expect(found(small)).toEqual([]);
    small.documents[0].amount = 11.2;
    expect(found(small)).toEqual([{ code: 'INVOICE_TOTAL_MISMATCH', path: 'documents[0].amount' }]);
  });

  it('sums several invoices of one currency against the goods', () => {
    const split = validDeclaration();
    split.documents = [
      { type: 'invoice', number: 'A', date: '2026-02-10', amount: 12000, currency: 'USD' },
      { type: 'invoice', number: 'B', date: '2026-02-10', amount: 8000.25, currency: 'USD' },
      { type: 'cmr', number: 'C', date: '2026-02-11' },
    ];
    expect(found(split)).toEqual([]);
    split.documents[1] = { ...split.documents[1]!, amount: 9000 };
    const [issue] = checkDeclaration(split, context).issues;
    expect(issue).toMatchObject({ code: 'INVOICE_TOTAL_MISMATCH', path: 'documents' });
    expect(issue?.message).toBe('The invoices in USD total 21000, but the goods valued in USD total 20000.25.');
  });

  it('does not compare totals when a goods value is unusable', () => {
    expect(found(changed(['goods', 0, 'value'], -12000))).toEqual([{ code: 'GOODS_VALUE_INVALID', path: 'goods[0].value' }]);
    expect(found(changed(['goods', 0, 'currency'], 'US$'))).toEqual([{ code: 'CURRENCY_INVALID', path: 'goods[0].currency' }]);
  });

  it('says which document is missing', () => {
    const input = validDeclaration();
    input.documents = input.documents.filter((d) => d.type !== 'cmr');
    expect(checkDeclaration(input, context).issues).toEqual([
      { code: 'DOCUMENT_MISSING', path: 'documents', message: 'The documents must include a CMR waybill (type cmr).' },
    ]);
  });

  it('does not test a taxpayer number against a country that does not exist', () => {
    expect(found(changed(['consignee', 'country'], 'XX'))).toEqual([{ code: 'COUNTRY_INVALID', path: 'consignee.country' }]);
  });

  it("tests a foreign party's number for plausibility only", () => {
    const input = changed(['consignor'], { name: 'Shenzhen Electronics Co.', country: 'CN', tin: '91440300MA5G0XXXXX' });
    expect(found(input)).toEqual([]);
    expect(found(changed(['consignor'], { name: 'X', country: 'CN', tin: 'ΑΒΓ' }))).toEqual([{ code: 'TIN_FORMAT', path: 'consignor.tin' }]);
  });

  it('checks goods codes against the nomenclature when one is given', () => {
    const withNomenclature: CheckContext = { ...context, nomenclature: new Set(['6109100000', '640399', '8471300000']) };
    expect(checkDeclaration(validDeclaration(), withNomenclature).issues).toEqual([]);
    const input = changed(['goods', 0, 'hsCode'], '6109900000');
    expect(checkDeclaration(input, withNomenclature).issues.map((i) => [i.code, i.path])).toEqual([
      ['HS_SUBHEADING_UNKNOWN', 'goods[0].hsCode'],
    ]);
  });

  it('lists every gap of a nearly empty declaration', () => {
    expect(found({})).toEqual([
      { code: 'FIELD_REQUIRED', path: 'reference' },
      { code: 'FIELD_REQUIRED', path: 'procedure' },
      { code: 'FIELD_REQUIRED', path: 'consignor' },
      { code: 'FIELD_REQUIRED', path: 'consignee' },
      { code: 'FIELD_REQUIRED', path: 'carrier' },
      { code: 'FIELD_REQUIRED', path: 'vehicle' },
      { code: 'GOODS_EMPTY', path: 'goods' },
      { code: 'DOCUMENT_MISSING', path: 'documents' },
      { code: 'DOCUMENT_MISSING', path: 'documents' },
      { code: 'FIELD_REQUIRED', path: 'officeOfDeparture' },
      { code: 'FIELD_REQUIRED', path: 'borderCrossing' },
      { code: 'FIELD_REQUIRED', path: 'officeOfDestination' },
      { code: 'SEALS_EMPTY', path: 'seals' },
    ]);
  });

  it('lists every gap of a declaration with many mistakes', () => {
    const input = {
      reference: 'R-1',
      procedure: 'export',
      consignor: { name: '', country: 'KZ', tin: '940140000386' },
      consignee: { name: 'Recipient', country: 'RU' },
      carrier: { name: 'Carrier', country: 'Belarus', tin: '200988541' },
      vehicle: { plate: 'X', country: 'KZ' },
      goods: [{ hsCode: '7701', description: '', packages: 0, grossMassKg: 10, value: 5, currency: 'usd' }, 'extra'],
      documents: [{ type: 'invoice', number: '', date: '2026-13-01' }],
      officeOfDeparture: 'KZ551000',
      borderCrossing: 'NOWHERE',
      officeOfDestination: 'KZ551000',
      seals: ['ES-000101', 'ES-000101', 'GPS-1'],
    };
    expect(found(input)).toEqual([
      { code: 'FIELD_REQUIRED', path: 'consignor.name' },
      { code: 'TIN_CHECK_DIGIT', path: 'consignor.tin' },
      { code: 'FIELD_REQUIRED', path: 'consignee.tin' },
      { code: 'COUNTRY_INVALID', path: 'carrier.country' },
      { code: 'PLATE_INVALID', path: 'vehicle.plate' },
      { code: 'HS_LENGTH', path: 'goods[0].hsCode' },
      { code: 'FIELD_REQUIRED', path: 'goods[0].description' },
      { code: 'GOODS_PACKAGES_INVALID', path: 'goods[0].packages' },
      { code: 'CURRENCY_INVALID', path: 'goods[0].currency' },
      { code: 'FIELD_TYPE', path: 'goods[1]' },
      { code: 'FIELD_REQUIRED', path: 'documents[0].number' },
      { code: 'DOCUMENT_DATE_INVALID', path: 'documents[0].date' },
      { code: 'DOCUMENT_MISSING', path: 'documents' },
      { code: 'CROSSING_UNKNOWN', path: 'borderCrossing' },
      { code: 'OFFICES_SAME', path: 'officeOfDestination' },
      { code: 'SEAL_DUPLICATE', path: 'seals[1]' },
      { code: 'SEAL_UNKNOWN', path: 'seals[2]' },
    ]);
  });

  it('caps the points reported for a route of many bad points', () => {
    // Latitude and longitude swapped along a route through longitudes above 90.
    const coordinates = Array.from({ length: 50 }, (_, i) => [43, 91 + i * 0.1]);
    const issues = checkDeclaration(changed(['plannedRoute', 'coordinates'], coordinates), context).issues;
    expect(issues).toHaveLength(21);
    expect(issues[20]).toMatchObject({ code: 'ROUTE_COORDINATE_INVALID', path: 'plannedRoute.coordinates' });
    expect(issues[20]?.message).toContain('30 more points');
  });

  it.each([null, undefined, 42, 'declaration', [], true])('rejects %s as not a declaration', (input) => {
    expect(found(input)).toEqual([{ code: 'DECLARATION_NOT_OBJECT', path: '' }]);
  });

  it('writes messages a person can read', () => {
    const messages = checkDeclaration(
      { ...validDeclaration(), consignee: { name: 'Recipient', country: 'RU', tin: 7707083893 } } as unknown as DeclarationInput,
      context,
    ).issues.map((i) => i.message);
    expect(messages).toEqual(['The taxpayer number of the consignee must be text; a number was given.']);
  });
});

/** A small seeded generator (mulberry32), so a failing case can be replayed from its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('checkDeclaration on random mutations', () => {
  const odd: unknown[] = [
    undefined, null, 0, -0, -1, 1.5, Number.NaN, Infinity, -Infinity, 1e308, '', ' ', 'x', 'ES-000101', '2026-02-29',
    '7707083893', 'USD', true, false, {}, [], [1, 2], [[1, 2]], { type: 'LineString' }, 10n, Symbol('odd'),
    'Ω'.repeat(300), Object.create(null), new Date(0), [null, undefined], { length: 5 }, () => 1,
  ];

  /** Every container and leaf position in the value, as parent and key. */
  function positions(root: unknown): Array<[Record<string | number, unknown>, string | number]> {
    const out: Array<[Record<string | number, unknown>, string | number]> = [];
    const walk = (node: unknown, depth: number): void => {
      if (depth > 6 || typeof node !== 'object' || node === null) return;
      const record = node as Record<string | number, unknown>;
      for (const key of Object.keys(record)) {
        out.push([record, Array.isArray(node) ? Number(key) : key]);
        walk(record[key], depth + 1);
      }
    };
    walk(root, 0);
    return out;
  }

  it('never throws and always returns well-formed issues', () => {
    const random = prng(0xc0ffee);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    for (let n = 0; n < 10_000; n++) {
      const input = validDeclaration() as unknown as Record<string, unknown>;
      const mutations = 1 + Math.floor(random() * 4);
      for (let m = 0; m < mutations; m++) {
        const all = positions(input);
        if (all.length === 0) break;
        const [parent, key] = pick(all);
        const op = random();
        if (op < 0.3) delete parent[key];
        else if (op < 0.8) parent[key] = pick(odd);
        else if (op < 0.9) parent[key] = structuredClone(validDeclaration());
        else if (Array.isArray(parent)) parent.push(pick(odd));
        else parent[`${String(key)}_extra`] = pick(odd);
      }
      let result: ReturnType<typeof checkDeclaration> | undefined;
      expect(() => {
        result = checkDeclaration(input as unknown as DeclarationInput, context);
      }, `mutation case ${n}`).not.toThrow();
      expect(result?.complete).toBe(result?.issues.length === 0);
      for (const each of result?.issues ?? []) {
        expect(each.code).not.toBe('CHECK_FAILED');
        expect(typeof each.path).toBe('string');
        expect(typeof each.message).toBe('string');
      }
    }
  });
});

describe('document dates against today', () => {
  const dated = (date: string) => changed(['documents', 1, 'date'], date);

  it('reports a document dated after tomorrow, not one dated today or tomorrow', () => {
    const today = '2026-03-01';
    const issues = (input: DeclarationInput) => checkDeclaration(input, { ...context, today }).issues.map((i) => [i.code, i.path]);
    expect(issues(dated('2026-03-01'))).toEqual([]);
    expect(issues(dated('2026-03-02'))).toEqual([]);
    expect(issues(dated('2026-03-03'))).toEqual([['DOCUMENT_DATE_IN_FUTURE', 'documents[1].date']]);
    expect(issues(dated('2026-12-31'))).toEqual([['DOCUMENT_DATE_IN_FUTURE', 'documents[1].date']]);
  });

  it('tests form and range only when today is not given', () => {
    expect(checkDeclaration(dated('2095-01-01'), context).issues).toEqual([]);
  });
});
