/**
 * Customs offices of departure and destination in the corridor's main cities.
 *
 * Codes are ILLUSTRATIVE: none is a real office's reference number, which are not published in a form this
 * change could verify. They follow each country's shape so that validation and display behave as with real
 * ones: Russia's 8-digit customs post codes (10RRCPPP: 10, a regional administration, a customs, a post);
 * Kazakhstan's "KZ" and six digits, here the city's KATO region code then 1000; Kyrgyzstan's "KG" and six.
 * Replace them from the national lists before any real use.
 *
 * Locations are city centres from the cities' Wikipedia articles, rounded; those marked "checked" were read in
 * this change, the others are the articles' well-known values, not re-read. A real customs terminal is usually
 * on the outskirts: the 1 km geofence around the centre is a stand-in until the terminals are surveyed.
 */
import { hexagonAround } from './geofence.js';
import type { CountryCode } from '../model/parties.js';
import type { LatLon } from '../model/geo.js';
import type { CustomsOffice } from '../model/places.js';

export interface CustomsOfficeDetails {
  city: string;
  /** IANA time zone of the office. */
  timeZone: string;
}

/** The geofence radius around every office point, km. */
export const OFFICE_GEOFENCE_RADIUS_KM = 1;

interface Entry {
  code: string;
  city: string;
  country: CountryCode;
  location: LatLon;
  timeZone: string;
}

const ENTRIES: readonly Entry[] = [
  // Kyrgyzstan
  { code: 'KG100010', city: 'Bishkek', country: 'KG', location: { lat: 42.8747, lon: 74.6122 }, timeZone: 'Asia/Bishkek' }, // checked

  // Kazakhstan (KATO region codes: 75 Almaty city, 71 Astana, 35 Karaganda, 39 Kostanay, 15 Aktobe,
  // 27 West Kazakhstan, 23 Atyrau, 55 Pavlodar, 63 East Kazakhstan, 59 North Kazakhstan, 79 Shymkent)
  { code: 'KZ751000', city: 'Almaty', country: 'KZ', location: { lat: 43.2389, lon: 76.8897 }, timeZone: 'Asia/Almaty' },
  { code: 'KZ711000', city: 'Astana', country: 'KZ', location: { lat: 51.1694, lon: 71.4491 }, timeZone: 'Asia/Almaty' },
  { code: 'KZ351000', city: 'Karaganda', country: 'KZ', location: { lat: 49.8028, lon: 73.1056 }, timeZone: 'Asia/Almaty' }, // checked
  { code: 'KZ391000', city: 'Kostanay', country: 'KZ', location: { lat: 53.2, lon: 63.62 }, timeZone: 'Asia/Qostanay' }, // checked
  { code: 'KZ151000', city: 'Aktobe', country: 'KZ', location: { lat: 50.2836, lon: 57.2297 }, timeZone: 'Asia/Aqtobe' }, // checked
  { code: 'KZ271000', city: 'Oral (Uralsk)', country: 'KZ', location: { lat: 51.2225, lon: 51.3725 }, timeZone: 'Asia/Oral' }, // checked
  { code: 'KZ231000', city: 'Atyrau', country: 'KZ', location: { lat: 47.1167, lon: 51.8833 }, timeZone: 'Asia/Atyrau' },
  { code: 'KZ551000', city: 'Pavlodar', country: 'KZ', location: { lat: 52.2873, lon: 76.9674 }, timeZone: 'Asia/Almaty' },
  { code: 'KZ631000', city: 'Oskemen (Ust-Kamenogorsk)', country: 'KZ', location: { lat: 49.9483, lon: 82.6275 }, timeZone: 'Asia/Almaty' },
  { code: 'KZ591000', city: 'Petropavl', country: 'KZ', location: { lat: 54.8667, lon: 69.15 }, timeZone: 'Asia/Almaty' },
  { code: 'KZ791000', city: 'Shymkent', country: 'KZ', location: { lat: 42.3167, lon: 69.5958 }, timeZone: 'Asia/Almaty' },

  // Russia (regional administrations in the illustrative codes: 101 Central, 103 Southern, 104 Volga,
  // 105 Ural, 106 Siberian)
  { code: '10129010', city: 'Moscow', country: 'RU', location: { lat: 55.7558, lon: 37.6173 }, timeZone: 'Europe/Moscow' },
  { code: '10404010', city: 'Kazan', country: 'RU', location: { lat: 55.7964, lon: 49.1089 }, timeZone: 'Europe/Moscow' },
  { code: '10412010', city: 'Samara', country: 'RU', location: { lat: 53.2028, lon: 50.1408 }, timeZone: 'Europe/Samara' },
  { code: '10413010', city: 'Saratov', country: 'RU', location: { lat: 51.5333, lon: 46.0167 }, timeZone: 'Europe/Saratov' },
  { code: '10409010', city: 'Orenburg', country: 'RU', location: { lat: 51.7833, lon: 55.1 }, timeZone: 'Asia/Yekaterinburg' },
  { code: '10311010', city: 'Astrakhan', country: 'RU', location: { lat: 46.35, lon: 48.0333 }, timeZone: 'Europe/Astrakhan' },
  { code: '10504010', city: 'Chelyabinsk', country: 'RU', location: { lat: 55.15, lon: 61.4 }, timeZone: 'Asia/Yekaterinburg' },
  { code: '10502010', city: 'Yekaterinburg', country: 'RU', location: { lat: 56.8356, lon: 60.6128 }, timeZone: 'Asia/Yekaterinburg' },
  { code: '10503010', city: 'Kurgan', country: 'RU', location: { lat: 55.4667, lon: 65.35 }, timeZone: 'Asia/Yekaterinburg' }, // checked
  { code: '10610010', city: 'Omsk', country: 'RU', location: { lat: 54.9833, lon: 73.3667 }, timeZone: 'Asia/Omsk' },
  { code: '10609010', city: 'Novosibirsk', country: 'RU', location: { lat: 55.0333, lon: 82.9167 }, timeZone: 'Asia/Novosibirsk' },
  { code: '10605010', city: 'Barnaul', country: 'RU', location: { lat: 53.3333, lon: 83.7667 }, timeZone: 'Asia/Barnaul' },
];

function toOffice(entry: Entry): CustomsOffice {
  return {
    code: entry.code,
    name: `${entry.city} customs post`,
    country: entry.country,
    location: { ...entry.location },
    geofence: hexagonAround(entry.location, OFFICE_GEOFENCE_RADIUS_KM),
  };
}

/** The offices, as the model's values (strict schema shape, nothing extra). */
export const CUSTOMS_OFFICES: readonly CustomsOffice[] = Object.freeze(ENTRIES.map(toOffice));

/** What the model has no field for, by office code. */
export const CUSTOMS_OFFICE_DETAILS: Readonly<Record<string, CustomsOfficeDetails>> = Object.freeze(
  Object.fromEntries(
    ENTRIES.map((entry): [string, CustomsOfficeDetails] => [entry.code, { city: entry.city, timeZone: entry.timeZone }]),
  ),
);
