/** Declarations, reference data and positions for the store suite: full ones, minimal ones, and hostile text. */
import type { DeclarationInput, Position, StatusChange } from '../../src/core/model/index.js';
import type { NewDeclaration } from '../../src/ports/store.js';

/** Text that would break a store building SQL by concatenation, and quoting of every kind. */
export const HOSTILE = `'; DROP TABLE declarations; -- "double" \`back\` \\slash 100% a_b $1 ?`;

export const T0 = '2025-03-01T08:00:00.000Z';

/** `minutes` after T0, in the store's canonical form. */
export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

/** A declaration with every optional field set, Unicode names and decimal numbers. */
export function fullInput(reference = 'KZ-2025-000001'): DeclarationInput {
  return {
    reference,
    procedure: 'export',
    consignor: { name: 'ООО «Сибирский Лес»', country: 'RU', tin: '7707083893', address: 'Новосибирск, ул. Ленина, 1' },
    consignee: { name: 'ТОО "Ақ Жол"', country: 'KZ', tin: '990140000385', address: 'Алматы, пр. Абая 10' },
    carrier: { name: 'Trans Asia Cargo LLP', country: 'KZ', tin: '060240001818', address: 'Astana' },
    vehicle: { plate: '123ABC02', country: 'KZ', trailerPlate: '45XYZ02' },
    driver: { name: 'Driver One', country: 'KZ', licenceNumber: 'AB123456', phone: '+77011234567' },
    goods: [
      { hsCode: '4407109100', description: 'Пиломатериалы хвойные', packages: 24, grossMassKg: 18_250.75, value: 12_345.67, currency: 'USD' },
      { hsCode: '8471300000', description: 'Laptops', packages: 3, grossMassKg: 0.1 + 0.2, value: 1e-7, currency: 'EUR' },
      { hsCode: '940360', description: 'Furniture, "oak"', packages: 1.5, grossMassKg: 1234567.125, value: 98765432.01, currency: 'KZT' },
    ],
    documents: [
      { type: 'invoice', number: 'INV-77', date: '2025-02-27', amount: 12_345.67, currency: 'USD' },
      { type: 'cmr', number: 'CMR 0001', date: '2025-02-28' },
    ],
    officeOfDeparture: '10502010',
    borderCrossing: 'KZ-KG-AKZHOL',
    officeOfDestination: 'KZ551000',
    plannedRoute: { type: 'LineString', coordinates: [[76.9286, 43.2567], [74.6122, 42.8746]] },
    seals: ['356307042441013', '356307042441014'],
  };
}

/** A declaration with no optional field at all. */
export function minimalInput(reference: string): DeclarationInput {
  return {
    reference,
    consignor: { name: 'A', country: 'RU' },
    consignee: { name: 'B', country: 'KZ' },
    carrier: { name: 'C', country: 'KZ' },
    vehicle: { plate: 'P1', country: 'KZ' },
    goods: [],
    documents: [],
    officeOfDeparture: 'O1',
    borderCrossing: 'X1',
    officeOfDestination: 'O2',
    seals: [],
  };
}

export function created(by: string, when: string): StatusChange {
  return { from: null, to: 'draft', by, at: when };
}

export function newDeclaration(id: string, input: DeclarationInput, options: Partial<NewDeclaration> = {}): NewDeclaration {
  const when = options.at ?? T0;
  const owner = options.owner ?? 'haulier1';
  return {
    id,
    input,
    owner,
    status: options.status ?? 'draft',
    history: options.history ?? [created(owner, when)],
    at: when,
    ...(options.check === undefined ? {} : { check: options.check }),
  };
}

/** Every text field of a declaration set to hostile text (made unique where the schema demands it). */
export function hostileInput(): DeclarationInput {
  const party = { name: HOSTILE, country: 'KZ', tin: HOSTILE, address: HOSTILE };
  return {
    reference: `${HOSTILE} ref`,
    consignor: party,
    consignee: party,
    carrier: party,
    vehicle: { plate: HOSTILE, country: 'KZ', trailerPlate: HOSTILE },
    driver: { name: HOSTILE, country: 'KZ', licenceNumber: HOSTILE, phone: HOSTILE },
    goods: [{ hsCode: HOSTILE, description: HOSTILE, packages: 1, grossMassKg: 2, value: 3, currency: HOSTILE }],
    documents: [{ type: 'other', number: HOSTILE, date: HOSTILE, currency: HOSTILE }],
    officeOfDeparture: HOSTILE,
    borderCrossing: HOSTILE,
    officeOfDestination: HOSTILE,
    seals: [HOSTILE],
  };
}

/** T0 in milliseconds since the epoch, the unit of positions. */
export const T0_MS = Date.parse(T0);

/** A position of `deviceId` at `seconds` after T0, with no optional field unless given. */
export function position(deviceId: string, seconds: number, options: Partial<Position> = {}): Position {
  return {
    deviceId,
    deviceTime: T0_MS + seconds * 1000,
    receivedTime: T0_MS + seconds * 1000 + 1500,
    lat: 43.2567 + seconds / 10_000,
    lon: 76.9286 - seconds / 10_000,
    speed: 62.5,
    course: 271,
    valid: true,
    attributes: {},
    ...options,
  };
}
