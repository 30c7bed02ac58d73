/**
 * The demo's routes: office of departure, the towns and border crossings on the way, office of destination, and
 * who ships along them. Town points are approximate town centres for drawing a plausible planned route, not
 * road geometry. The declared crossing is the last one before the office of destination, where the transit meets
 * the destination state's control; a route through two borders lists the first as a waypoint.
 */
import type { CountryCode } from '../model/parties.js';

/** A named point on the way: a town, [lat, lon]. */
export type Waypoint = readonly [name: string, lat: number, lon: number];

export interface DemoRoute {
  id: string;
  departure: string;
  /** Towns and earlier crossings between the office of departure and the declared crossing, in order. */
  via: readonly (Waypoint | { crossing: string })[];
  crossing: string;
  /** Towns between the declared crossing and the office of destination. */
  after: readonly Waypoint[];
  destination: string;
  /** Countries whose consignors ship along this route. */
  consignors: readonly CountryCode[];
  /** Relative share of the demo's trucks. */
  weight: number;
}

const ALMATY: Waypoint = ['Almaty', 43.24, 76.89];
const BALKHASH: Waypoint = ['Balkhash', 46.84, 74.98];
const KARAGANDA: Waypoint = ['Karaganda', 49.8, 73.11];
const ASTANA: Waypoint = ['Astana', 51.17, 71.45];
const KOSTANAY: Waypoint = ['Kostanay', 53.2, 63.62];
const KOKSHETAU: Waypoint = ['Kokshetau', 53.28, 69.39];
const PETROPAVL: Waypoint = ['Petropavl', 54.87, 69.15];
const MAMLYUTKA: Waypoint = ['Mamlyutka', 54.94, 68.54];
const TARAZ: Waypoint = ['Taraz', 42.9, 71.37];
const SHYMKENT: Waypoint = ['Shymkent', 42.32, 69.6];
const KYZYLORDA: Waypoint = ['Kyzylorda', 44.85, 65.51];
const AKTOBE: Waypoint = ['Aktobe', 50.28, 57.23];
const MARTUK: Waypoint = ['Martuk', 50.75, 56.52];
const AKBULAK: Waypoint = ['Akbulak', 51.0, 55.62];
const ORENBURG: Waypoint = ['Orenburg', 51.78, 55.1];
const SAMARA: Waypoint = ['Samara', 53.2, 50.14];
const ULYANOVSK: Waypoint = ['Ulyanovsk', 54.32, 48.4];
const PENZA: Waypoint = ['Penza', 53.2, 45.0];
const RYAZAN: Waypoint = ['Ryazan', 54.63, 39.74];
const TROITSK: Waypoint = ['Troitsk', 54.08, 61.57];
const CHELYABINSK: Waypoint = ['Chelyabinsk', 55.15, 61.4];
const KURGAN: Waypoint = ['Kurgan', 55.47, 65.35];
const SEMEY: Waypoint = ['Semey', 50.41, 80.23];
const RUBTSOVSK: Waypoint = ['Rubtsovsk', 51.53, 81.22];
const BARNAUL: Waypoint = ['Barnaul', 53.33, 83.77];
const TALDYKORGAN: Waypoint = ['Taldykorgan', 45.02, 78.37];
const AYAGOZ: Waypoint = ['Ayagoz', 47.96, 80.43];
const KULUNDA: Waypoint = ['Kulunda', 52.57, 78.95];
const KRASNY_YAR: Waypoint = ['Krasny Yar', 46.53, 48.34];
const OZINKI: Waypoint = ['Ozinki', 51.2, 49.73];
const BALYKCHY: Waypoint = ['Balykchy', 42.46, 76.19];
const TUP: Waypoint = ['Tüp', 42.73, 78.36];
const KEGEN: Waypoint = ['Kegen', 43.02, 79.22];

const KORDAY = { crossing: 'KORDAY-AKZHOL' } as const;

