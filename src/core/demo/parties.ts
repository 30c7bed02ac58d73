/**
 * The demo's recurring parties: consignors, consignees (final recipients), carriers with their trucks and drivers.
 * Company names are built from place and trade words (never a person's name); drivers get generated names.
 */
import type { Rng } from '../random/index.js';
import type { CountryCode, Party } from '../model/parties.js';
import type { DeclaredDriver, DeclaredVehicle } from '../model/declaration.js';
import { generateTin } from './taxpayer-numbers.js';
import { trailerPlate, truckPlate } from './plates.js';

export interface DemoCarrier {
  party: Party;
  vehicles: DeclaredVehicle[];
  drivers: DeclaredDriver[];
}

export interface DemoParties {
  consignors: Map<CountryCode, Party[]>;
  consignees: Map<CountryCode, Party[]>;
  carriers: Map<CountryCode, DemoCarrier[]>;
}

const CITIES: Record<string, readonly string[]> = {
  CN: ['Yiwu', 'Guangzhou', 'Shenzhen', 'Urumqi', 'Kashgar', 'Ningbo'],
  KG: ['Bishkek', 'Osh', 'Tokmok', 'Kara-Balta'],
  KZ: ['Almaty', 'Astana', 'Karaganda', 'Kostanay', 'Aktobe', 'Oral', 'Pavlodar', 'Petropavl', 'Shymkent', 'Atyrau', 'Oskemen'],
  RU: ['Moscow', 'Kazan', 'Samara', 'Saratov', 'Orenburg', 'Chelyabinsk', 'Yekaterinburg', 'Kurgan', 'Omsk', 'Novosibirsk', 'Barnaul', 'Astrakhan'],
  TR: ['Istanbul', 'Bursa', 'Izmir', 'Gaziantep', 'Denizli'],
  UZ: ['Tashkent', 'Samarkand', 'Fergana', 'Namangan'],
};

const COUNTRY_NAMES: Record<string, string> = {
  CN: 'China', KG: 'Kyrgyzstan', KZ: 'Kazakhstan', RU: 'Russia', TR: 'Türkiye', UZ: 'Uzbekistan',
};

const STEMS = ['Silk Road', 'Tian Shan', 'Golden Bridge', 'Evergreen', 'Sunrise', 'Steppe', 'Caravan', 'Eastern Gate', 'Blue River', 'Grand Line', 'Altyn', 'Nomad', 'Ural', 'Volga', 'Aral', 'Irtysh'];
const TRADES = ['Textile', 'Garment', 'Footwear', 'Electronics', 'Trade', 'Import', 'Distribution', 'Retail', 'Home Goods', 'Fashion', 'Technics', 'Supply'];
const HAULAGE = ['Trans', 'Logistics', 'Cargo', 'Freight', 'Express', 'Auto', 'Haulage'];

function companyName(rng: Rng, country: CountryCode, trade: string, city: string): string {
  const stem = rng.pick(STEMS);
  switch (country) {
    case 'RU':
      return `OOO "${stem} ${trade}"`;
    case 'KZ':
      return `TOO "${stem} ${trade}"`;
    case 'KG':
      return `OsOO "${stem} ${trade}"`;
    case 'UZ':
      return `"${stem} ${trade}" MChJ`;
    case 'TR':
      return `${stem} ${trade} San. ve Tic. A.S.`;
    case 'CN':
      return `${city} ${stem} ${trade} Co., Ltd.`;
    default:
      return `${stem} ${trade}`;
  }
}

function party(rng: Rng, country: CountryCode, trade: string, kind: 'organisation' | 'individual' = 'organisation'): Party {
  const city = rng.pick(CITIES[country] ?? ['Capital']);
  return {
    name: companyName(rng, country, trade, city),
    country,
    tin: generateTin(rng, country, kind),
    address: `${city}, ${COUNTRY_NAMES[country] ?? country}`,
  };
}

