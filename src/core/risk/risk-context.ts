/**
 * What an assessment is given besides the declaration: the contract between the risk core and whoever fills it
 * (the store, a backtest, a test). Everything is as of `today`, so an assessment replayed with the same context
 * gives the same result; a backtest must fill it as it was on the original day (no results learnt later).
 */
import type { Issue } from '../model/issue.js';
import { EVENT_SEVERITY, TRACKING_EVENT_TYPES, type TrackingEventType } from '../tracking/events.js';
import type { FindingResult } from './inspection-result.js';

/** Whose history the rules may ask about. How the store identifies each is its own concern (see PartyHistory). */
export const HISTORY_ROLES = ['consignor', 'consignee', 'carrier', 'vehicle'] as const;
export type HistoryRole = (typeof HISTORY_ROLES)[number];

/** A tracker event type a rule may count; only those of TRIP_ALERT_TYPES pass validation. */
export type TripAlertType = TrackingEventType;

/**
 * Trip alerts the rules may count: the tracker's event types that signal trouble (alarms and warnings). The ends of
 * conditions (returned, restored, closed) and informational events are not alerts.
 */
export const TRIP_ALERT_TYPES: readonly TripAlertType[] = TRACKING_EVENT_TYPES.filter((type) => EVENT_SEVERITY[type] !== 'info');

/** Inspections of one party over one trailing window, and the findings among them by kind. */
export interface HistoryCounts {
  /** Declarations of the party inspected in the window (each counted once, however many inspections). */
  inspections: number;
  /**
   * Inspected declarations with each kind of finding; one declaration with two kinds counts under both, so the sum
   * may exceed the number of declarations with any finding, which is `withFindings`.
   */
  findings: Partial<Readonly<Record<FindingResult, number>>>;
  /** Inspected declarations with at least one finding of any kind (so at least every count in `findings`). */
  withFindings: number;
}

/**
 * What the platform knew of one party before this declaration. The store identifies a consignor, consignee or
 * carrier by country and taxpayer number, and a vehicle by country and plate; a party it cannot identify (no
 * number) has no history, and the caller leaves its entry out, so that rules about it are unknown, never "clean".
 */
export interface PartyHistory {
  /** The day, `YYYY-MM-DD`, of the party's first declaration before this one; absent when this is its first. */
  firstSeen?: string;
  /**
   * Counts over trailing windows ending `today`, keyed by the window's length in days: key 365 holds the
   * inspections of the 365 days up to and including today. CompiledRuleSet.requirements.historyWindows lists the
   * windows the rules read; a window a rule reads and the store left out makes that rule unknown for the party.
   */
  windows: Readonly<Record<number, HistoryCounts>>;
}

/** What the tracker has raised on the declaration's trip so far. */
export interface TripSummary {
  /** Alerts raised since the seals were armed, by type; a type absent counts zero. */
  alerts: Partial<Readonly<Record<TripAlertType, number>>>;
}

export interface RiskContext {
  /** The day of the assessment, `YYYY-MM-DD` (UTC); party ages count back from it. The core has no clock. */
  today: string;
  /** The issues of the declaration's latest document check (StoredCheck.issues); empty when it was complete. */
  checkIssues: readonly Issue[];
  /** History of the declaration's parties; a role left out makes the rules about it unknown. */
  parties: Partial<Readonly<Record<HistoryRole, PartyHistory>>>;
  /** The trip's alerts; absent before the seals are armed, which makes every trip rule unknown. */
  trip?: TripSummary;
  valuation?: {
    /**
     * Units of the rule set's valuation currency worth one unit of each other currency (USD per EUR, say, when the
     * rule set values in USD). A goods item in a currency without a rate has no value per kilogram to compare.
     */
    exchangeRates: Readonly<Record<string, number>>;
    /**
     * Reference values per kilogram in the valuation currency, by HS heading (4 digits) or subheading (6 digits),
     * that replace the rule set's own for those codes: reference data the operator updates more often than the rules.
     * Read as unchanging: it is indexed once per object, so pass the same object until it changes.
     */
    referenceValuePerKg?: Readonly<Record<string, number>>;
  };
}
