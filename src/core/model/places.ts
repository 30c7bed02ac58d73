/** Customs offices and border crossing points. */
import Type from 'typebox';
import { LatLonSchema, PolygonSchema } from './geo.js';
import { Code, CountryCodeSchema, ShortText } from './text.js';

export const CustomsOfficeSchema = Type.Object(
  {
    /** The office's reference number. */
    code: Code(),
    name: ShortText(),
    country: CountryCodeSchema,
    location: LatLonSchema,
    geofence: PolygonSchema,
  },
  { additionalProperties: false },
);
export type CustomsOffice = Type.Static<typeof CustomsOfficeSchema>;

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

/** Daily opening hours in the crossing's local time; absent means open around the clock. */
export const OperatingHoursSchema = Type.Object(
  { open: ClockTime, close: ClockTime, timeZone: ShortText(64) },
  { additionalProperties: false },
);
export type OperatingHours = Type.Static<typeof OperatingHoursSchema>;

export const LaneSchema = Type.Object(
  { id: Code(), capacityPerHour: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }) },
  { additionalProperties: false },
);
export type Lane = Type.Static<typeof LaneSchema>;

/** A border crossing point: the two countries' posts are one place for the queue. */
export const BorderCrossingSchema = Type.Object(
  {
    code: Code(),
    name: ShortText(),
    /** The two countries the crossing joins, in the order of its name. */
    countries: Type.Tuple([CountryCodeSchema, CountryCodeSchema]),
    location: LatLonSchema,
    geofence: PolygonSchema,
    lanes: Type.Array(LaneSchema, { maxItems: 200 }),
    operatingHours: Type.Optional(OperatingHoursSchema),
  },
  { additionalProperties: false },
);
export type BorderCrossing = Type.Static<typeof BorderCrossingSchema>;

/** Total trucks per hour the crossing clears when every lane is open. */
export function crossingCapacityPerHour(crossing: BorderCrossing): number {
  return crossing.lanes.reduce((sum, lane) => sum + lane.capacityPerHour, 0);
}
