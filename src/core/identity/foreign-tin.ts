/**
 * Taxpayer numbers of countries outside the EAEU: their rules are not checked here, only that the number is a
 * plausible identifier, 1 to 20 letters and digits, optionally grouped by spaces, dashes, dots or slashes.
 */
import { describeChar } from './digits.js';
import { TIN_FORMAT, TIN_LENGTH, tinIssue, tinResult, type TinResult } from './tin-result.js';

const MAX_SIGNIFICANT = 20;

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSeparator(code: number): boolean {
  return code === 32 || code === 45 || code === 46 || code === 47;
}

/** `value` is trimmed and non-empty. */
export function validateForeignTin(value: string): TinResult {
  let significant = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isAlphanumeric(code)) significant++;
    else if (!isSeparator(code)) {
      return tinResult([
        tinIssue(
          TIN_FORMAT,
          `A taxpayer number has Latin letters and digits, grouped by spaces, dashes, dots or slashes; ${describeChar(value.charAt(i))} found at position ${i + 1}.`,
        ),
      ]);
    }
  }
  if (significant === 0 || significant > MAX_SIGNIFICANT) {
    return tinResult([
      tinIssue(TIN_LENGTH, `A taxpayer number has 1 to ${MAX_SIGNIFICANT} letters and digits; ${significant} found.`),
    ]);
  }
  return tinResult([], 'foreign');
}
