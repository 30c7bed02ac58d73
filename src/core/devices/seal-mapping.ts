/**
 * How a device model's raw attributes (Teltonika `io<ID>`, Wialon `param:<name>`, EGTS sensors, MQTT JSON
 * fields) become seal state. Operators configure one mapping per model, because the same IO element means
 * different things on different seals; nothing here knows a protocol.
 */
import type { AttributeValue, Issue, SealState } from '../model/index.js';

/**
 * A yes/no seal field read from one attribute: true when the value equals `equals`, or when bit `bit`
 * (0 = least significant) of an integer value is set, or, with neither, when the value is non-zero / true /
 * "1" / "true". `invert` turns the answer round, for a device that reports "open" rather than "locked".
 */
export interface FlagRule {
  attribute: string;
  equals?: number | string | boolean;
  bit?: number;
  invert?: boolean;
}

/** A measured seal field: the attribute's numeric value × `scale` + `offset` (defaults 1 and 0). */
export interface MeasureRule {
  attribute: string;
  scale?: number;
  offset?: number;
}

export interface SealMapping {
  /** The device model this mapping applies to, as recorded on the seal device. */
  model: string;
  locked?: FlagRule;
  tamper?: FlagRule;
  cableCut?: FlagRule;
  batteryPercent?: MeasureRule;
  batteryVolts?: MeasureRule;
}

export const FLAG_FIELDS = ['locked', 'tamper', 'cableCut'] as const;
export const MEASURE_FIELDS = ['batteryPercent', 'batteryVolts'] as const;

/**
 * The seal state the attributes show under `mapping`; a field whose attribute is absent (or not a value
 * the rule can read) is left out, and undefined is returned when no field could be read at all.
 */
export function applySealMapping(
  mapping: SealMapping,
  attributes: Readonly<Record<string, AttributeValue>>,
): SealState | undefined {
  const state: SealState = {};
  let any = false;
  for (const field of FLAG_FIELDS) {
    const rule = mapping[field];
    if (!rule) continue;
    const value = readFlag(rule, attributes[rule.attribute]);
    if (value !== undefined) {
      state[field] = value;
      any = true;
    }
  }
  for (const field of MEASURE_FIELDS) {
    const rule = mapping[field];
    if (!rule) continue;
    const value = readMeasure(rule, attributes[rule.attribute]);
    if (value !== undefined) {
      state[field] = value;
      any = true;
    }
  }
  return any ? state : undefined;
}

function readFlag(rule: FlagRule, value: AttributeValue | undefined): boolean | undefined {
  if (value === undefined || value instanceof Uint8Array) return undefined;
  let result: boolean | undefined;
  if (rule.equals !== undefined) {
    result = sameValue(value, rule.equals);
  } else if (rule.bit !== undefined) {
    const n = toBigInt(value);
    result = n === undefined ? undefined : ((n >> BigInt(rule.bit)) & 1n) === 1n;
  } else {
    result = truthy(value);
  }
  return result === undefined ? undefined : result !== (rule.invert ?? false);
}

function readMeasure(rule: MeasureRule, value: AttributeValue | undefined): number | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'bigint') n = Number(value);
  else if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value)) n = Number(value);
  else return undefined;
  if (rule.scale === undefined && rule.offset === undefined) return Number.isFinite(n) ? n : undefined;
  // 15 significant digits drop the binary noise of decimal scales (41 × 0.1 is 4.1, not 4.1000000000000005).
  const result = Number((n * (rule.scale ?? 1) + (rule.offset ?? 0)).toPrecision(15));
  return Number.isFinite(result) ? result : undefined;
}

/** Numbers compare by value whatever their representation (1, 1n and "1" are the same reading). */
function sameValue(value: Exclude<AttributeValue, Uint8Array>, expected: number | string | boolean): boolean {
  if (typeof expected === 'boolean') return typeof value === 'boolean' ? value === expected : truthy(value) === expected;
  if (typeof expected === 'number') {
    if (typeof value === 'number') return value === expected;
    if (typeof value === 'bigint') return Number.isInteger(expected) && value === BigInt(expected);
    if (typeof value === 'string') return value.trim() !== '' && Number(value) === expected;
    return (value ? 1 : 0) === expected;
  }
  return String(value) === expected;
}

function truthy(value: Exclude<AttributeValue, Uint8Array>): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  const text = value.trim().toLowerCase();
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return undefined;
}

function toBigInt(value: Exclude<AttributeValue, Uint8Array>): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value === 'string' && /^\d{1,19}$/.test(value)) return BigInt(value);
  return undefined;
}

const MAPPING_KEYS = new Set<string>(['model', ...FLAG_FIELDS, ...MEASURE_FIELDS]);
const FLAG_KEYS = new Set(['attribute', 'equals', 'bit', 'invert']);
const MEASURE_KEYS = new Set(['attribute', 'scale', 'offset']);

/**
 * Why `value` is not a usable seal mapping (an empty list when it is). Checks the shape (required fields,
 * types, no unknown fields) and the sense: at least one rule, `equals` and `bit` not both, bits 0–63,
 * a finite non-zero scale.
 */
