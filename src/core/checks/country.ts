/** Country codes on a declaration: ISO 3166-1 alpha-2, upper case, as the model stores them. */
import countries from 'i18n-iso-countries';
import type { Issue } from '../model/issue.js';
import { fieldName, issue, pathOf, requiredText, sentence, type Fields, type Owner } from './fields.js';
import { COUNTRY_INVALID } from './issue-codes.js';

const ALPHA_2: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

export function isCountryCode(code: string): boolean {
  return ALPHA_2.has(code);
}

/** Reads a required country field; returns the code only when it is a real one. */
export function checkCountry(fields: Fields, owner: Owner, key: string, issues: Issue[]): string | undefined {
  const code = requiredText(fields, owner, key, 'country', issues);
  if (code === undefined) return undefined;
  if (isCountryCode(code)) return code;
  issues.push(
    issue(
      COUNTRY_INVALID,
      pathOf(owner, key),
      `${sentence(fieldName(owner, 'country'))} must be an ISO 3166-1 alpha-2 code in capitals, such as KZ; ${JSON.stringify(code)} is not one.`,
    ),
  );
  return undefined;
}
