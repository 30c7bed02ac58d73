/**
 * An OsmAnd request (HTTP GET query or POST form, as OsmAnd and Traccar Client send it) to a position.
 * Pure: the HTTP adapter hands over the parameters and the time it received them.
 *
 *   id | deviceid   device identifier (required)
 *   timestamp       Unix seconds, Unix milliseconds or ISO 8601 (absent: the received time)
 *   lat, lon        degrees; or location=lat,lon
 *   speed           knots, stored as km/h
 *   bearing|heading degrees
 *   altitude        metres
 *   accuracy, hdop  kept as attributes
 *   batt            battery percent: attribute, and the seal's battery charge
 *   valid           true|false|1|0 (absent: true)
 *
 * Every other parameter is kept as attribute `osmand:<name>`: a number when it reads as one, a boolean for
 * true/false, text otherwise.
 */
import { isDeviceId } from '../device-id.js';
import type { AttributeValue, Issue, Position } from '../../core/model/index.js';
import { parseOsmandTime } from './time.js';

export type OsmandParams =
  | URLSearchParams
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export type OsmandResult = { ok: true; position: Position } | { ok: false; issues: Issue[] };

const KNOTS_TO_KMH = 1.852;
const MAX_PARAMETERS = 100;
const MAX_NAME_LENGTH = 64;
const MAX_VALUE_LENGTH = 1024;
const MAX_ID_LENGTH = 64;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const KNOWN = new Set([
  'id', 'deviceid', 'timestamp', 'lat', 'lon', 'location', 'speed', 'bearing', 'heading', 'altitude',
  'accuracy', 'hdop', 'batt', 'valid',
]);

/** The first value of each parameter, in order; a repeated parameter counts once. */
function entriesOf(params: OsmandParams): [string, string][] {
  const entries: [string, string][] = [];
  if (params instanceof URLSearchParams) {
    const seen = new Set<string>();
    for (const [name, value] of params) {
      if (seen.has(name)) continue;
      seen.add(name);
      entries.push([name, value]);
    }
    return entries;
  }
  for (const name of Object.keys(params)) {
    const value = params[name];
    const first = typeof value === 'string' ? value : value?.[0];
    if (first !== undefined) entries.push([name, first]);
  }
  return entries;
}

function toNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function toAttribute(text: string): AttributeValue {
  const number = toNumber(text);
  if (number !== undefined && Number.isFinite(number)) return number;
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

export function decodeOsmand(params: OsmandParams, receivedAt: number): OsmandResult {
  const issues: Issue[] = [];
  const entries = entriesOf(params);
  if (entries.length > MAX_PARAMETERS) {
    return { ok: false, issues: [{ code: 'TOO_MANY_FIELDS', path: '', message: `more than ${MAX_PARAMETERS} parameters` }] };
  }
  const values = new Map<string, string>();
  const attributes: Record<string, AttributeValue> = {};
  for (const [name, value] of entries) {
    if (name.length > MAX_NAME_LENGTH) {
      issues.push({ code: 'VALUE_TOO_LONG', path: name.slice(0, MAX_NAME_LENGTH), message: `parameter name longer than ${MAX_NAME_LENGTH}` });
    } else if (value.length > MAX_VALUE_LENGTH) {
      issues.push({ code: 'VALUE_TOO_LONG', path: name, message: `value longer than ${MAX_VALUE_LENGTH} characters` });
    } else if (KNOWN.has(name)) {
      // Clients leave a placeholder empty when they have no value; that is an absent value, not a bad one.
      if (value.trim() !== '') values.set(name, value);
    } else {
      attributes[`osmand:${name}`] = toAttribute(value);
    }
  }

  /** A number parameter, checked against its range; undefined (with an issue) when it is not acceptable. */
  const numberAt = (name: string, min: number, max: number, unit = ''): number | undefined => {
    const text = values.get(name)!;
    const value = toNumber(text);
    if (value === undefined || !Number.isFinite(value)) {
      issues.push({ code: 'NOT_A_NUMBER', path: name, message: `"${text}" is not a number` });
      return undefined;
    }
    if (value < min || value > max) {
      issues.push({ code: 'OUT_OF_RANGE', path: name, message: `${value} is outside ${min}..${max}${unit}` });
      return undefined;
    }
    return value;
  };
  const optionalNumber = (name: string, min: number, max: number, unit = ''): number | undefined =>
    values.has(name) ? numberAt(name, min, max, unit) : undefined;

  const idName = values.get('id')?.trim() ? 'id' : 'deviceid';
  const deviceId = values.get(idName)?.trim() ?? '';
  if (deviceId !== '' && deviceId.length <= 64 && !isDeviceId(deviceId)) {
    issues.push({ code: 'DEVICE_ID_INVALID', path: idName, message: 'a device identifier is 1 to 64 visible ASCII characters' });
  }
  if (deviceId === '') {
    issues.push({ code: 'FIELD_REQUIRED', path: 'id', message: 'the device identifier (id or deviceid) is required' });
  } else if (deviceId.length > MAX_ID_LENGTH) {
    issues.push({ code: 'VALUE_TOO_LONG', path: idName, message: `device identifier longer than ${MAX_ID_LENGTH}` });
  }

  let deviceTime: number | undefined = receivedAt;
  const timestamp = values.get('timestamp');
  if (timestamp !== undefined) {
    deviceTime = parseOsmandTime(timestamp.trim());
    if (deviceTime === undefined) {
      issues.push({
        code: 'TIME_INVALID', path: 'timestamp',
        message: `"${timestamp}" is neither Unix seconds, Unix milliseconds nor an ISO 8601 date-time`,
      });
    }
  }

  let lat: number | undefined;
  let lon: number | undefined;
  if (values.has('lat') || values.has('lon') || !values.has('location')) {
    for (const name of ['lat', 'lon'] as const) {
      if (!values.has(name)) issues.push({ code: 'FIELD_REQUIRED', path: name, message: `${name} is required` });
    }
    lat = optionalNumber('lat', -90, 90, '°');
    lon = optionalNumber('lon', -180, 180, '°');
  } else {
    const location = values.get('location')!;
    const parts = location.split(',');
    const la = parts.length === 2 ? toNumber(parts[0]!) : undefined;
    const lo = parts.length === 2 ? toNumber(parts[1]!) : undefined;
    if (la === undefined || lo === undefined) {
      issues.push({ code: 'NOT_A_NUMBER', path: 'location', message: `"${location}" is not "lat,lon"` });
    } else if (la < -90 || la > 90 || lo < -180 || lo > 180) {
      issues.push({ code: 'OUT_OF_RANGE', path: 'location', message: `${la},${lo} is outside -90..90°, -180..180°` });
    } else {
      lat = la;
      lon = lo;
    }
  }

  const knots = optionalNumber('speed', 0, 1000, ' knots');
  const courseName = values.has('bearing') ? 'bearing' : 'heading';
  const course = optionalNumber(courseName, -360, 360, '°');
  const altitude = optionalNumber('altitude', -12_000, 100_000, ' m');
  const accuracy = optionalNumber('accuracy', 0, 1e7, ' m');
  const hdop = optionalNumber('hdop', 0, 1000);
  const battery = optionalNumber('batt', 0, 100, '%');

  let valid = true;
  const validText = values.get('valid');
  if (validText !== undefined) {
    if (validText === 'true' || validText === '1') valid = true;
    else if (validText === 'false' || validText === '0') valid = false;
    else issues.push({ code: 'BOOLEAN_INVALID', path: 'valid', message: `"${validText}" is not true, false, 1 or 0` });
  }

  if (issues.length > 0 || lat === undefined || lon === undefined || deviceTime === undefined) return { ok: false, issues };

  if (accuracy !== undefined) attributes['osmand:accuracy'] = accuracy;
  if (hdop !== undefined) attributes['osmand:hdop'] = hdop;
  if (battery !== undefined) attributes['osmand:batt'] = battery;
  const position: Position = {
    deviceId,
    deviceTime,
    receivedTime: receivedAt,
    lat,
    lon,
    speed: knots === undefined ? 0 : knots * KNOTS_TO_KMH,
    course: course === undefined ? 0 : ((course % 360) + 360) % 360,
    valid,
    attributes,
  };
  if (altitude !== undefined) position.altitude = altitude;
  if (battery !== undefined) position.seal = { batteryPercent: battery };
  return { ok: true, position };
}

/** The same, from a raw query string or urlencoded form body (with or without the leading `?`). */
export function decodeOsmandQuery(query: string, receivedAt: number): OsmandResult {
  return decodeOsmand(new URLSearchParams(query), receivedAt);
}
