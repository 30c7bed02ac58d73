/**
 * What every position must satisfy before it is stored, whatever bytes it came from: coordinates on the
 * globe, a time a Date can hold, numbers that are numbers, attribute values the store can encode. The codecs
 * guarantee it (their fuzz tests check every position against this), and ingestion checks it again, so one
 * bad position can never fail a group commit that carries other devices' positions.
 */
import type { Position } from './position.js';

/** The range of a JavaScript Date: ±100,000,000 days from the epoch. */
export const MAX_DATE_MS = 8.64e15;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The first rule `p` breaks, or undefined when it may be stored. */
export function positionFault(p: Position): string | undefined {
  if (typeof p.deviceId !== 'string' || p.deviceId === '' || p.deviceId.includes('\u0000')) return 'deviceId is empty or has NUL';
  if (!Number.isSafeInteger(p.deviceTime) || Math.abs(p.deviceTime) > MAX_DATE_MS) return `deviceTime ${p.deviceTime} is not a date`;
  if (!Number.isSafeInteger(p.receivedTime) || Math.abs(p.receivedTime) > MAX_DATE_MS) return `receivedTime ${p.receivedTime} is not a date`;
  if (!isNumber(p.lat) || p.lat < -90 || p.lat > 90) return `lat ${p.lat} is outside -90..90`;
  if (!isNumber(p.lon) || p.lon < -180 || p.lon > 180) return `lon ${p.lon} is outside -180..180`;
  if (!isNumber(p.speed) || p.speed < 0) return `speed ${p.speed} is not a speed`;
  if (!isNumber(p.course) || p.course < 0 || p.course >= 360) return `course ${p.course} is outside 0..360`;
  if (p.altitude !== undefined && !isNumber(p.altitude)) return `altitude ${p.altitude} is not a number`;
  if (p.satellites !== undefined && !(Number.isInteger(p.satellites) && p.satellites >= 0)) {
    return `satellites ${p.satellites} is not a count`;
  }
  if (p.sequence !== undefined && !(Number.isSafeInteger(p.sequence) && p.sequence >= 0)) {
    return `sequence ${p.sequence} is not a sequence number`;
  }
  if (typeof p.valid !== 'boolean') return 'valid is not a boolean';
  for (const [name, value] of Object.entries(p.attributes)) {
    const ok = typeof value === 'number' ? Number.isFinite(value)
      : typeof value === 'bigint' || typeof value === 'string' || typeof value === 'boolean' || value instanceof Uint8Array;
    if (!ok) return `attribute ${name} is ${String(value)}`;
  }
  if (p.seal) {
    for (const [name, value] of Object.entries(p.seal)) {
      if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'boolean') return `seal.${name} is ${String(value)}`;
    }
  }
  return undefined;
}
