/** Finding reference places by code, country and border. */
import { BORDER_CROSSINGS } from './border-crossings.js';
import { CUSTOMS_OFFICES } from './customs-offices.js';
import type { CountryCode } from '../model/parties.js';
import type { BorderCrossing, CustomsOffice } from '../model/places.js';

const CROSSINGS_BY_CODE: ReadonlyMap<string, BorderCrossing> = new Map(BORDER_CROSSINGS.map((c) => [c.code, c]));
const OFFICES_BY_CODE: ReadonlyMap<string, CustomsOffice> = new Map(CUSTOMS_OFFICES.map((o) => [o.code, o]));

export function findBorderCrossing(code: string): BorderCrossing | undefined {
  return CROSSINGS_BY_CODE.get(code);
}

export function findCustomsOffice(code: string): CustomsOffice | undefined {
  return OFFICES_BY_CODE.get(code);
}

export function customsOfficesIn(country: CountryCode): CustomsOffice[] {
  return CUSTOMS_OFFICES.filter((office) => office.country === country);
}

/** The crossings joining two countries, in either order. */
export function crossingsBetween(a: CountryCode, b: CountryCode): BorderCrossing[] {
  return BORDER_CROSSINGS.filter(
    ({ countries: [x, y] }) => (x === a && y === b) || (x === b && y === a),
  );
}
