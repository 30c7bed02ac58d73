/**
 * The device side of OsmAnd: a fix as the query string OsmAnd and Traccar Client send (`id`, `timestamp` in
 * Unix seconds, `lat`, `lon`, `speed` in knots...). For tests, benchmarks and the fleet simulator.
 */

export interface OsmandFix {
  deviceId: string;
  /** Milliseconds since the epoch; sent as Unix seconds, the form OsmAnd itself uses. Omitted: none sent. */
  time?: number;
  /** Degrees. */
  lat: number;
  lon: number;
  /** km/h; sent in knots, as the protocol has it. */
  speed?: number;
  /** Degrees clockwise from north, sent as `bearing`. */
  course?: number;
  /** Metres. */
  altitude?: number;
  /** Metres. */
  accuracy?: number;
  hdop?: number;
  /** Battery, percent. */
  battery?: number;
  valid?: boolean;
  /** Any other parameters, sent as they are. */
  extra?: Readonly<Record<string, string | number | boolean>>;
}

const KNOTS_TO_KMH = 1.852;

export function encodeOsmandQuery(fix: OsmandFix): string {
  const params = new URLSearchParams({ id: fix.deviceId });
  if (fix.time !== undefined) params.set('timestamp', String(finite(fix.time, 'time') / 1000));
  params.set('lat', String(finite(fix.lat, 'lat')));
  params.set('lon', String(finite(fix.lon, 'lon')));
  if (fix.speed !== undefined) params.set('speed', String(finite(fix.speed, 'speed') / KNOTS_TO_KMH));
  if (fix.course !== undefined) params.set('bearing', String(finite(fix.course, 'course')));
  if (fix.altitude !== undefined) params.set('altitude', String(finite(fix.altitude, 'altitude')));
  if (fix.accuracy !== undefined) params.set('accuracy', String(finite(fix.accuracy, 'accuracy')));
  if (fix.hdop !== undefined) params.set('hdop', String(finite(fix.hdop, 'hdop')));
  if (fix.battery !== undefined) params.set('batt', String(finite(fix.battery, 'battery')));
  if (fix.valid !== undefined) params.set('valid', String(fix.valid));
  for (const [name, value] of Object.entries(fix.extra ?? {})) params.set(name, String(value));
  return params.toString();
}

function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new RangeError(`${what} ${value} is not a finite number`);
  return value;
}
