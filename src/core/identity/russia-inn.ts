/**
 * Russia's INN: 10 digits for organisations, 12 for individuals, each ending in check digits of the form
 * (Σ dᵢ·wᵢ mod 11) mod 10 (weights as published by the Federal Tax Service and in docs/domain.md).
 */
import { describeChar, digitAt, firstNonDigit, weightedSum } from './digits.js';
import { TIN_CHECK_DIGIT, TIN_FORMAT, TIN_LENGTH, tinIssue, tinResult, type TinResult } from './tin-result.js';

const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const WEIGHTS_12_FIRST = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const WEIGHTS_12_SECOND_HEAD = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6] as const;
const LAST_WEIGHT = 8;

function checkDigit(value: string, weights: readonly number[]): number {
  return (weightedSum(value, weights) % 11) % 10;
}

/** `value` is trimmed and non-empty. */
export function validateRussianInn(value: string): TinResult {
  const bad = firstNonDigit(value);
  if (bad >= 0) {
    return tinResult([
      tinIssue(TIN_FORMAT, `A Russian INN has digits only; ${describeChar(value.charAt(bad))} found at position ${bad + 1}.`),
    ]);
  }
  if (value.length === 10) {
    const expected = checkDigit(value, WEIGHTS_10);
    const found = digitAt(value, 9);
    return tinResult(
      expected === found
        ? []
        : [tinIssue(TIN_CHECK_DIGIT, `The Russian INN's check digit is wrong: ${expected} expected, ${found} found.`)],
      'organisation',
    );
  }
  if (value.length === 12) {
    const first = checkDigit(value, WEIGHTS_12_FIRST);
    // Over the expected 11th digit rather than the written one, so the message shows the pair that would be right.
    const second = ((weightedSum(value, WEIGHTS_12_SECOND_HEAD) + first * LAST_WEIGHT) % 11) % 10;
    const found = value.slice(10);
    return tinResult(
      first === digitAt(value, 10) && second === digitAt(value, 11)
        ? []
        : [tinIssue(TIN_CHECK_DIGIT, `The Russian INN's check digits are wrong: ${first}${second} expected, ${found} found.`)],
      'individual',
    );
  }
  return tinResult([
    tinIssue(
      TIN_LENGTH,
      `A Russian INN has 10 digits (organisations) or 12 (individuals); ${value.length} found.`,
    ),
  ]);
}
