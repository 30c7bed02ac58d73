/** Customs offices and border crossing points. */
import type { LatLon, Polygon } from './geo.js';
import type { CountryCode } from './parties.js';

export interface CustomsOffice {
  /** The office's reference number, such as `KZ551000` or `10508010`. */
  code: string;
  name: string;
  country: CountryCode;
  location: LatLon;
  geofence: Polygon;
}

/** Daily opening hours in the crossing's local time, `HH:MM`; absent means open around the clock. */
export interface OperatingHours {
  open: string;
  close: string;
  /** IANA time zone of the crossing, such as `Asia/Almaty`. */
  timeZone: string;
}

export interface Lane {
  id: string;
  /** Trucks per hour this lane clears. */
  capacityPerHour: number;
}

/** A border crossing point: the two countries' posts are one place for the queue. */
export interface BorderCrossing {
  code: string;
  name: string;
  /** The two countries the crossing joins, in the direction of the names (first side, second side). */
  countries: [CountryCode, CountryCode];
  location: LatLon;
  geofence: Polygon;
  lanes: Lane[];
  operatingHours?: OperatingHours;
}

/** Total trucks per hour the crossing clears when every lane is open. */
export function crossingCapacityPerHour(crossing: BorderCrossing): number {
  return crossing.lanes.reduce((sum, lane) => sum + lane.capacityPerHour, 0);
}
