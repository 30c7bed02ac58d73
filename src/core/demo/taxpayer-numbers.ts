/**
 * Taxpayer numbers for demo parties: candidates drawn from the generator, kept only once the identity module's
 * own rules accept them, so the demo can never disagree with the checks about what a valid number is.
 */
import { validateTin } from '../identity/index.js';
import type { Rng } from '../random/index.js';
import type { CountryCode } from '../model/parties.js';

const MAX_ATTEMPTS = 10_000;

function digits(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(rng.int(0, 9));
  return out;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

// Russian INNs begin with the tax office's region: Moscow, Tatarstan, Samara, Saratov, Orenburg, Astrakhan,
// Chelyabinsk, Sverdlovsk, Kurgan, Omsk, Novosibirsk, Altai.
const RU_REGIONS = ['77', '16', '63', '64', '56', '30', '74', '66', '45', '55', '54', '22'] as const;

// Unified social credit codes (GB 32100-2015): 18 characters from this alphabet, the last a mod-31 check.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
// Administrative division codes of Yiwu, Guangzhou, Shenzhen, Urumqi, Kashgar and Ningbo.
const CN_DIVISIONS = ['330782', '440101', '440300', '650100', '653101', '330200'] as const;

function usccCandidate(rng: Rng): string {
  let body = '91' + rng.pick(CN_DIVISIONS);
  while (body.length < 17) body += USCC_ALPHABET.charAt(rng.int(0, USCC_ALPHABET.length - 1));
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(body.charAt(i)) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return body + USCC_ALPHABET.charAt(check);
}

/** One candidate in the country's form; it may fail the check digit, which the caller's loop takes care of. */
function candidate(rng: Rng, country: CountryCode, kind: 'organisation' | 'individual'): string {
  switch (country) {
    case 'RU':
      return kind === 'organisation' ? rng.pick(RU_REGIONS) + digits(rng, 8) : rng.pick(RU_REGIONS) + digits(rng, 10);
    case 'KZ':
      // BIN: year and month of registration, 4 (resident legal entity), 0 (head office), serial, check digit.
      return pad2(rng.int(5, 24)) + pad2(rng.int(1, 12)) + '40' + digits(rng, 6);
    case 'KG':
      // Organisation INN: 0, the registration date DDMMYYYY, then a serial.
      return '0' + pad2(rng.int(1, 28)) + pad2(rng.int(1, 12)) + String(rng.int(1995, 2023)) + digits(rng, 5);
    case 'UZ':
      // STIR: 9 digits; legal entities' begin with 2 or 3.
      return String(rng.int(2, 3)) + digits(rng, 8);
    case 'TR':
      // Vergi kimlik numarası: 10 digits.
      return digits(rng, 10);
    case 'CN':
      return usccCandidate(rng);
    default:
      return digits(rng, 10);
  }
}

/** A taxpayer number of `country` that validateTin accepts. */
export function generateTin(rng: Rng, country: CountryCode, kind: 'organisation' | 'individual' = 'organisation'): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const tin = candidate(rng, country, kind);
    if (validateTin(country, tin).valid) return tin;
  }
  throw new Error(`no valid ${country} taxpayer number in ${MAX_ATTEMPTS} candidates`);
}

/** The same number with its last digit changed, so its check digit no longer fits (for RU and KZ numbers). */
export function withWrongCheckDigit(rng: Rng, tin: string): string {
  const last = tin.charCodeAt(tin.length - 1) - 48;
  const wrong = (last + rng.int(1, 9)) % 10;
  return tin.slice(0, -1) + String(wrong);
}
