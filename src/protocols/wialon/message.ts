/**
 * One Wialon IPS message, the fields of a `#SD#` or `#D#` packet (or one message of a `#B#` packet), into a
 * position; or the first check it fails. Fields are checked in the order of the spec's answer codes.
 *
 * A message without coordinates (NA) still carries seal alarms and sensors, so it becomes a position with
 * `valid: false` at 0, 0; so does one that reports 0 satellites. Speed and course NA become 0; altitude,
 * satellites and every other NA field are left out.
 */
import type { AttributeValue, Position } from '../../core/model/index.js';
import type { MessageFault } from './answers.js';
import { isAbsent, parseCoordinate, parseCount, parseDateTime, parseNumber } from './fields.js';
import { parseParams } from './params.js';

/** date;time;lat1;lat2;lon1;lon2;speed;course;height;sats */
export const SHORT_FIELDS = 10;
/** The short fields, then hdop;inputs;outputs;adc;ibutton;params */
export const FULL_FIELDS = 16;

export type MessageResult = { ok: true; position: Position } | { ok: false; fault: MessageFault };

export function parseMessage(fields: readonly string[], deviceId: string, receivedAt: number): MessageResult {
  const full = fields.length === FULL_FIELDS;
  if (!full && fields.length !== SHORT_FIELDS) return fail('structure');
  const f = fields as readonly [string, ...string[]];

  const deviceTime = parseDateTime(f[0], f[1]!, receivedAt);
  if (deviceTime === undefined) return fail('time');

  const lat = parseCoordinate(f[2]!, f[3]!, 'lat');
  const lon = parseCoordinate(f[4]!, f[5]!, 'lon');
  if (lat === null || lon === null || (lat === undefined) !== (lon === undefined)) return fail('coordinates');

  const speed = parseNumber(f[6]!);
  const course = parseNumber(f[7]!);
  const altitude = parseNumber(f[8]!);
  if (speed === null || course === null || altitude === null) return fail('speedCourseAltitude');
  if ((speed !== undefined && speed < 0) || (course !== undefined && (course < 0 || course > 360))) {
    return fail('speedCourseAltitude');
  }

  const satellites = parseCount(f[9]!);
  if (satellites === null) return fail('satellites');

  const attributes: Record<string, AttributeValue> = {};
  if (full) {
    const hdop = parseNumber(f[10]!);
    if (hdop === null || (hdop !== undefined && hdop < 0)) return fail('satellites');
    if (hdop !== undefined) attributes.hdop = hdop;

    const inputs = parseCount(f[11]!);
    const outputs = parseCount(f[12]!);
    if (inputs === null || outputs === null) return fail('inputsOutputs');
    if (inputs !== undefined) attributes.inputs = inputs;
    if (outputs !== undefined) attributes.outputs = outputs;

    if (!isAbsent(f[13]!)) {
      const adc = f[13]!.split(',');
      for (let i = 0; i < adc.length; i++) {
        const value = parseNumber(adc[i]!);
        if (value === null) return fail('adc');
        if (value !== undefined) attributes[`adc${i + 1}`] = value;
      }
    }

    if (!isAbsent(f[14]!)) attributes.ibutton = f[14]!;

    if (!parseParams(f[15]!, attributes)) return fail('params');
  }

  const position: Position = {
    deviceId,
    deviceTime,
    receivedTime: receivedAt,
    lat: lat ?? 0,
    lon: lon ?? 0,
    speed: speed ?? 0,
    course: course === undefined ? 0 : course % 360,
    valid: lat !== undefined && satellites !== 0,
    attributes,
  };
  if (altitude !== undefined) position.altitude = altitude;
  if (satellites !== undefined) position.satellites = satellites;
  return { ok: true, position };
}

function fail(fault: MessageFault): MessageResult {
  return { ok: false, fault };
}