const FIRST_NAMES: Record<string, readonly string[]> = {
  RU: ['Aleksei', 'Dmitry', 'Sergei', 'Andrei', 'Nikolai', 'Pavel', 'Yuri', 'Oleg', 'Viktor', 'Igor'],
  KZ: ['Nurlan', 'Yerlan', 'Askar', 'Dauren', 'Marat', 'Serik', 'Bauyrzhan', 'Timur', 'Arman', 'Daniyar'],
  KG: ['Azamat', 'Bakyt', 'Nurbek', 'Kubanychbek', 'Ulan', 'Talant', 'Emil', 'Mirlan', 'Bolot', 'Aibek'],
  UZ: ['Bekzod', 'Jasur', 'Sardor', 'Otabek', 'Rustam', 'Sherzod', 'Akmal', 'Dilshod', 'Farrukh', 'Ulugbek'],
  TR: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Huseyin', 'Hasan', 'Ibrahim', 'Murat', 'Emre', 'Yusuf'],
};
const LAST_NAMES: Record<string, readonly string[]> = {
  RU: ['Smirnov', 'Kuznetsov', 'Popov', 'Sokolov', 'Lebedev', 'Kozlov', 'Novikov', 'Morozov', 'Volkov', 'Zaitsev'],
  KZ: ['Akhmetov', 'Suleimenov', 'Abenov', 'Zhakupov', 'Omarov', 'Iskakov', 'Nurpeisov', 'Baimukhanov', 'Tulegenov', 'Kassymov'],
  KG: ['Asanov', 'Abdyldaev', 'Mamytov', 'Sadykov', 'Beishenaliev', 'Zhumabaev', 'Osmonov', 'Kadyrov', 'Bakirov', 'Usenov'],
  UZ: ['Rakhimov', 'Yusupov', 'Aliyev', 'Ismoilov', 'Nazarov', 'Sultanov', 'Khodjaev', 'Mirzaev', 'Ergashev', 'Tursunov'],
  TR: ['Yilmaz', 'Kaya', 'Demir', 'Sahin', 'Celik', 'Yildiz', 'Yildirim', 'Ozturk', 'Aydin', 'Ozdemir'],
};
const PHONE_PREFIXES: Record<string, readonly string[]> = {
  RU: ['+7912', '+7922', '+7951', '+7908'],
  KZ: ['+7701', '+7705', '+7747', '+7777'],
  KG: ['+996555', '+996700', '+996772'],
  UZ: ['+99890', '+99893', '+99897'],
  TR: ['+90532', '+90542', '+90555'],
};
const PHONE_LENGTH: Record<string, number> = { RU: 12, KZ: 12, KG: 13, UZ: 13, TR: 13 };

function digitString(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}

function driver(rng: Rng, country: CountryCode): DeclaredDriver {
  const prefix = rng.pick(PHONE_PREFIXES[country] ?? ['+1']);
  return {
    name: `${rng.pick(FIRST_NAMES[country] ?? ['Driver'])} ${rng.pick(LAST_NAMES[country] ?? ['Demo'])}`,
    country,
    licenceNumber: country === 'RU' ? digitString(rng, 10) : `${country}${digitString(rng, 8)}`,
    phone: prefix + digitString(rng, (PHONE_LENGTH[country] ?? 12) - prefix.length),
  };
}

function carrier(rng: Rng, country: CountryCode): DemoCarrier {
  const fleetSize = rng.int(3, 6);
  const vehicles: DeclaredVehicle[] = [];
  const drivers: DeclaredDriver[] = [];
  for (let i = 0; i < fleetSize; i++) {
    vehicles.push({ plate: truckPlate(rng, country), country, trailerPlate: trailerPlate(rng, country) });
    drivers.push(driver(rng, country));
  }
  return { party: party(rng, country, rng.pick(HAULAGE)), vehicles, drivers };
}

function pool<T>(count: number, make: () => T): T[] {
  return Array.from({ length: count }, make);
}

/** Pools of parties; each drawn from its own substream, so growing one pool leaves the others as they were. */
export function generateDemoParties(rng: Rng): DemoParties {
  const consignors = new Map<CountryCode, Party[]>();
  for (const country of ['CN', 'KG', 'KZ', 'TR', 'UZ']) {
    const r = rng.fork(`consignors/${country}`);
    consignors.set(country, pool(8, () => party(r, country, r.pick(TRADES))));
  }
  const consignees = new Map<CountryCode, Party[]>();
  for (const [country, count] of [['RU', 20], ['KZ', 12]] as const) {
    const r = rng.fork(`consignees/${country}`);
    // One in ten Russian recipients is an individual entrepreneur with a 12-digit INN.
    consignees.set(country, pool(count, () => party(r, country, r.pick(TRADES), country === 'RU' && r.chance(0.1) ? 'individual' : 'organisation')));
  }
  const carriers = new Map<CountryCode, DemoCarrier[]>();
  for (const [country, count] of [['KG', 6], ['KZ', 8], ['RU', 6], ['UZ', 4], ['TR', 4]] as const) {
    const r = rng.fork(`carriers/${country}`);
    carriers.set(country, pool(count, () => carrier(r, country)));
  }
  return { consignors, consignees, carriers };
}
