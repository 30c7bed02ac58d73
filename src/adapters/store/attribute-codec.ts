/**
 * A position's attributes as JSON text and back, losslessly. Devices send what JSON cannot hold (64-bit
 * integers, raw bytes, NaN) and what PostgreSQL's jsonb refuses (U+0000 and unpaired surrogates in text).
 * Such a value is written as an object of one tagged key, which no plain attribute value can be, since
 * attribute values are never objects:
 *
 *   {"$bigint": "18446744073709551615"}   {"$bytes": "<base64>"}   {"$number": "NaN" | "Infinity" | "-0"}
 *   {"$string": "<UTF-16 code units, 4 hex digits each>"}
 *
 * A name jsonb would refuse turns the whole document into {"$entries": [[name, value], ...]}, names tagged
 * like values; no plain document has an array under `$entries`, so the form is never mistaken.
 */
import { Buffer } from 'node:buffer';
import type { AttributeValue } from '../../core/model/index.js';
import type { Json } from './schema.js';

type Attributes = Record<string, AttributeValue>;
type Tagged = { $bigint: string } | { $bytes: string } | { $number: string } | { $string: string };

/** A cheap first look: only text holding one of these characters can be refused. */
const SUSPECT = /[\0\uD800-\uDFFF]/;
const REFUSED = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function storable(text: string): boolean {
  return !SUSPECT.test(text) || !REFUSED.test(text);
}

/** Whether a value goes into JSON as itself: the common case, checked without allocating. */
function plain(value: AttributeValue): boolean {
  switch (typeof value) {
    case 'string':
      return storable(value);
    case 'number':
      // JSON writes NaN and the infinities as null, and -0 as 0.
      return Number.isFinite(value) && (value !== 0 || 1 / value > 0);
    case 'boolean':
      return true;
    default:
      return false;
  }
}

function encodeString(text: string): string | Tagged {
  if (storable(text)) return text;
  let hex = '';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return { $string: hex };
}

function decodeString(value: string | Tagged): string {
  if (typeof value === 'string') return value;
  const hex = (value as { $string: string }).$string;
  let text = '';
  for (let i = 0; i < hex.length; i += 4) text += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return text;
}

function encodeValue(name: string, value: AttributeValue): AttributeValue | Tagged {
  switch (typeof value) {
    case 'string':
      return encodeString(value);
    case 'number':
      return plain(value) ? value : { $number: Object.is(value, -0) ? '-0' : String(value) };
    case 'boolean':
      return value;
    case 'bigint':
      return { $bigint: value.toString() };
    default:
      if (value instanceof Uint8Array) {
        return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
      }
      throw new TypeError(`attribute ${JSON.stringify(name)} is not a number, bigint, string, boolean or bytes`);
  }
}

function decodeValue(value: unknown): AttributeValue {
  if (typeof value !== 'object' || value === null) return value as AttributeValue;
  const tagged = value as Partial<Record<'$bigint' | '$bytes' | '$number' | '$string', string>>;
  if (tagged.$bigint !== undefined) return BigInt(tagged.$bigint);
  // A copy, not a view into Node's shared buffer pool, and a plain Uint8Array, not a Buffer.
  if (tagged.$bytes !== undefined) return new Uint8Array(Buffer.from(tagged.$bytes, 'base64'));
  if (tagged.$number !== undefined) return Number(tagged.$number);
  if (tagged.$string !== undefined) return decodeString(tagged as Tagged);
  throw new TypeError(`not a tagged attribute value: ${JSON.stringify(value)}`);
}

/** Sets an own property even for the name `__proto__`, which plain assignment would take as the prototype. */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') {
    Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[name] = value;
  }
}

export function encodeAttributes(attributes: Readonly<Attributes>): Json {
  let tagged = false;
  for (const name of Object.keys(attributes)) {
    if (!storable(name)) {
      const entries = Object.keys(attributes).map((key) => [encodeString(key), encodeValue(key, attributes[key]!)]);
      return JSON.stringify({ $entries: entries });
    }
    if (!tagged && !plain(attributes[name]!)) tagged = true;
  }
  // Almost every position takes this path: one JSON.stringify, nothing copied.
  if (!tagged) return JSON.stringify(attributes);
  const encoded: Record<string, unknown> = {};
  for (const name of Object.keys(attributes)) setOwn(encoded, name, encodeValue(name, attributes[name]!));
  return JSON.stringify(encoded);
}

/** Reads back only what `encodeAttributes` wrote (jsonb may have reordered the names, which changes nothing). */
export function decodeAttributes(text: Json): Attributes {
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const entries = Object.hasOwn(parsed, '$entries') ? parsed.$entries : undefined;
  if (Array.isArray(entries)) {
    const decoded: Record<string, unknown> = {};
    for (const [name, value] of entries as Array<[string | Tagged, unknown]>) setOwn(decoded, decodeString(name), decodeValue(value));
    return decoded as Attributes;
  }
  // Decoded in place: JSON.parse made every name an own property, `__proto__` included, so assignment is safe.
  for (const name of Object.keys(parsed)) {
    const value = parsed[name];
    if (typeof value === 'object' && value !== null) parsed[name] = decodeValue(value);
  }
  return parsed as Attributes;
}
