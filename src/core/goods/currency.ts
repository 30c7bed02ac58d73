/** Currency codes: the current ISO 4217 alphabetic codes that can denominate a value. */
import cc from 'currency-codes';

// XTS is reserved for testing and XXX means "no currency": neither can be the currency of goods or an invoice.
const NOT_A_VALUE_CURRENCY = new Set(['XTS', 'XXX']);

const CODES: ReadonlySet<string> = new Set(cc.data.map((record) => record.code).filter((code) => !NOT_A_VALUE_CURRENCY.has(code)));

/** Upper case only: the code is stored and compared as written, so `usd` would not match `USD` elsewhere. */
export function isCurrencyCode(code: string): boolean {
  return CODES.has(code);
}
