/** A position as the parameters of a row, and a row back as a position. */
import type { Selectable } from 'kysely';
import type { Position, SealState } from '../../core/model/index.js';
import { decodeAttributes, encodeAttributes } from './attribute-codec.js';
import { decodeFlag, decodeOptionalJson, encodeFlag, encodeOptionalJson } from './codec.js';
import type { PositionColumns } from './schema.js';

export type PositionRow = Selectable<PositionColumns>;

/** The columns in the order `writePosition` writes them. */
export const POSITION_COLUMNS = [
  'device_id',
  'device_time',
  'received_time',
  'sequence',
  'lat',
  'lon',
  'altitude',
  'speed',
  'course',
  'satellites',
  'valid',
  'attributes',
  'seal',
] as const satisfies ReadonlyArray<keyof PositionColumns>;

/** What the `sequence` column holds for a position without one. */
export const NO_SEQUENCE = -1;

/**
 * Writes the row of `position` into `parameters` from `offset`. Integer columns are checked here: PostgreSQL
 * would refuse a fraction and fail the whole batch, while SQLite would quietly store it as a real number.
 */
export function writePosition(parameters: unknown[], offset: number, position: Position, index: number): void {
  const { deviceTime, receivedTime, sequence, satellites, altitude, seal } = position;
  if (!Number.isSafeInteger(deviceTime) || !Number.isSafeInteger(receivedTime)) {
    throw new RangeError(`position ${index}: times must be whole milliseconds (${deviceTime}, ${receivedTime})`);
  }
  if (sequence !== undefined && !(Number.isSafeInteger(sequence) && sequence >= 0)) {
    throw new RangeError(`position ${index}: a sequence is a whole number from 0 (${sequence})`);
  }
  if (satellites !== undefined && !Number.isInteger(satellites)) {
    throw new RangeError(`position ${index}: satellites must be a whole number (${satellites})`);
  }
  parameters[offset] = position.deviceId;
  parameters[offset + 1] = deviceTime;
  parameters[offset + 2] = receivedTime;
  parameters[offset + 3] = sequence ?? NO_SEQUENCE;
  parameters[offset + 4] = position.lat;
  parameters[offset + 5] = position.lon;
  parameters[offset + 6] = altitude ?? null;
  parameters[offset + 7] = position.speed;
  parameters[offset + 8] = position.course;
  parameters[offset + 9] = satellites ?? null;
  parameters[offset + 10] = encodeFlag(position.valid);
  parameters[offset + 11] = encodeAttributes(position.attributes);
  parameters[offset + 12] = encodeOptionalJson(seal);
}

export function toPosition(row: PositionRow): Position {
  const position: Position = {
    deviceId: row.device_id,
    deviceTime: row.device_time,
    receivedTime: row.received_time,
    lat: row.lat,
    lon: row.lon,
    speed: row.speed,
    course: row.course,
    valid: decodeFlag(row.valid),
    attributes: decodeAttributes(row.attributes),
  };
  // Absent optional fields stay absent, not undefined.
  if (row.altitude !== null) position.altitude = row.altitude;
  if (row.satellites !== null) position.satellites = row.satellites;
  if (row.sequence !== NO_SEQUENCE) position.sequence = row.sequence;
  const seal = decodeOptionalJson<SealState>(row.seal);
  if (seal !== undefined) position.seal = seal;
  return position;
}
