/**
 * The JSON Schema of every message between national operators: the envelope, and the body of each type. The
 * declaration summary in a transit notice uses the WCO Data Model's names where it has one (Consignor, Consignee,
 * Carrier, GoodsItem with Commodity and Classification, BorderTransportMeans, TransportEquipment with Seal,
 * Itinerary with RoutingCountryCode, DepartureOffice, DestinationOffice). These schemas are the documentation peers
 * implement against; GET /api/v1/exchange/schemas serves them.
 */
import Type from 'typebox';
import { LineStringSchema } from '../model/geo.js';
import { Code, CountryCodeSchema, Latitude, Longitude, ShortText } from '../model/text.js';
import { MESSAGE_TYPES, type MessageType } from './message.js';

const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Instant = Type.String({ format: 'date-time' });
const TransitId = Code(64);

const WcoParty = Type.Object(
  { Name: ShortText(300), ID: Type.Optional(Code(32)), CountryCode: CountryCodeSchema },
  { additionalProperties: false, description: 'WCO party: name, identification (taxpayer number) and country' },
);

export const DeclarationSummarySchema = Type.Object(
  {
    FunctionalReferenceID: Code(64),
    Consignor: WcoParty,
    Consignee: WcoParty,
    Carrier: WcoParty,
    GoodsItem: Type.Array(
      Type.Object(
        {
          SequenceNumeric: Type.Integer({ minimum: 1 }),
          Commodity: Type.Object(
            { Description: ShortText(1000), Classification: Type.Object({ ID: Code(16), IdentificationTypeCode: Code(8) }, { additionalProperties: false }) },
            { additionalProperties: false },
          ),
          GrossMassMeasure: Type.Number({ minimum: 0 }),
          CustomsValueAmount: Type.Number(),
          CurrencyCode: Code(3),
        },
        { additionalProperties: false },
      ),
      { maxItems: 999 },
    ),
    BorderTransportMeans: Type.Object({ ID: Code(16), RegistrationNationalityCode: CountryCodeSchema }, { additionalProperties: false }),
    TransportEquipment: Type.Object({ Seal: Type.Array(Type.Object({ ID: Code() }, { additionalProperties: false }), { maxItems: 20 }) }, { additionalProperties: false }),
    Itinerary: Type.Array(Type.Object({ RoutingCountryCode: Country }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
    DepartureOffice: Type.Object({ ID: Code() }, { additionalProperties: false }),
    DestinationOffice: Type.Object({ ID: Code() }, { additionalProperties: false }),
    BorderCrossing: Type.Object({ ID: Code() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);
export type DeclarationSummary = Type.Static<typeof DeclarationSummarySchema>;

const SealState = Type.Object(
  {
    locked: Type.Optional(Type.Boolean()),
    tamper: Type.Optional(Type.Boolean()),
    cableCut: Type.Optional(Type.Boolean()),
    batteryPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);

const LastPosition = Type.Object(
  { deviceId: Code(), at: Instant, lat: Latitude, lon: Longitude, speedKmh: Type.Optional(Type.Number({ minimum: 0, maximum: 2000 })) },
  { additionalProperties: false },
);

/** A seal's fix as forwarded to the operator tracking the transit now, with what it needs to track it. */
export const ForwardedPositionSchema = Type.Object(
  {
    deviceId: Code(),
    at: Instant,
    lat: Latitude,
    lon: Longitude,
    speedKmh: Type.Number({ minimum: 0, maximum: 2000 }),
    course: Type.Number({ minimum: 0, maximum: 360 }),
    valid: Type.Boolean(),
    /** The device protocol's record number, part of the key a resend is recognised by. */
    sequence: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
    seal: Type.Optional(SealState),
  },
  { additionalProperties: false },
);
export type ForwardedPosition = Type.Static<typeof ForwardedPositionSchema>;

/** The planned route and its corridor, so that the next operator tracks the truck on the same corridor. */
const Corridor = Type.Object({ route: LineStringSchema, widthM: Type.Number({ minimum: 1, maximum: 100_000 }) }, { additionalProperties: false });

export const BODY_SCHEMAS = {
  'transit-notice': Type.Object(
    {
      transitId: TransitId,
      declaration: DeclarationSummarySchema,
      seal: Type.Union([SealState, Type.Null()]),
      lastPositions: Type.Array(LastPosition, { maxItems: 100 }),
      crossingEta: Type.Union([Instant, Type.Null()]),
      corridor: Corridor,
    },
    { additionalProperties: false },
  ),
  handover: Type.Object({ transitId: TransitId, crossing: Code(), from: Country, to: Country, at: Instant }, { additionalProperties: false }),
  positions: Type.Object({ transitId: TransitId, positions: Type.Array(ForwardedPositionSchema, { minItems: 1, maxItems: 1000 }) }, { additionalProperties: false }),
  alert: Type.Object(
    { transitId: TransitId, alertType: Code(), severity: Code(16), at: Instant, raisedBy: Country, position: Type.Union([LastPosition, Type.Null()]) },
    { additionalProperties: false },
  ),
  arrival: Type.Object({ transitId: TransitId, at: Instant }, { additionalProperties: false }),
  closure: Type.Object({ transitId: TransitId, at: Instant }, { additionalProperties: false }),
} as const satisfies Record<MessageType, unknown>;

export type MessageBody<T extends MessageType> = Type.Static<(typeof BODY_SCHEMAS)[T]>;

/** The envelope; its body is checked against the schema of its type. */
export const EnvelopeSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$', description: 'uuid v7' }),
    sequence: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
    sender: Country,
    recipient: Country,
    type: Type.Enum(MESSAGE_TYPES),
    sentAt: Instant,
    body: Type.Object({}, { additionalProperties: true }),
    signature: Type.String({ minLength: 1, maxLength: 200, description: 'base64 Ed25519 signature of the canonical JSON of the rest' }),
  },
  { additionalProperties: false },
);
