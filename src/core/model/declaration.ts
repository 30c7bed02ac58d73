/** Transit declarations: what a truck carries, from whom, to whom, by which route and under which seals. */
import type { LineString } from './geo.js';
import type { CountryCode, Party } from './parties.js';

export interface GoodsItem {
  /** HS code (6 digits) or EAEU TN VED code (10 digits), digits only. */
  hsCode: string;
  description: string;
  packages: number;
  grossMassKg: number;
  value: number;
  /** ISO 4217 alphabetic code. */
  currency: string;
}

export const DOCUMENT_TYPES = ['invoice', 'cmr', 'certificate_of_origin', 'permit', 'packing_list', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface TransportDocument {
  type: DocumentType;
  number: string;
  /** Issue date, `YYYY-MM-DD`. */
  date: string;
  /** For invoices: the invoice total and its currency. */
  amount?: number;
  currency?: string;
}

export interface DeclaredVehicle {
  plate: string;
  country: CountryCode;
  trailerPlate?: string;
}

export interface DeclaredDriver {
  name: string;
  country: CountryCode;
  licenceNumber?: string;
  phone?: string;
}

/** What a declarant says: everything a person or an import provides. */
export interface DeclarationInput {
  /** The declarant's own reference (local reference number); unique, so a re-import adds no duplicate. */
  reference: string;
  consignor: Party;
  /** The final recipient of the goods. */
  consignee: Party;
  carrier: Party;
  vehicle: DeclaredVehicle;
  driver?: DeclaredDriver;
  goods: GoodsItem[];
  documents: TransportDocument[];
  officeOfDeparture: string;
  borderCrossing: string;
  officeOfDestination: string;
  plannedRoute?: LineString;
  /** Identifiers of the navigation seals put on the cargo. */
  seals: string[];
}

export const DECLARATION_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'incomplete',
  'in_transit',
  'at_border',
  'released',
  'held',
  'arrived',
  'closed',
] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** One recorded step of a declaration's lifecycle. */
export interface StatusChange {
  from: DeclarationStatus | null;
  to: DeclarationStatus;
  /** Username of whoever made the change, or `system`. */
  by: string;
  /** ISO 8601 timestamp. */
  at: string;
  reason?: string;
}

export interface Declaration extends DeclarationInput {
  id: string;
  status: DeclarationStatus;
  /** Username of the declarant account that owns it (a haulier sees only its own). */
  owner: string;
  createdAt: string;
  updatedAt: string;
}
