/**
 * Belarus's UNP (payer's account number): 9 characters, the last a check digit Σ vᵢ·wᵢ mod 11 over the first
 * eight with weights 29,23,19,17,13,7,5,3; a remainder of 10 means no valid number begins that way.
 * Organisations' UNPs are all digits, the first (1–7) naming the region. Individuals' carry two letters: the first a
 * region letter (A B C E H K M, valued as base-36 digits: A=10 … M=22), the second one of A B C E H K M O P T standing
 * for 0–9; the letters are written in Latin or look-alike Cyrillic.
 * Sources: the rule as described in python-stdnum's `stdnum/by/unp.py` (which cites be.wikipedia.org,
 * "Уліковы нумар плацельшчыка", and the instruction of the Ministry of Taxes and Duties) and in the `unp-validator`
 * package (which cites Resolution No. 127 of the Ministry of Taxes and Duties of 31 December 2003); both agree, and
 * their published examples (200988541, MA1953684, 100320487, KE7810709) pass this rule.
 */
import { describeChar } from './digits.js';
import { TIN_CHECK_DIGIT, TIN_FORMAT, TIN_LENGTH, TIN_STRUCTURE, tinIssue, tinResult, type TinResult } from './tin-result.js';

const WEIGHTS = [29, 23, 19, 17, 13, 7, 5, 3] as const;
const LENGTH = 9;

/** Value of a region letter in the first position, indexed by char code; -1 where the letter is not one. */
const FIRST_LETTER = new Int8Array(0x0450).fill(-1);
/** Value of a letter in the second position (0–9), indexed by char code; -1 where the letter is not one. */
const SECOND_LETTER = new Int8Array(0x0450).fill(-1);

// Upper and lower case, Latin and the Cyrillic letters that look the same.
const LOOK_ALIKES: ReadonlyArray<readonly [string, string]> = [
  ['A', 'А'], ['B', 'В'], ['C', 'С'], ['E', 'Е'], ['H', 'Н'], ['K', 'К'], ['M', 'М'], ['O', 'О'], ['P', 'Р'], ['T', 'Т'],
];
for (const [index, [latin, cyrillic]] of LOOK_ALIKES.entries()) {
  for (const ch of [latin, latin.toLowerCase(), cyrillic, cyrillic.toLowerCase()]) {
    const code = ch.charCodeAt(0);
    SECOND_LETTER[code] = index;
    if ('ABCEHKM'.includes(latin)) FIRST_LETTER[code] = parseInt(latin, 36);
  }
}

function digitValue(code: number): number {
  const d = code - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function letterValue(table: Int8Array, code: number): number {
  return code < table.length ? (table[code] as number) : -1;
}

/** `value` is trimmed and non-empty. */
export function validateBelarusUnp(value: string): TinResult {
  if (value.length !== LENGTH) {
    return tinResult([tinIssue(TIN_LENGTH, `A Belarusian UNP has 9 characters; ${value.length} found.`)]);
  }
  for (let i = 2; i < LENGTH; i++) {
    if (digitValue(value.charCodeAt(i)) < 0) {
      return tinResult([
        tinIssue(
          TIN_FORMAT,
          `A Belarusian UNP has digits from its 3rd character on; ${describeChar(value.charAt(i))} found at position ${i + 1}.`,
        ),
      ]);
    }
  }
  const c0 = value.charCodeAt(0);
  const c1 = value.charCodeAt(1);
  let v0 = digitValue(c0);
  let v1 = digitValue(c1);
  let kind: 'organisation' | 'individual';
  if (v0 >= 0 && v1 >= 0) {
    kind = 'organisation';
    if (v0 < 1 || v0 > 7) {
      return tinResult(
        [tinIssue(TIN_STRUCTURE, `A Belarusian UNP begins with a region digit 1 to 7; ${v0} found.`)],
        kind,
      );
    }
  } else {
    kind = 'individual';
    v0 = letterValue(FIRST_LETTER, c0);
    v1 = letterValue(SECOND_LETTER, c1);
    if (v0 < 0 || v1 < 0) {
      return tinResult([
        tinIssue(
          TIN_FORMAT,
          `A Belarusian UNP begins with two digits (organisations) or two letters (individuals: a region letter of A, B, C, E, H, K, M, then one of A, B, C, E, H, K, M, O, P, T); ${describeChar(value.charAt(0))} and ${describeChar(value.charAt(1))} found.`,
        ),
      ]);
    }
  }
  let sum = v0 * WEIGHTS[0] + v1 * WEIGHTS[1];
  for (let i = 2; i < 8; i++) sum += (value.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  const expected = sum % 11;
  const found = value.charCodeAt(8) - 48;
  if (expected === 10) {
    return tinResult(
      [tinIssue(TIN_CHECK_DIGIT, `No Belarusian UNP can begin with ${value.slice(0, 8)}: its check sum leaves 10.`)],
      kind,
    );
  }
  return tinResult(
    expected === found
      ? []
      : [tinIssue(TIN_CHECK_DIGIT, `The Belarusian UNP's check digit is wrong: ${expected} expected, ${found} found.`)],
    kind,
  );
}
