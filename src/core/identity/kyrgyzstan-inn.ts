/**
 * Kyrgyzstan's INN (PIN): 14 digits; individuals' begin with 1 or 2 (sex) and the birth date DDMMYYYY,
 * organisations' begin with 0. No check-digit rule is published, so only the structure and the date are tested:
 * a number that passes may still have been mistyped.
 */
import { isRealDate } from './calendar.js';
import { describeChar, digitAt, firstNonDigit, numberAt } from './digits.js';
import { TIN_DATE, TIN_FORMAT, TIN_LENGTH, TIN_STRUCTURE, tinIssue, tinResult, type TinResult } from './tin-result.js';

// No one alive was born before 1900; the bounds only reject years that cannot be a birth year.
const EARLIEST_BIRTH_YEAR = 1900;
const LATEST_BIRTH_YEAR = 2099;

/** `value` is trimmed and non-empty. */
export function validateKyrgyzInn(value: string): TinResult {
  const bad = firstNonDigit(value);
  if (bad >= 0) {
    return tinResult([
      tinIssue(TIN_FORMAT, `A Kyrgyz INN has digits only; ${describeChar(value.charAt(bad))} found at position ${bad + 1}.`),
    ]);
  }
  if (value.length !== 14) {
    return tinResult([tinIssue(TIN_LENGTH, `A Kyrgyz INN has 14 digits; ${value.length} found.`)]);
  }
  const lead = digitAt(value, 0);
  if (lead === 0) return tinResult([], 'organisation');
  if (lead !== 1 && lead !== 2) {
    return tinResult([
      tinIssue(TIN_STRUCTURE, `A Kyrgyz INN begins with 0 (organisations) or 1 or 2 (individuals); ${lead} found.`),
    ]);
  }
  const day = numberAt(value, 1, 2);
  const month = numberAt(value, 3, 2);
  const year = numberAt(value, 5, 4);
  const plausible = year >= EARLIEST_BIRTH_YEAR && year <= LATEST_BIRTH_YEAR && isRealDate(year, month, day);
  return tinResult(
    plausible
      ? []
      : [
          tinIssue(
            TIN_DATE,
            `An individual's Kyrgyz INN has the birth date DDMMYYYY in digits 2 to 9; ${value.slice(1, 9)} is not a plausible date.`,
          ),
        ],
    'individual',
  );
}