export function validateSealMapping(value: unknown, path = ''): Issue[] {
  const issues: Issue[] = [];
  const at = (field: string): string => (path === '' ? field : `${path}.${field}`);
  if (!isRecord(value)) {
    return [{ code: 'SCHEMA_TYPE', path, message: 'a seal mapping is an object' }];
  }
  for (const key of Object.keys(value)) {
    if (!MAPPING_KEYS.has(key)) issues.push({ code: 'UNKNOWN_FIELD', path: at(key), message: `unknown field "${key}"` });
  }
  if (value.model === undefined) {
    issues.push({ code: 'REQUIRED', path: at('model'), message: 'the device model is required' });
  } else if (typeof value.model !== 'string' || value.model.trim() === '' || value.model.length > 64) {
    issues.push({ code: 'SCHEMA_TYPE', path: at('model'), message: 'the device model is a text of 1 to 64 characters' });
  }
  let rules = 0;
  for (const field of FLAG_FIELDS) {
    if (value[field] === undefined) continue;
    rules++;
    issues.push(...validateFlagRule(value[field], at(field)));
  }
  for (const field of MEASURE_FIELDS) {
    if (value[field] === undefined) continue;
    rules++;
    issues.push(...validateMeasureRule(value[field], at(field)));
  }
  if (rules === 0) {
    issues.push({ code: 'SEAL_MAPPING_EMPTY', path, message: 'a seal mapping needs at least one rule' });
  }
  return issues;
}

/** Validates a list of mappings: each one, and no model mapped twice. */
export function validateSealMappings(value: unknown): Issue[] {
  if (!Array.isArray(value)) return [{ code: 'SCHEMA_TYPE', path: '', message: 'seal mappings are a list' }];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  value.forEach((mapping: unknown, i) => {
    issues.push(...validateSealMapping(mapping, `[${i}]`));
    const model = isRecord(mapping) ? mapping.model : undefined;
    if (typeof model === 'string') {
      if (seen.has(model)) {
        issues.push({ code: 'SEAL_MAPPING_DUPLICATE', path: `[${i}].model`, message: `model "${model}" is mapped twice` });
      }
      seen.add(model);
    }
  });
  return issues;
}

function validateFlagRule(rule: unknown, path: string): Issue[] {
  if (!isRecord(rule)) return [{ code: 'SCHEMA_TYPE', path, message: 'a rule is an object' }];
  const issues = [...unknownKeys(rule, FLAG_KEYS, path), ...attributeIssues(rule, path)];
  const { equals, bit, invert } = rule;
  if (equals !== undefined && !['string', 'boolean'].includes(typeof equals) && !(typeof equals === 'number' && Number.isFinite(equals))) {
    issues.push({ code: 'SCHEMA_TYPE', path: `${path}.equals`, message: 'equals is a finite number, a text or true/false' });
  }
  if (bit !== undefined && !(typeof bit === 'number' && Number.isInteger(bit) && bit >= 0 && bit <= 63)) {
    issues.push({ code: 'SEAL_RULE_BIT', path: `${path}.bit`, message: 'bit is an integer from 0 to 63' });
  }
  if (equals !== undefined && bit !== undefined) {
    issues.push({ code: 'SEAL_RULE_CONFLICT', path, message: 'a rule tests either equals or bit, not both' });
  }
  if (invert !== undefined && typeof invert !== 'boolean') {
    issues.push({ code: 'SCHEMA_TYPE', path: `${path}.invert`, message: 'invert is true or false' });
  }
  return issues;
}

function validateMeasureRule(rule: unknown, path: string): Issue[] {
  if (!isRecord(rule)) return [{ code: 'SCHEMA_TYPE', path, message: 'a rule is an object' }];
  const issues = [...unknownKeys(rule, MEASURE_KEYS, path), ...attributeIssues(rule, path)];
  if (rule.scale !== undefined && !(typeof rule.scale === 'number' && Number.isFinite(rule.scale) && rule.scale !== 0)) {
    issues.push({ code: 'SEAL_RULE_SCALE', path: `${path}.scale`, message: 'scale is a finite number other than 0' });
  }
  if (rule.offset !== undefined && !(typeof rule.offset === 'number' && Number.isFinite(rule.offset))) {
    issues.push({ code: 'SCHEMA_TYPE', path: `${path}.offset`, message: 'offset is a finite number' });
  }
  return issues;
}

function attributeIssues(rule: Record<string, unknown>, path: string): Issue[] {
  if (rule.attribute === undefined) return [{ code: 'REQUIRED', path: `${path}.attribute`, message: 'the attribute to read is required' }];
  if (typeof rule.attribute !== 'string' || rule.attribute.trim() === '' || rule.attribute.length > 128) {
    return [{ code: 'SCHEMA_TYPE', path: `${path}.attribute`, message: 'the attribute is a text of 1 to 128 characters' }];
  }
  return [];
}

function unknownKeys(rule: Record<string, unknown>, allowed: Set<string>, path: string): Issue[] {
  return Object.keys(rule)
    .filter((key) => !allowed.has(key))
    .map((key) => ({ code: 'UNKNOWN_FIELD', path: `${path}.${key}`, message: `unknown field "${key}"` }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mapping for `model`, if there is one. */
export function findSealMapping(mappings: readonly SealMapping[], model: string | undefined): SealMapping | undefined {
  return model === undefined ? undefined : mappings.find((m) => m.model === model);
}
