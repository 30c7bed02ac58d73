/**
 * The condition language of risk rules: plain data, one kind a node, combined with all / any / not. Nothing in it
 * is evaluated as code; each kind is compiled by compile-condition.ts into a closure.
 */
import type { DocumentType } from '../model/declaration.js';
import type { FindingResult } from './inspection-result.js';
import type { HistoryRole, TripAlertType } from './risk-context.js';

/** Both ends inclusive; at least one is given. */
export interface Comparison {
  atLeast?: number;
  atMost?: number;
}

/** Whose country a `country` condition reads. */
export const COUNTRY_HOLDERS = ['consignor', 'consignee', 'carrier', 'vehicle', 'driver'] as const;
export type CountryHolder = (typeof COUNTRY_HOLDERS)[number];

/** The parties whose taxpayer number a `tin` condition reads. */
export const TIN_HOLDERS = ['consignor', 'consignee', 'carrier'] as const;
export type TinHolder = (typeof TIN_HOLDERS)[number];

export interface AllCondition { all: Condition[] }
export interface AnyCondition { any: Condition[] }
export interface NotCondition { not: Condition }
/** Some goods item's code starts with one of the prefixes (2 to 10 digits: chapter, heading, subheading, more). */
export interface HsPrefixCondition { hsPrefix: string[] }
/**
 * Some goods item (of the given prefixes, when given) is declared at less than `fraction` of the reference value per
 * kilogram of its subheading or heading, after conversion to the valuation currency.
 */
export interface ValueBelowReferenceCondition { valueBelowReference: { fraction: number; hsPrefix?: string[] } }
/** At least one of the document types is absent. */
export interface DocumentMissingCondition { documentMissing: DocumentType[] }
/** At least one of the document types is present (an unusual document for the traffic, say). */
export interface DocumentPresentCondition { documentPresent: DocumentType[] }
export interface GoodsItemsCondition { goodsItems: Comparison }
export interface CountryCondition { country: { of: CountryHolder; in: string[] } }
/** The latest document check raised one of the codes (at the path or under it, when a path is given). */
export interface CheckIssueCondition { checkIssue: { codes: string[]; path?: string } }
/** The party was first seen fewer than `withinDays` days before today, or never before. */
export interface FirstSeenCondition { firstSeen: { of: HistoryRole; withinDays: number } }
/** The party's taxpayer number is invalid, or missing, as asked (at least one of the two). */
export interface TinCondition { tin: { of: TinHolder; invalid?: boolean; missing?: boolean } }
/**
 * The party's inspections over the last `windowDays` days: the number with findings (of the given kinds, or any),
 * or their share of the inspections, compared. A rate needs at least `minInspections` inspections (1 unless told).
 */
export interface HistoryCondition {
  history: {
    of: HistoryRole;
    windowDays: number;
    results?: FindingResult[];
    findings?: Comparison;
    findingRate?: Comparison;
    minInspections?: number;
  };
}
/** The trip's alerts of the given types, summed, compared. */
export interface TripAlertsCondition { tripAlerts: { types: TripAlertType[] } & Comparison }

export type Condition =
  | AllCondition
  | AnyCondition
  | NotCondition
  | HsPrefixCondition
  | ValueBelowReferenceCondition
  | DocumentMissingCondition
  | DocumentPresentCondition
  | GoodsItemsCondition
  | CountryCondition
  | CheckIssueCondition
  | FirstSeenCondition
  | TinCondition
  | HistoryCondition
  | TripAlertsCondition;

export const CONDITION_KINDS = [
  'all',
  'any',
  'not',
  'hsPrefix',
  'valueBelowReference',
  'documentMissing',
  'documentPresent',
  'goodsItems',
  'country',
  'checkIssue',
  'firstSeen',
  'tin',
  'history',
  'tripAlerts',
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];

/** The kind of a condition: its one key. */
export function conditionKind(condition: Condition): ConditionKind {
  return Object.keys(condition)[0] as ConditionKind;
}
