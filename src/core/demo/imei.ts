/** IMEIs for demo seal devices: 14 digits (type allocation code and serial) and a Luhn check digit. */
import type { Rng } from '../random/index.js';

/** The Luhn check digit that completes `digits` (the IMEI's 15th digit over its first 14). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  // Counting from the right of the payload, every first digit is doubled, because the check digit will follow it.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidImei(id: string): boolean {
  return /^\d{15}$/.test(id) && luhnCheckDigit(id.slice(0, 14)) === id.charCodeAt(14) - 48;
}

/**
 * Type allocation codes for the demo's device models. Illustrative: shaped like real ones (8 digits, the leading
 * 35 and 86 of GSMA-allocated tracker modems), not claimed to be any maker's.
 */
const DEMO_TACS = ['35209078', '35614607', '86203305', '86874104', '35742108'] as const;

/** A Luhn-valid IMEI; `tac` fixes its first eight digits. */
export function generateImei(rng: Rng, tac: string = rng.pick(DEMO_TACS)): string {
  let body = tac;
  while (body.length < 14) body += String(rng.int(0, 9));
  return body + String(luhnCheckDigit(body));
}
