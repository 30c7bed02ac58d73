/**
 * The road border crossings that carry the corridor's trucks: seven on the Russia–Kazakhstan border and three
 * on the Kazakhstan–Kyrgyzstan border.
 *
 * Locations: each entry says where its point comes from. Settlement coordinates are those of the settlement's
 * Wikipedia article; where no source places the post itself, the point is estimated from a source's road
 * distance or direction and `uncertaintyKm` says how far off it may be. Refine those from a survey or a map
 * before relying on geofence events at them.
 *
 * Geofences: a hexagon of 1.5 km radius around the point — enough for the posts, their lanes and the parking
 * in front of them, small enough not to swallow the neighbouring town.
 *
 * Lanes: the number of lanes open to trucks and what each clears per hour are modelling assumptions, sized to
 * the published figures quoted beside each entry ("hundreds of trucks a day"), not official capacities.
 *
 * Time zones: Kazakhstan has kept one offset, UTC+5, since 2024-03-01 (IANA tzdata 2024a moved Asia/Almaty and
 * Asia/Qostanay from +6), but the database keeps one zone per region because their histories differ, so each
 * Kazakh post names its region's zone (Asia/Qostanay, Asia/Aqtobe, Asia/Oral, Asia/Atyrau, Asia/Almaty); for
 * timestamps from 2024 on they all agree. The Russian and Kyrgyz posts keep their own clocks: Europe/Saratov and
 * Europe/Astrakhan are UTC+4, Asia/Barnaul UTC+7, Asia/Bishkek UTC+6 — one hour ahead of the Kazakh side.
 */
import { hexagonAround } from './geofence.js';
import type { CountryCode } from '../model/parties.js';
import type { LatLon } from '../model/geo.js';
import type { BorderCrossing, Lane, OperatingHours } from '../model/places.js';

export interface CrossingPost {
  /** The post's own name on its side of the border. */
  name: string;
  country: CountryCode;
  /** IANA time zone of the post's clock. */
  timeZone: string;
}

/** What the model's BorderCrossing has no field for, kept beside it under the same code. */
export interface CrossingDetails {
  /** The two posts, in the order of the crossing's `countries`. */
  posts: [CrossingPost, CrossingPost];
  /** The zone the crossing's schedule is kept in: the Kazakh post's, since every crossing here has one. */
  timeZone: string;
  /** The road the crossing is on, as the road operators name it. */
  road: string;
  /** How far, in km, the recorded location may be from the posts. */
  uncertaintyKm: number;
}

/** The geofence radius around every crossing point, km. */
export const CROSSING_GEOFENCE_RADIUS_KM = 1.5;

interface Entry {
  code: string;
  name: string;
  posts: [CrossingPost, CrossingPost];
  location: LatLon;
  uncertaintyKm: number;
  road: string;
  truckLanes: number;
  trucksPerLaneHour: number;
  operatingHours?: OperatingHours;
}

