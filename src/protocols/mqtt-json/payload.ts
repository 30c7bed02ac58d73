/**
 * The JSON payload of `corridor/v1/devices/{deviceId}/positions` to positions (format: README.md here).
 * Pure and total: any bytes give positions or issues with paths such as `[3].lat`, never an exception. A
 * message is taken whole or not at all, so a device never has half a batch stored.
 */
import { MAX_DATE_MS, type AttributeValue, type Issue, type Position, type SealState } from '../../core/model/index.js';
import { parseIsoDateTime } from '../iso-time.js';

export interface MqttPayloadLimits {
  /** Largest payload, bytes. */
  maxBytes: number;
  /** Most positions in one message. */
  maxPositions: number;
  /** Deepest nesting of arrays and objects; the format needs 3 (array, position, seal or attributes). */
  maxDepth: number;
  /** Most attributes on one position. */
  maxAttributes: number;
}

export const DEFAULT_MQTT_PAYLOAD_LIMITS: MqttPayloadLimits = {
  maxBytes: 256 * 1024, maxPositions: 1000, maxDepth: 8, maxAttributes: 100,
};

export type MqttPayloadResult = { ok: true; positions: Position[] } | { ok: false; issues: Issue[] };

const MAX_ISSUES = 100;
const MAX_TEXT_LENGTH = 1024;
const MAX_NAME_LENGTH = 64;

const POSITION_FIELDS = new Set([
  'time', 'lat', 'lon', 'altitude', 'speed', 'course', 'satellites', 'valid', 'seq', 'seal', 'attributes',
]);
const SEAL_FLAGS = ['locked', 'tamper', 'cableCut'] as const;
const SEAL_FIELDS = new Set<string>([...SEAL_FLAGS, 'batteryPercent', 'batteryVolts']);

const UTF8 = new TextDecoder('utf-8', { fatal: true });

const fail = (code: string, path: string, message: string): MqttPayloadResult =>
  ({ ok: false, issues: [{ code, path, message }] });

/** Deepest nesting of arrays and objects, counted on the bytes so a hostile payload is refused before parsing. */
function nestingDepth(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) {
      inString = true;
    } else if (b === 0x5b || b === 0x7b) {
      if (++depth > limit) return depth;
    } else if (b === 0x5d || b === 0x7d) {
      depth--;
    }
  }
  return depth;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

class PositionReader {
  readonly issues: Issue[] = [];

  constructor(private readonly limits: MqttPayloadLimits) {}

