/** Taxpayer identification numbers: the rules of each EAEU member state, and a plausibility test for the rest. */
import { validateArmenianTin } from './armenia-tin.js';
import { validateBelarusUnp } from './belarus-unp.js';
import { validateForeignTin } from './foreign-tin.js';
import { validateKazakhBinIin } from './kazakhstan-bin-iin.js';
import { validateKyrgyzInn } from './kyrgyzstan-inn.js';
import { validateRussianInn } from './russia-inn.js';
import { TIN_COUNTRY_UNSUPPORTED, TIN_EMPTY, tinIssue, tinResult, type TinResult } from './tin-result.js';

export * from './tin-result.js';
export { isRealDate } from './calendar.js';
export { validateArmenianTin, validateBelarusUnp, validateForeignTin, validateKazakhBinIin, validateKyrgyzInn, validateRussianInn };

const RULES: ReadonlyMap<string, (value: string) => TinResult> = new Map([
  ['AM', validateArmenianTin],
  ['BY', validateBelarusUnp],
  ['KG', validateKyrgyzInn],
  ['KZ', validateKazakhBinIin],
  ['RU', validateRussianInn],
]);

function isTwoUpperLetters(country: string): boolean {
  if (country.length !== 2) return false;
  const a = country.charCodeAt(0);
  const b = country.charCodeAt(1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90;
}

/**
 * Checks `number` as a taxpayer number of `country` (ISO 3166-1 alpha-2, upper case). Surrounding whitespace is
 * ignored. Whether the country code itself exists is the caller's concern; any other two capital letters get the
 * foreign plausibility test.
 */
export function validateTin(country: string, number: string): TinResult {
  const value = number.trim();
  if (value.length === 0) return tinResult([tinIssue(TIN_EMPTY, 'The taxpayer number is empty.')]);
  const rule = RULES.get(country);
  if (rule !== undefined) return rule(value);
  if (isTwoUpperLetters(country)) return validateForeignTin(value);
  return tinResult([
    tinIssue(
      TIN_COUNTRY_UNSUPPORTED,
      `A taxpayer number cannot be checked without its country as two capital letters (ISO 3166-1 alpha-2); ${JSON.stringify(country)} given.`,
    ),
  ]);
}
