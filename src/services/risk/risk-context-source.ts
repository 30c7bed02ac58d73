/**
 * The context of an assessment, read from the store and the tracker: the document check's issues, the parties'
 * histories as of an instant, and the trip's alerts. Only what the rule set reads is fetched.
 */
import type { Declaration } from '../../core/model/index.js';
import { ratesIn, type ExchangeRateTable, type RiskContext, type RiskRequirements } from '../../core/risk/index.js';
import type { OpenTrips } from '../../ports/open-trips.js';
import type { Store } from '../../ports/store.js';

export class RiskContextSource {
  /** The table's rates by valuation currency, made once: the core indexes a rates object once per object. */
  readonly #ratesByCurrency = new Map<string, Readonly<Record<string, number>>>();

  constructor(
    private readonly store: Store,
    private readonly trips: OpenTrips,
    /** The exchange rates valuation rules use; none makes values in other currencies than the rules' unknown. */
    private readonly exchangeRates?: ExchangeRateTable,
  ) {}

  /** The context of `declaration` at the instant `at`. */
  async at(declaration: Declaration, requirements: RiskRequirements, at: string): Promise<RiskContext> {
    const today = at.slice(0, 10);
    const [check, parties, trip] = await Promise.all([
      requirements.checkIssues ? this.store.declarations.lastCheck(declaration.id) : undefined,
      this.parties(declaration, requirements, today, at),
      requirements.trip ? this.trips.alertsOf(declaration.id) : undefined,
    ]);
    return {
      today,
      checkIssues: check?.issues ?? [],
      parties,
      ...(trip === undefined ? {} : { trip }),
      ...(requirements.valuationCurrency === undefined ? {} : { valuation: { exchangeRates: this.ratesIn(requirements.valuationCurrency) } }),
    };
  }

  /** Units of `currency` per unit of each currency the table knows; empty when it has no rate for `currency`. */
  private ratesIn(currency: string): Readonly<Record<string, number>> {
    let rates = this.#ratesByCurrency.get(currency);
    if (rates === undefined) {
      rates = (this.exchangeRates === undefined ? undefined : ratesIn(this.exchangeRates, currency)) ?? {};
      this.#ratesByCurrency.set(currency, rates);
    }
    return rates;
  }

  /** The parties' histories as known at `before`, with windows ending on `today`. */
  parties(declaration: Declaration, requirements: RiskRequirements, today: string, before: string): Promise<RiskContext['parties']> {
    return this.store.risk.parties.histories({ declaration, today, before, windows: requirements.historyWindows, firstSeen: requirements.firstSeen });
  }
}
