/**
 * Exchange rates for valuation rules: a table of how many units of a base currency one unit of each other currency
 * is worth on a day, and the same rates in whatever currency a rule set values in (cross rates through the base).
 */
import { isCurrencyCode } from '../goods/currency.js';

export interface ExchangeRateTable {
  /** ISO 4217 code of the currency the rates are in. */
  base: string;
  /** The day the rates are of, `YYYY-MM-DD`. */
  asOf: string;
  /** Units of `base` worth one unit of each currency. */
  rates: Readonly<Record<string, number>>;
}

export interface ExchangeRateIssue {
  path: string;
  message: string;
}

export type ParsedExchangeRates = { ok: true; table: ExchangeRateTable } | { ok: false; issues: ExchangeRateIssue[] };

/** The table in `value` (as read from YAML or JSON), or every issue found in it. */
export function parseExchangeRates(value: unknown): ParsedExchangeRates {
  const issues: ExchangeRateIssue[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, issues: [{ path: '', message: 'an object with base, asOf and rates' }] };
  }
  const { base, asOf, rates, ...unknown } = value as Record<string, unknown>;
  for (const key of Object.keys(unknown)) issues.push({ path: key, message: 'is not a field of an exchange-rate table' });
  if (typeof base !== 'string' || !isCurrencyCode(base)) issues.push({ path: 'base', message: 'an ISO 4217 currency code' });
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    issues.push({ path: 'asOf', message: 'a day, YYYY-MM-DD' });
  }
  const table: Record<string, number> = {};
  if (typeof rates !== 'object' || rates === null || Array.isArray(rates)) {
    issues.push({ path: 'rates', message: 'an object of currency code to rate' });
  } else {
    for (const [code, rate] of Object.entries(rates)) {
      if (!isCurrencyCode(code)) issues.push({ path: `rates.${code}`, message: 'is not an ISO 4217 currency code' });
      else if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) issues.push({ path: `rates.${code}`, message: 'a rate is a positive number' });
      else table[code] = rate;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, table: { base: base as string, asOf: asOf as string, rates: { ...table, [base as string]: 1 } } };
}

/**
 * Units of `currency` worth one unit of each currency of the table (cross rates through its base); undefined when
 * the table has no rate for `currency` itself.
 */
export function ratesIn(table: ExchangeRateTable, currency: string): Record<string, number> | undefined {
  const perBase = table.rates[currency];
  if (perBase === undefined) return undefined;
  return Object.fromEntries(Object.entries(table.rates).map(([code, rate]) => [code, rate / perBase]));
}