  private issue(code: string, path: string, message: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ code, path, message });
  }

  private number(
    source: Record<string, unknown>, field: string, path: string, min: number, max: number, integer = false,
  ): number | undefined {
    const value = source[field];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.issue('TYPE_INVALID', path, `${field} must be a number, not ${describe(value)}`);
      return undefined;
    }
    if (integer && !Number.isInteger(value)) {
      this.issue('TYPE_INVALID', path, `${field} must be a whole number`);
      return undefined;
    }
    if (value < min || value > max) {
      this.issue('OUT_OF_RANGE', path, `${field} ${value} is outside ${min}..${max}`);
      return undefined;
    }
    return value;
  }

  private boolean(source: Record<string, unknown>, field: string, path: string): boolean | undefined {
    const value = source[field];
    if (value === undefined || typeof value === 'boolean') return value;
    this.issue('TYPE_INVALID', path, `${field} must be true or false, not ${describe(value)}`);
    return undefined;
  }

  private time(value: unknown, path: string): number | undefined {
    if (value === undefined) {
      this.issue('FIELD_REQUIRED', path, 'time is required');
      return undefined;
    }
    if (typeof value === 'number') {
      if (Number.isSafeInteger(value) && value >= 0 && value <= MAX_DATE_MS) return value;
      this.issue('TIME_INVALID', path, `time ${value} is not whole milliseconds since the epoch`);
      return undefined;
    }
    const time = typeof value === 'string' && value.length <= 64 ? parseIsoDateTime(value, true) : undefined;
    if (time === undefined) {
      this.issue('TIME_INVALID', path, 'time must be ISO 8601 with a zone (2026-05-01T12:00:00Z) or epoch milliseconds');
    }
    return time;
  }

  private seal(value: unknown, path: string): SealState | undefined {
    if (!isRecord(value)) {
      this.issue('TYPE_INVALID', path, `seal must be an object, not ${describe(value)}`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!SEAL_FIELDS.has(key)) this.issue('UNKNOWN_FIELD', `${path}.${key}`, `unknown seal field ${key}`);
    }
    const seal: SealState = {};
    for (const flag of SEAL_FLAGS) {
      const state = this.boolean(value, flag, `${path}.${flag}`);
      if (state !== undefined) seal[flag] = state;
    }
    const percent = this.number(value, 'batteryPercent', `${path}.batteryPercent`, 0, 100);
    if (percent !== undefined) seal.batteryPercent = percent;
    const volts = this.number(value, 'batteryVolts', `${path}.batteryVolts`, 0, 100);
    if (volts !== undefined) seal.batteryVolts = volts;
    return seal;
  }

  private attributes(value: unknown, path: string, into: Record<string, AttributeValue>): void {
    if (!isRecord(value)) {
      this.issue('TYPE_INVALID', path, `attributes must be an object, not ${describe(value)}`);
      return;
    }
    const names = Object.keys(value);
    if (names.length > this.limits.maxAttributes) {
      this.issue('TOO_MANY_FIELDS', path, `more than ${this.limits.maxAttributes} attributes`);
      return;
    }
    for (const name of names) {
      const item = value[name];
      const itemPath = `${path}.${name}`;
      if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
        this.issue('VALUE_TOO_LONG', path, `attribute names are 1-${MAX_NAME_LENGTH} characters`);
      } else if (typeof item === 'string') {
        if (item.length > MAX_TEXT_LENGTH) this.issue('VALUE_TOO_LONG', itemPath, `longer than ${MAX_TEXT_LENGTH} characters`);
        else into[`mqtt:${name}`] = item;
      } else if ((typeof item === 'number' && Number.isFinite(item)) || typeof item === 'boolean') {
        into[`mqtt:${name}`] = item;
      } else {
        this.issue('TYPE_INVALID', itemPath, `an attribute is a string, a number or a boolean, not ${describe(item)}`);
      }
    }
  }

  read(value: unknown, prefix: string, deviceId: string, receivedAt: number): Position | undefined {
    const at = (field: string): string => (prefix === '' ? field : `${prefix}.${field}`);
    if (!isRecord(value)) {
      this.issue('TYPE_INVALID', prefix, `a position is an object, not ${describe(value)}`);
      return undefined;
    }
    const before = this.issues.length;
    for (const key of Object.keys(value)) {
      if (!POSITION_FIELDS.has(key)) this.issue('UNKNOWN_FIELD', at(key), `unknown field ${key}`);
    }
    const deviceTime = this.time(value.time, at('time'));
    for (const field of ['lat', 'lon'] as const) {
      if (value[field] === undefined) this.issue('FIELD_REQUIRED', at(field), `${field} is required`);
    }
    const lat = this.number(value, 'lat', at('lat'), -90, 90);
    const lon = this.number(value, 'lon', at('lon'), -180, 180);
    const altitude = this.number(value, 'altitude', at('altitude'), -12_000, 100_000);
    const speed = this.number(value, 'speed', at('speed'), 0, 2000);
    const course = this.number(value, 'course', at('course'), 0, 360);
    const satellites = this.number(value, 'satellites', at('satellites'), 0, 255, true);
    const valid = this.boolean(value, 'valid', at('valid'));
    const sequence = this.number(value, 'seq', at('seq'), 0, Number.MAX_SAFE_INTEGER, true);
    const seal = value.seal === undefined ? undefined : this.seal(value.seal, at('seal'));
    const attributes: Record<string, AttributeValue> = {};
    if (value.attributes !== undefined) this.attributes(value.attributes, at('attributes'), attributes);
    if (this.issues.length > before || deviceTime === undefined || lat === undefined || lon === undefined) return undefined;
    const position: Position = {
      deviceId,
      deviceTime,
      receivedTime: receivedAt,
      lat,
      lon,
      speed: speed ?? 0,
      course: course === undefined ? 0 : course % 360,
      valid: valid ?? true,
      attributes,
    };
    if (altitude !== undefined) position.altitude = altitude;
    if (satellites !== undefined) position.satellites = satellites;
    if (sequence !== undefined) position.sequence = sequence;
    if (seal !== undefined) position.seal = seal;
    return position;
  }
}

export function decodeMqttPayload(
  deviceId: string, bytes: Uint8Array, receivedAt: number, limits: MqttPayloadLimits = DEFAULT_MQTT_PAYLOAD_LIMITS,
): MqttPayloadResult {
  if (bytes.length > limits.maxBytes) {
    return fail('PAYLOAD_TOO_LARGE', '', `${bytes.length} bytes exceeds the limit of ${limits.maxBytes}`);
  }
  if (nestingDepth(bytes, limits.maxDepth) > limits.maxDepth) {
    return fail('JSON_TOO_DEEP', '', `nested deeper than ${limits.maxDepth} levels`);
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return fail('ENCODING', '', 'the payload is not UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('JSON_SYNTAX', '', `not JSON: ${(error as Error).message}`);
  }
  const reader = new PositionReader(limits);
  const positions: Position[] = [];
  if (Array.isArray(json)) {
    if (json.length > limits.maxPositions) {
      return fail('TOO_MANY_POSITIONS', '', `${json.length} positions exceeds the limit of ${limits.maxPositions}`);
    }
    for (let i = 0; i < json.length; i++) {
      const position = reader.read(json[i], `[${i}]`, deviceId, receivedAt);
      if (position) positions.push(position);
    }
  } else {
    const position = reader.read(json, '', deviceId, receivedAt);
    if (position) positions.push(position);
  }
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };
  return { ok: true, positions };
}
