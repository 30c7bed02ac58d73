/**
 * Registration plates in each country's current form, upper case without spaces, Latin letters (Russian plates
 * use the twelve Cyrillic letters that have Latin look-alikes, written here as those Latin letters, as on CMR
 * waybills).
 */
import type { Rng } from '../random/index.js';
import type { CountryCode } from '../model/parties.js';

const RU_LETTERS = 'ABEKMHOPCTYX';
const LATIN = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const TR_LETTERS = 'ABCDEFGHIJKLMNOPRSTUVYZ';

// Region codes on plates, matching the carriers' home regions.
const RU_PLATE_REGIONS = ['74', '174', '66', '196', '56', '63', '163', '64', '55', '54', '154', '77', '777', '16', '116', '22', '30', '45'] as const;
// Kazakhstan: 01 Astana, 02 Almaty, 04 Aktobe, 06 Atyrau, 07 West Kazakhstan, 09 Karaganda, 10 Kostanay,
// 14 Pavlodar, 15 North Kazakhstan, 16 East Kazakhstan, 17 Shymkent.
const KZ_PLATE_REGIONS = ['01', '02', '04', '06', '07', '09', '10', '14', '15', '16', '17'] as const;
// Kyrgyzstan: 01 Bishkek, 08 Chüy.
const KG_PLATE_REGIONS = ['01', '08'] as const;
// Uzbekistan: 01 Tashkent city, 10 Tashkent region, 30 Samarkand, 40 Fergana.
const UZ_PLATE_REGIONS = ['01', '10', '30', '40'] as const;
// Türkiye: 34 Istanbul, 06 Ankara, 35 Izmir, 16 Bursa, 27 Gaziantep.
const TR_PLATE_REGIONS = ['34', '06', '35', '16', '27'] as const;

function letters(rng: Rng, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet.charAt(rng.int(0, alphabet.length - 1));
  return out;
}

function number(rng: Rng, n: number): string {
  return String(rng.int(0, 10 ** n - 1)).padStart(n, '0');
}

/** A truck (tractor unit) plate. */
export function truckPlate(rng: Rng, country: CountryCode): string {
  switch (country) {
    case 'RU':
      return letters(rng, RU_LETTERS, 1) + String(rng.int(1, 999)).padStart(3, '0') + letters(rng, RU_LETTERS, 2) + rng.pick(RU_PLATE_REGIONS);
    case 'KZ':
      return number(rng, 3) + letters(rng, LATIN, 3) + rng.pick(KZ_PLATE_REGIONS);
    case 'KG':
      return rng.pick(KG_PLATE_REGIONS) + 'KG' + number(rng, 3) + letters(rng, LATIN, 3);
    case 'UZ':
      return rng.pick(UZ_PLATE_REGIONS) + number(rng, 3) + letters(rng, LATIN, 3);
    case 'TR':
      return rng.pick(TR_PLATE_REGIONS) + letters(rng, TR_LETTERS, 2) + number(rng, 4);
    default:
      return letters(rng, LATIN, 2) + number(rng, 4);
  }
}

/** A semi-trailer plate. */
export function trailerPlate(rng: Rng, country: CountryCode): string {
  switch (country) {
    case 'RU':
      return letters(rng, RU_LETTERS, 2) + number(rng, 4) + rng.pick(RU_PLATE_REGIONS);
    case 'KZ':
      return number(rng, 2) + letters(rng, LATIN, 3) + rng.pick(KZ_PLATE_REGIONS);
    default:
      return truckPlate(rng, country);
  }
}
