/** The exchange-rate table valuation rules use, from a YAML or JSON file: the reading is here, the checks in the core. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseExchangeRates, type ExchangeRateTable } from '../../core/risk/index.js';

/** The table shipped with the installation (rules/valuation/exchange-rates.yaml), from the sources or the build. */
export function shippedExchangeRatesPath(): string {
  for (const up of ['../../../rules/valuation/exchange-rates.yaml', '../../../../rules/valuation/exchange-rates.yaml']) {
    const candidate = fileURLToPath(new URL(up, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('rules/valuation/exchange-rates.yaml of the installation is missing');
}

/** The table in the file at `path`; throws one error naming every wrong field. */
export function readExchangeRatesFile(path: string = shippedExchangeRatesPath()): ExchangeRateTable {
  let value: unknown;
  try {
    value = parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`the exchange rates ${path} cannot be read: ${(error as Error).message}`);
  }
  const parsed = parseExchangeRates(value);
  if (parsed.ok) return parsed.table;
  throw new Error(`the exchange rates ${path} have ${parsed.issues.length} issue(s):\n${parsed.issues.map((i) => `  ${i.path || '(file)'}: ${i.message}`).join('\n')}`);
}