const ENTRIES: readonly Entry[] = [
  {
    // Troitsk town is at 54°05′N 61°34′E (Wikipedia, "Troitsk, Chelyabinsk Oblast"; "the border is immediately
    // south of Troitsk"); the Russian post is called Bugristoye (news of its reconstruction, lada.kz 2025-10-17).
    // The point, about 9 km south-south-east of the town on the road to Kostanay, is the one an independent
    // public border-queue map gives for Kairak/Bugristoye. Capacity: about 2,000 vehicles a day before the
    // reconstruction due in 2028 (lada.kz), of which trucks are a part.
    code: 'TROITSK-KAIRAK',
    name: 'Troitsk (Bugristoye) – Kairak',
    posts: [
      { name: 'Bugristoye', country: 'RU', timeZone: 'Asia/Yekaterinburg' },
      { name: 'Kairak', country: 'KZ', timeZone: 'Asia/Qostanay' },
    ],
    location: { lat: 54.007, lon: 61.602 },
    uncertaintyKm: 2,
    road: 'Chelyabinsk – Troitsk – Kostanay (KZ: Astana – Kostanay – RF border, Kairak post)',
    truckLanes: 4,
    trucksPerLaneHour: 8,
  },
  {
    // Petukhovo is at about 55.07 N 67.90 E, "only 10 km from the border", the M51 bypassing it to the north
    // (Wikipedia, "Petuchowo", German edition). KazAvtoZhol's road notices put the border 30 km past the Mamlyutka
    // bypass (km 492–522 of "Astana – Kokshetau – Petropavl – RF border (Zhana Zhol post)", Kazinform 2026-03-05);
    // the point is estimated on that road between Mamlyutka and Petukhovo.
    code: 'PETUKHOVO-ZHANAZHOL',
    name: 'Petukhovo – Zhana Zhol',
    posts: [
      { name: 'Petukhovo', country: 'RU', timeZone: 'Asia/Yekaterinburg' },
      { name: 'Zhana Zhol', country: 'KZ', timeZone: 'Asia/Almaty' },
    ],
    location: { lat: 55.03, lon: 68.09 },
    uncertaintyKm: 5,
    road: 'R254 Chelyabinsk – Kurgan – Omsk (KZ: Astana – Kokshetau – Petropavl – RF border, Zhana Zhol post)',
    truckLanes: 3,
    trucksPerLaneHour: 7,
  },
  {
    // Not where domain.md's approximation (50.9 N 56.9 E) puts it: that point lies north-east of Martuk, off the
    // road. Sagarchin is in the Akbulak district, whose centre Akbulak (51°00′N 55°37′E) is 40 km from the border
    // (Wikipedia, "Akbulak (Russia)"), and the road on the Kazakh side is "Aktobe – Martuk – RF border", Martuk
    // 80 km from Aktobe (ria56.ru; Kazakhstanskaya Pravda 2025-09-26), so the post is north-west of Martuk. The
    // point is the one an independent public border-queue map gives for Zhaisan/Sagarchin, about 22 km south-east
    // of Akbulak. Zhaisan has 8 lanes, 3 of the 4 each way given to trucks, 5–7 minutes a truck; the Russian
    // side has two lanes (Kazinform via informburo.kz).
    code: 'SAGARCHIN-ZHAISAN',
    name: 'Sagarchin – Zhaisan',
    posts: [
      { name: 'Sagarchin', country: 'RU', timeZone: 'Asia/Yekaterinburg' },
      { name: 'Zhaisan', country: 'KZ', timeZone: 'Asia/Aqtobe' },
    ],
    location: { lat: 50.902, lon: 55.909 },
    uncertaintyKm: 3,
    road: 'Orenburg – Akbulak – Aktobe (KZ: Aktobe – Martuk – RF border)',
    truckLanes: 3,
    trucksPerLaneHour: 8,
  },
  {
    // Ozinki is at 51°12′N 49°44′E, "barely 10 km from the border" (Wikipedia, "Osinki", German edition); Taskala
    // is at 51°07′N 50°19′E (Wikipedia, "Taskala"). The point is estimated on the road between them, about 10 km
    // east of Ozinki.
    code: 'OZINKI-TASKALA',
    name: 'Ozinki – Taskala',
    posts: [
      { name: 'Ozinki', country: 'RU', timeZone: 'Europe/Saratov' },
      { name: 'Taskala', country: 'KZ', timeZone: 'Asia/Oral' },
    ],
    location: { lat: 51.18, lon: 49.87 },
    uncertaintyKm: 5,
    road: 'Saratov – Ozinki – Oral',
    truckLanes: 3,
    trucksPerLaneHour: 7,
  },
  {
    // Veseloyarsk is the last village on the Russian road R322 "Barnaul – Rubtsovsk – border with Kazakhstan"
    // (dorinfo.ru); on the Kazakh side the road "Semey – RF border (Auyl post)" runs to km 113 (Kazinform
    // 2026-01-19), which from Semey (50.41 N 80.23 E) matches domain.md's 51.0 N 81.3 E, kept here.
    code: 'VESELOYARSK-AUYL',
    name: 'Veseloyarsk – Auyl',
    posts: [
      { name: 'Veseloyarsk', country: 'RU', timeZone: 'Asia/Barnaul' },
      { name: 'Auyl', country: 'KZ', timeZone: 'Asia/Almaty' },
    ],
    location: { lat: 51.0, lon: 81.3 },
    uncertaintyKm: 5,
    road: 'R322 Barnaul – Rubtsovsk – Veseloyarsk (KZ: Semey – RF border, Auyl post)',
    truckLanes: 2,
    trucksPerLaneHour: 6,
  },
  {
    // Kulunda village is at 52°34′N 78°56′50″E (Wikipedia, "Kulunda (village)") and "20 kilometres from the
    // border with Kazakhstan" (German edition); the Kazakh post is Sharbakty, on the road west to Pavlodar. The
    // point is estimated about 20 km west-south-west of the village.
    code: 'KULUNDA-SHARBAKTY',
    name: 'Kulunda – Sharbakty',
    posts: [
      { name: 'Kulunda', country: 'RU', timeZone: 'Asia/Barnaul' },
      { name: 'Sharbakty', country: 'KZ', timeZone: 'Asia/Almaty' },
    ],
    location: { lat: 52.5, lon: 78.66 },
    uncertaintyKm: 7,
    road: 'Barnaul – Kulunda – Pavlodar',
    truckLanes: 2,
    trucksPerLaneHour: 6,
  },
  {
    // domain.md's "Krasny Yar – Karaozek": the Russian post is Karauzek, the only road post of the Astrakhan
    // region, in the Krasnoyarsky district; the Kazakh post is Kurmangazy (Atyrau region). Krasny Yar is at
    // 46°32′N 48°20′30″E, "a good 15 km from the border" (Wikipedia, "Krasny Jar (Astrachan)", German edition);
    // the point is estimated about 15 km east of it. 434,800 vehicles crossed in 2024, about 1,200 a day; after
    // the reconstruction due in 2026–2027 it is to take 2,000 a day (TASS via tmbw.ru 2025-04-09).
    code: 'KARAUZEK-KURMANGAZY',
    name: 'Karauzek (Krasny Yar) – Kurmangazy',
    posts: [
      { name: 'Karauzek', country: 'RU', timeZone: 'Europe/Astrakhan' },
      { name: 'Kurmangazy', country: 'KZ', timeZone: 'Asia/Atyrau' },
    ],
    location: { lat: 46.55, lon: 48.55 },
    uncertaintyKm: 7,
    road: 'Astrakhan – Krasny Yar – Atyrau',
    truckLanes: 2,
    trucksPerLaneHour: 8,
  },
  {
    // Korday village is at 43°02′13″N 74°42′41″E, the post "at the entrance of the village, at the A-2 bridge over
    // the Chu", about 20 km from Bishkek (Wikipedia, "Korday"); the point is at the bridge end of the village.
    // The busiest crossing of the border: after its 2020–2021 reconstruction it has 8 lanes instead of 2 and
    // takes up to 2,500 vehicles a day (Khabar TV; Kazakh Ministry of Industry via nur.kz).
    code: 'KORDAY-AKZHOL',
    name: 'Korday – Ak-Zhol',
    posts: [
      { name: 'Korday', country: 'KZ', timeZone: 'Asia/Almaty' },
      { name: 'Ak-Zhol', country: 'KG', timeZone: 'Asia/Bishkek' },
    ],
    location: { lat: 43.03, lon: 74.705 },
    uncertaintyKm: 1.5,
    road: 'A-2 / E40 Almaty – Korday – Bishkek',
    truckLanes: 4,
    trucksPerLaneHour: 9,
  },
  {
    // The Kyrgyz post is Chaldybar (Chaldovar), next to the village of that name in the Panfilov district, whose
    // land "touches the state border" (Wikipedia, "Чалдовар": 42°49′N 73°32′E); the point is the village's
    // border edge. domain.md's 42.9 N 73.3 E is about 20 km west of it.
    code: 'KARASU-CHALDOVAR',
    name: 'Karasu – Chaldovar',
    posts: [
      { name: 'Karasu', country: 'KZ', timeZone: 'Asia/Almaty' },
      { name: 'Chaldybar', country: 'KG', timeZone: 'Asia/Bishkek' },
    ],
    location: { lat: 42.83, lon: 73.53 },
    uncertaintyKm: 3,
    road: 'Taraz – Merke – Kara-Balta',
    truckLanes: 2,
    trucksPerLaneHour: 6,
  },
  {
    // In the Karkara valley: "the border post about 28 km from Kegen", San-Tash 19 km into Kyrgyzstan
    // (eurasia.travel); the point is estimated on that road. A daytime post, historically open May to October
    // only (kolesa.kz 2013); a protocol moving it to 24/7 was ratified by the Mazhilis in January 2026 and sent to
    // the Senate (24.kg 2026-01-21). In 2025 about 43,000 vehicles crossed, some 120 a day. Hours 08:00–18:00 as
    // a travel guide gives them (bordercrossinghub.com), taken as Kazakh time: which side's clock they are kept
    // in is not published.
    code: 'KEGEN-KARKYRA',
    name: 'Kegen – Karkyra',
    posts: [
      { name: 'Kegen', country: 'KZ', timeZone: 'Asia/Almaty' },
      { name: 'Karkyra', country: 'KG', timeZone: 'Asia/Bishkek' },
    ],
    location: { lat: 42.85, lon: 79.08 },
    uncertaintyKm: 5,
    road: 'Almaty – Kegen – Karkara valley – Tüp',
    truckLanes: 1,
    trucksPerLaneHour: 4,
    operatingHours: { open: '08:00', close: '18:00', timeZone: 'Asia/Almaty' },
  },
];

