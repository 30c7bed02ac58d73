/**
 * Kazakhstan's BIN (organisations) and IIN (individuals): 12 digits ending in a two-pass mod-11 check digit,
 * with a registration month or a birth date inside (structure as in docs/domain.md and the OECD's
 * "Kazakhstan – Information on Tax Identification Numbers").
 */
import { isRealDate } from './calendar.js';
import { describeChar, digitAt, firstNonDigit, numberAt, weightedSum } from './digits.js';
import {
  TIN_CHECK_DIGIT,
  TIN_DATE,
  TIN_FORMAT,
  TIN_LENGTH,
  TIN_STRUCTURE,
  tinIssue,
  tinResult,
  type TinResult,
} from './tin-result.js';
import type { Issue } from '../model/issue.js';

const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

/** The check digit, or undefined when both passes give 10 and no number with these first eleven digits is valid. */
export function kazakhCheckDigit(value: string): number | undefined {
  const first = weightedSum(value, FIRST_PASS) % 11;
  if (first !== 10) return first;
  const second = weightedSum(value, SECOND_PASS) % 11;
  return second === 10 ? undefined : second;
}

/** The IIN's 7th digit gives the century of birth: 1–2 the 1800s, 3–4 the 1900s, 5–6 the 2000s (odd male, even female). */
function centuryOf(marker: number): number {
  return 1800 + Math.floor((marker - 1) / 2) * 100;
}

function checkIin(value: string, issues: Issue[]): void {
  const marker = digitAt(value, 6);
  if (marker < 1 || marker > 6) {
    issues.push(tinIssue(TIN_STRUCTURE, `An IIN's 7th digit (century and sex) is 1 to 6; ${marker} found.`));
    return;
  }
  const year = centuryOf(marker) + numberAt(value, 0, 2);
  const month = numberAt(value, 2, 2);
  const day = numberAt(value, 4, 2);
  if (!isRealDate(year, month, day)) {
    issues.push(
      tinIssue(TIN_DATE, `An IIN begins with the birth date YYMMDD; ${value.slice(0, 6)} is not a real date.`),
    );
  }
}

function checkBin(value: string, issues: Issue[]): void {
  const month = numberAt(value, 2, 2);
  if (month < 1 || month > 12) {
    issues.push(
      tinIssue(TIN_DATE, `A BIN's 3rd and 4th digits are the month of registration, 01 to 12; ${value.slice(2, 4)} found.`),
    );
  }
  const unit = digitAt(value, 5);
  if (unit > 3) {
    issues.push(
      tinIssue(
        TIN_STRUCTURE,
        `A BIN's 6th digit (head office, branch, representative office or peasant farm) is 0 to 3; ${unit} found.`,
      ),
    );
  }
}

/** `value` is trimmed and non-empty. */
export function validateKazakhBinIin(value: string): TinResult {
  const bad = firstNonDigit(value);
  if (bad >= 0) {
    return tinResult([
      tinIssue(
        TIN_FORMAT,
        `A Kazakh BIN or IIN has digits only; ${describeChar(value.charAt(bad))} found at position ${bad + 1}.`,
      ),
    ]);
  }
  if (value.length !== 12) {
    return tinResult([tinIssue(TIN_LENGTH, `A Kazakh BIN or IIN has 12 digits; ${value.length} found.`)]);
  }
  // An IIN's 5th digit is the tens of a day of the month (0–3), so 4–6 can only be a BIN's entity type.
  const type = digitAt(value, 4);
  const kind = type >= 4 && type <= 6 ? 'BIN' : 'IIN';
  const issues: Issue[] = [];
  if (kind === 'BIN') checkBin(value, issues);
  else checkIin(value, issues);
  const expected = kazakhCheckDigit(value);
  const found = digitAt(value, 11);
  if (expected === undefined) {
    issues.push(
      tinIssue(TIN_CHECK_DIGIT, `No ${kind} can begin with ${value.slice(0, 11)}: both check-digit passes give 10.`),
    );
  } else if (expected !== found) {
    issues.push(tinIssue(TIN_CHECK_DIGIT, `The ${kind}'s check digit is wrong: ${expected} expected, ${found} found.`));
  }
  return tinResult(issues, kind);
}
