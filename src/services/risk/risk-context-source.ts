/**
 * The context of an assessment, read from the store and the tracker: the document check's issues, the parties'
 * histories as of an instant, and the trip's alerts. Only what the rule set reads is fetched.
 */
import type { Declaration } from '../../core/model/index.js';
import type { RiskContext, RiskRequirements } from '../../core/risk/index.js';
import type { OpenTrips } from '../../ports/open-trips.js';
import type { Store } from '../../ports/store.js';

export class RiskContextSource {
  constructor(
    private readonly store: Store,
    private readonly trips: OpenTrips,
    /** Units of the valuation currency per unit of each other currency; none known makes foreign values unknown. */
    private readonly exchangeRates: Readonly<Record<string, number>> = {},
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
      ...(requirements.valuationCurrency === undefined ? {} : { valuation: { exchangeRates: this.exchangeRates } }),
    };
  }

  /** The parties' histories as known at `before`, with windows ending on `today`. */
  parties(declaration: Declaration, requirements: RiskRequirements, today: string, before: string): Promise<RiskContext['parties']> {
    return this.store.risk.parties.histories({ declaration, today, before, windows: requirements.historyWindows, firstSeen: requirements.firstSeen });
  }
}