function lanesOf(entry: Entry): Lane[] {
  return Array.from({ length: entry.truckLanes }, (_, i) => ({
    id: `${entry.code}-T${i + 1}`,
    capacityPerHour: entry.trucksPerLaneHour,
  }));
}

function toCrossing(entry: Entry): BorderCrossing {
  const crossing: BorderCrossing = {
    code: entry.code,
    name: entry.name,
    countries: [entry.posts[0].country, entry.posts[1].country],
    location: { ...entry.location },
    geofence: hexagonAround(entry.location, CROSSING_GEOFENCE_RADIUS_KM),
    lanes: lanesOf(entry),
  };
  if (entry.operatingHours !== undefined) crossing.operatingHours = { ...entry.operatingHours };
  return crossing;
}

function kazakhZone(entry: Entry): string {
  const post = entry.posts.find((p) => p.country === 'KZ');
  if (post === undefined) throw new Error(`crossing ${entry.code} has no Kazakh post`);
  return post.timeZone;
}

/** The crossings, as the model's values (strict schema shape, nothing extra). */
export const BORDER_CROSSINGS: readonly BorderCrossing[] = Object.freeze(ENTRIES.map(toCrossing));

/** What the model has no field for, by crossing code. */
export const CROSSING_DETAILS: Readonly<Record<string, CrossingDetails>> = Object.freeze(
  Object.fromEntries(
    ENTRIES.map((entry): [string, CrossingDetails] => [
      entry.code,
      {
        posts: [{ ...entry.posts[0] }, { ...entry.posts[1] }],
        timeZone: kazakhZone(entry),
        road: entry.road,
        uncertaintyKm: entry.uncertaintyKm,
      },
    ]),
  ),
);
