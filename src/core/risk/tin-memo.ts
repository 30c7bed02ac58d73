/**
 * Taxpayer-number checks remembered across assessments: the same consignees and carriers come back declaration after
 * declaration, and checking a number is the dearest thing a TIN rule does. The check is a pure function of the
 * country and the number, so remembering it changes nothing but the time; the memory is bounded and simply
 * forgotten when full.
 */
import { validateTin } from '../identity/index.js';

export interface TinCheck {
  valid: boolean;
  /** The first issue's code when not valid. */
  issue: string | undefined;
}

const LIMIT = 16_384;

export class TinMemo {
  private readonly byCountry = new Map<string, Map<string, TinCheck>>();
  private size = 0;

  check(country: string, number: string): TinCheck {
    let numbers = this.byCountry.get(country);
    const known = numbers?.get(number);
    if (known !== undefined) return known;
    const result = validateTin(country, number);
    const check: TinCheck = { valid: result.valid, issue: result.issues[0]?.code };
    if (this.size >= LIMIT) {
      this.byCountry.clear();
      this.size = 0;
      numbers = undefined;
    }
    if (numbers === undefined) this.byCountry.set(country, (numbers = new Map()));
    numbers.set(number, check);
    this.size++;
    return check;
  }
}
