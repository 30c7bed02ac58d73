/**
 * The additional parameters of a Wialon IPS `#D#` message: `NAME:TYPE:VALUE` separated by commas, where TYPE
 * is 1 (integer), 2 (floating point) or 3 (text). Each becomes the attribute `param:<NAME>`.
 */
import type { AttributeValue } from '../../core/model/index.js';
import { isAbsent } from './fields.js';

const PARAM = /^([^:]+):([123]):(.*)$/s;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Adds each parameter to `attributes`; false when one is malformed. */
export function parseParams(field: string, attributes: Record<string, AttributeValue>): boolean {
  if (isAbsent(field)) return true;
  let lastText: string | undefined;
  for (const piece of field.split(',')) {
    const m = PARAM.exec(piece);
    if (!m) {
      // The protocol has no escaping: a comma inside a text value splits it, so a piece that is not a
      // parameter of its own continues the text parameter before it.
      if (lastText === undefined) return false;
      attributes[lastText] = `${attributes[lastText] as string},${piece}`;
      continue;
    }
    const [, name, type, value] = m as unknown as [string, string, string, string];
    const key = `param:${name}`;
    lastText = undefined;
    if (value === 'NA') continue;
    if (type === '1') {
      if (!INTEGER.test(value)) return false;
      const n = Number(value);
      attributes[key] = Number.isSafeInteger(n) ? n : BigInt(value);
    } else if (type === '2') {
      if (!DECIMAL.test(value)) return false;
      // `1e999` reads as Infinity: malformed, like any value that is no number.
      const n = Number(value);
      if (!Number.isFinite(n)) return false;
      attributes[key] = n;
    } else {
      attributes[key] = value;
      lastText = key;
    }
  }
  return true;
}
