/**
 * What every decoded position must satisfy, whatever bytes it came from: the fuzz tests check each one, so a
 * codec never hands the store a coordinate off the globe, a time a Date cannot hold, or a number that is not
 * one. Returns the first broken rule, or undefined.
 */
import type { Position } from '../../core/model/index.js';

/** The range of a JavaScript Date: ±100,000,000 days from the epoch. */
export const MAX_DATE_MS = 8.64e15;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function positionFault(p: Position, receivedAt: number): string | undefined {
  if (typeof p.deviceId !== 'string' || p.deviceId === '') return 'deviceId is empty';
  if (!isNumber(p.deviceTime) || Math.abs(p.deviceTime) > MAX_DATE_MS) return `deviceTime ${p.deviceTime} is not a date`;
  if (p.receivedTime !== receivedAt) return `receivedTime ${p.receivedTime} is not the time of receipt`;
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