export const DEMO_ROUTES: readonly DemoRoute[] = [
  // Kyrgyzstan to Kazakhstan, mostly through Korday, the busiest crossing.
  { id: 'bishkek-almaty', departure: 'KG100010', via: [], crossing: 'KORDAY-AKZHOL', after: [], destination: 'KZ751000', consignors: ['CN', 'KG'], weight: 10 },
  { id: 'bishkek-karaganda', departure: 'KG100010', via: [], crossing: 'KORDAY-AKZHOL', after: [BALKHASH], destination: 'KZ351000', consignors: ['CN', 'KG'], weight: 4 },
  { id: 'bishkek-astana', departure: 'KG100010', via: [], crossing: 'KORDAY-AKZHOL', after: [BALKHASH, KARAGANDA], destination: 'KZ711000', consignors: ['CN', 'KG'], weight: 5 },
  { id: 'bishkek-shymkent', departure: 'KG100010', via: [], crossing: 'KARASU-CHALDOVAR', after: [TARAZ], destination: 'KZ791000', consignors: ['CN', 'KG'], weight: 3 },
  { id: 'bishkek-almaty-kegen', departure: 'KG100010', via: [BALYKCHY, TUP], crossing: 'KEGEN-KARKYRA', after: [KEGEN], destination: 'KZ751000', consignors: ['KG'], weight: 0.5 },
  // Kyrgyzstan through Kazakhstan to Russia.
  { id: 'bishkek-chelyabinsk', departure: 'KG100010', via: [KORDAY, ALMATY, BALKHASH, KARAGANDA, ASTANA, KOSTANAY], crossing: 'TROITSK-KAIRAK', after: [TROITSK], destination: '10504010', consignors: ['CN', 'KG'], weight: 8 },
  { id: 'bishkek-yekaterinburg', departure: 'KG100010', via: [KORDAY, ALMATY, BALKHASH, KARAGANDA, ASTANA, KOSTANAY], crossing: 'TROITSK-KAIRAK', after: [TROITSK, CHELYABINSK], destination: '10502010', consignors: ['CN', 'KG'], weight: 6 },
  { id: 'bishkek-orenburg', departure: 'KG100010', via: [KORDAY, TARAZ, SHYMKENT, KYZYLORDA, AKTOBE, MARTUK], crossing: 'SAGARCHIN-ZHAISAN', after: [AKBULAK], destination: '10409010', consignors: ['CN', 'KG'], weight: 3 },
  { id: 'bishkek-samara', departure: 'KG100010', via: [KORDAY, TARAZ, SHYMKENT, KYZYLORDA, AKTOBE, MARTUK], crossing: 'SAGARCHIN-ZHAISAN', after: [AKBULAK, ORENBURG], destination: '10412010', consignors: ['CN', 'KG'], weight: 3 },
  { id: 'bishkek-kazan', departure: 'KG100010', via: [KORDAY, TARAZ, SHYMKENT, KYZYLORDA, AKTOBE, MARTUK], crossing: 'SAGARCHIN-ZHAISAN', after: [AKBULAK, ORENBURG, SAMARA, ULYANOVSK], destination: '10404010', consignors: ['CN', 'KG'], weight: 3 },
  { id: 'bishkek-moscow', departure: 'KG100010', via: [KORDAY, TARAZ, SHYMKENT, KYZYLORDA, AKTOBE, MARTUK], crossing: 'SAGARCHIN-ZHAISAN', after: [AKBULAK, ORENBURG, SAMARA, PENZA, RYAZAN], destination: '10129010', consignors: ['CN', 'KG'], weight: 5 },
  // Kazakhstan (and Chinese goods cleared at Khorgos) to Russia.
  { id: 'almaty-kurgan', departure: 'KZ751000', via: [BALKHASH, KARAGANDA, ASTANA, KOKSHETAU, PETROPAVL, MAMLYUTKA], crossing: 'PETUKHOVO-ZHANAZHOL', after: [], destination: '10503010', consignors: ['CN', 'KZ'], weight: 3 },
  { id: 'almaty-chelyabinsk', departure: 'KZ751000', via: [BALKHASH, KARAGANDA, ASTANA, KOSTANAY], crossing: 'TROITSK-KAIRAK', after: [TROITSK], destination: '10504010', consignors: ['CN', 'KZ'], weight: 5 },
  { id: 'astana-chelyabinsk', departure: 'KZ711000', via: [KOSTANAY], crossing: 'TROITSK-KAIRAK', after: [TROITSK], destination: '10504010', consignors: ['CN', 'KZ'], weight: 3 },
  { id: 'petropavl-chelyabinsk', departure: 'KZ591000', via: [MAMLYUTKA], crossing: 'PETUKHOVO-ZHANAZHOL', after: [KURGAN], destination: '10504010', consignors: ['KZ'], weight: 2 },
  { id: 'kostanay-yekaterinburg', departure: 'KZ391000', via: [], crossing: 'TROITSK-KAIRAK', after: [TROITSK, CHELYABINSK], destination: '10502010', consignors: ['KZ'], weight: 2 },
  { id: 'aktobe-samara', departure: 'KZ151000', via: [MARTUK], crossing: 'SAGARCHIN-ZHAISAN', after: [AKBULAK, ORENBURG], destination: '10412010', consignors: ['KZ'], weight: 2 },
  { id: 'shymkent-orenburg', departure: 'KZ791000', via: [KYZYLORDA, AKTOBE, MARTUK], crossing: 'SAGARCHIN-ZHAISAN', after: [AKBULAK], destination: '10409010', consignors: ['UZ'], weight: 3 },
  { id: 'shymkent-moscow', departure: 'KZ791000', via: [KYZYLORDA, AKTOBE, MARTUK], crossing: 'SAGARCHIN-ZHAISAN', after: [AKBULAK, ORENBURG, SAMARA, PENZA, RYAZAN], destination: '10129010', consignors: ['UZ'], weight: 3 },
  { id: 'oral-saratov', departure: 'KZ271000', via: [], crossing: 'OZINKI-TASKALA', after: [OZINKI], destination: '10413010', consignors: ['KZ'], weight: 2 },
  { id: 'pavlodar-barnaul', departure: 'KZ551000', via: [], crossing: 'KULUNDA-SHARBAKTY', after: [KULUNDA], destination: '10605010', consignors: ['KZ', 'CN'], weight: 2 },
  { id: 'almaty-novosibirsk', departure: 'KZ751000', via: [TALDYKORGAN, AYAGOZ, SEMEY], crossing: 'VESELOYARSK-AUYL', after: [RUBTSOVSK, BARNAUL], destination: '10609010', consignors: ['CN', 'KZ'], weight: 3 },
  { id: 'oskemen-barnaul', departure: 'KZ631000', via: [SEMEY], crossing: 'VESELOYARSK-AUYL', after: [RUBTSOVSK], destination: '10605010', consignors: ['KZ'], weight: 1.5 },
  { id: 'atyrau-astrakhan', departure: 'KZ231000', via: [], crossing: 'KARAUZEK-KURMANGAZY', after: [KRASNY_YAR], destination: '10311010', consignors: ['KZ'], weight: 1.5 },
  // Turkish goods brought through Russia to Kazakhstan.
  { id: 'astrakhan-atyrau', departure: '10311010', via: [KRASNY_YAR], crossing: 'KARAUZEK-KURMANGAZY', after: [], destination: 'KZ231000', consignors: ['TR'], weight: 2 },
  { id: 'saratov-oral', departure: '10413010', via: [OZINKI], crossing: 'OZINKI-TASKALA', after: [], destination: 'KZ271000', consignors: ['TR'], weight: 2 },
];
