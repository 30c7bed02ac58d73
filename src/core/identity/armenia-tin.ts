/**
 * Armenia's TIN (ՀՎՀՀ): 8 digits. Secondary sources say the last is a check digit, but no algorithm is published
 * (the State Revenue Committee does not publish one, and python-stdnum's request to add it, issue #201, is still open),
 * so only the format is tested: a number that passes may still have been mistyped.
 */
import { describeChar, firstNonDigit } from './digits.js';
import { TIN_FORMAT, TIN_LENGTH, tinIssue, tinResult, type TinResult } from './tin-result.js';

/** `value` is trimmed and non-empty. */
export function validateArmenianTin(value: string): TinResult {
  const bad = firstNonDigit(value);
  if (bad >= 0) {
    return tinResult([
      tinIssue(TIN_FORMAT, `An Armenian TIN has digits only; ${describeChar(value.charAt(bad))} found at position ${bad + 1}.`),
    ]);
  }
  if (value.length !== 8) {
    return tinResult([tinIssue(TIN_LENGTH, `An Armenian TIN has 8 digits; ${value.length} found.`)]);
  }
  return tinResult([]);
}
