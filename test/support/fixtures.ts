/** A small world for tests: two offices, a crossing, a seal, and a declaration that passes every check. */
import type { BorderCrossing, CustomsOffice, DeclarationInput, Polygon, SealDevice } from '../../src/core/model/index.js';

function square(lat: number, lon: number, half = 0.01): Polygon {
  return {
    type: 'Polygon',
    coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]],
  };
}

export const BISHKEK: CustomsOffice = { code: 'KG-TEST-BSK', name: 'Bishkek test office', country: 'KG', location: { lat: 42.87, lon: 74.59 }, geofence: square(42.87, 74.59) };
export const ALMATY: CustomsOffice = { code: 'KZ-TEST-ALA', name: 'Almaty test office', country: 'KZ', location: { lat: 43.24, lon: 76.89 }, geofence: square(43.24, 76.89) };
export const KORDAY: BorderCrossing = {
  code: 'KZ-KG-TEST-KORDAY',
  name: 'Korday – Ak-Zhol (test)',
  countries: ['KZ', 'KG'],
  location: { lat: 43.04, lon: 74.71 },
  geofence: square(43.04, 74.71),
  lanes: [{ id: 'L1', capacityPerHour: 12 }, { id: 'L2', capacityPerHour: 12 }],
};
export const SEAL: SealDevice = { id: '356307042441013', protocol: 'teltonika', state: 'available' };

/** Passes every document check against the world above. */
export function validDeclaration(reference = 'TEST-0001'): DeclarationInput {
  return {
    reference,
    procedure: 'transit',
    consignor: { name: 'OsOO Textile Export', country: 'KG', tin: '01234567891011' },
    consignee: { name: 'TOO «Ақ Жол Сауда»', country: 'KZ', tin: '080340001230' },
    carrier: { name: 'OOO Trans Line', country: 'RU', tin: '7707083893' },
    vehicle: { plate: 'B1234KG', country: 'KG' },
    goods: [
      { hsCode: '620342', description: 'Cotton trousers', packages: 120, grossMassKg: 1800, value: 21600, currency: 'USD' },
      { hsCode: '640399', description: 'Leather footwear', packages: 40, grossMassKg: 600, value: 14400, currency: 'USD' },
    ],
    documents: [
      { type: 'invoice', number: 'INV-2025-118', date: '2025-11-02', amount: 36000, currency: 'USD' },
      { type: 'cmr', number: 'CMR-77120', date: '2025-11-03' },
    ],
    officeOfDeparture: BISHKEK.code,
    borderCrossing: KORDAY.code,
    officeOfDestination: ALMATY.code,
    seals: [SEAL.id],
  };
}
