/** Transit declarations: what a truck carries, from whom, to whom, by which route and under which seals. */
import Type from 'typebox';
import { LineStringSchema } from './geo.js';
import { PartySchema } from './parties.js';
import { Code, CountryCodeSchema, ShortText } from './text.js';

const Amount = Type.Number({ minimum: -1e15, maximum: 1e15 });

export const GoodsItemSchema = Type.Object(
  {
    /** HS code (6 digits) or EAEU TN VED code (10 digits), digits only. */
    hsCode: Code(16),
    description: ShortText(1000),
    packages: Amount,
    grossMassKg: Amount,
    value: Amount,
    /** ISO 4217 alphabetic code. */
    currency: Code(3),
  },
  { additionalProperties: false },
);
export type GoodsItem = Type.Static<typeof GoodsItemSchema>;

export const DOCUMENT_TYPES = ['invoice', 'cmr', 'certificate_of_origin', 'permit', 'packing_list', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const TransportDocumentSchema = Type.Object(
  {
    type: Type.Enum(DOCUMENT_TYPES),
    number: Code(),
    /** Issue date, `YYYY-MM-DD`. */
    date: Code(10),
    /** For invoices: the invoice total and its currency. */
    amount: Type.Optional(Amount),
    currency: Type.Optional(Code(3)),
  },
  { additionalProperties: false },
);
export type TransportDocument = Type.Static<typeof TransportDocumentSchema>;

/**
 * The customs procedure the goods travel under, as the tracking obligation tells them apart: customs transit, export
 * out of the customs union, and mutual trade between its member states.
 */
export const CUSTOMS_PROCEDURES = ['transit', 'export', 'mutual_trade'] as const;
export type CustomsProcedure = (typeof CUSTOMS_PROCEDURES)[number];

export function isCustomsProcedure(value: unknown): value is CustomsProcedure {
  return typeof value === 'string' && (CUSTOMS_PROCEDURES as readonly string[]).includes(value);
}

export const DeclaredVehicleSchema = Type.Object(
  { plate: Code(16), country: CountryCodeSchema, trailerPlate: Type.Optional(Code(16)) },
  { additionalProperties: false },
);
export type DeclaredVehicle = Type.Static<typeof DeclaredVehicleSchema>;

export const DeclaredDriverSchema = Type.Object(
  {
    name: ShortText(),
    country: CountryCodeSchema,
    licenceNumber: Type.Optional(Code(32)),
    phone: Type.Optional(Code(32)),
  },
  { additionalProperties: false },
);
export type DeclaredDriver = Type.Static<typeof DeclaredDriverSchema>;

/**
 * What a declarant says: everything a person or an import provides. The shape is strict (types, bounds, no
 * unknown fields); the content may still be incomplete, which the document checks report.
 */
export const DeclarationInputSchema = Type.Object(
  {
    /** The declarant's own reference (local reference number); unique, so a re-import adds no duplicate. */
    reference: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f]*\\S[^\\u0000-\\u001f]*$' }),
    /**
     * Optional in the shape, so that files and declarations written before the field still load; the document checks
     * report it missing, so a declaration without one is never accepted (see checks/procedure.ts).
     */
    procedure: Type.Optional(Type.Enum(CUSTOMS_PROCEDURES, { description: 'customs procedure: transit, export or mutual_trade' })),
    consignor: PartySchema,
    /** The final recipient of the goods. */
    consignee: PartySchema,
    carrier: PartySchema,
    vehicle: DeclaredVehicleSchema,
    driver: Type.Optional(DeclaredDriverSchema),
    goods: Type.Array(GoodsItemSchema, { maxItems: 999 }),
    documents: Type.Array(TransportDocumentSchema, { maxItems: 99 }),
    officeOfDeparture: Code(),
    borderCrossing: Code(),
    officeOfDestination: Code(),
    plannedRoute: Type.Optional(LineStringSchema),
    /** Identifiers of the navigation seals put on the cargo. */
    seals: Type.Array(Code(), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type DeclarationInput = Type.Static<typeof DeclarationInputSchema>;

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
  /** Username of the account that owns it (a haulier sees only its own). */
  owner: string;
  createdAt: string;
  updatedAt: string;
}
