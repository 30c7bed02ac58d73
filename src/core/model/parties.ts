/** The people and organisations a transit involves, and their vehicles. */
import Type from 'typebox';
import { Code, CountryCodeSchema, ShortText } from './text.js';

/** ISO 3166-1 alpha-2 country code, upper case. */
export type CountryCode = string;

/** The member states of the Eurasian Economic Union. */
export const EAEU_COUNTRIES = ['AM', 'BY', 'KG', 'KZ', 'RU'] as const;

const partyFields = {
  name: ShortText(300),
  country: CountryCodeSchema,
  /** Taxpayer identification number in the country's own format (INN, BIN/IIN, UNP, TIN). */
  tin: Type.Optional(Code(32)),
  address: Type.Optional(ShortText(500)),
};

/** A consignor, consignee (the final recipient) or carrier as named on a declaration. */
export const PartySchema = Type.Object(partyFields, { additionalProperties: false });
export type Party = Type.Static<typeof PartySchema>;

export const CarrierSchema = Type.Object({ id: Code(), ...partyFields }, { additionalProperties: false });
export type Carrier = Type.Static<typeof CarrierSchema>;

export const VehicleSchema = Type.Object(
  {
    id: Code(),
    /** Registration plate as written, upper case without spaces. */
    plate: Code(16),
    country: CountryCodeSchema,
    carrierId: Type.Optional(Code()),
    trailerPlate: Type.Optional(Code(16)),
  },
  { additionalProperties: false },
);
export type Vehicle = Type.Static<typeof VehicleSchema>;

export const DriverSchema = Type.Object(
  {
    id: Code(),
    name: ShortText(),
    country: CountryCodeSchema,
    licenceNumber: Type.Optional(Code(32)),
    phone: Type.Optional(Code(32)),
  },
  { additionalProperties: false },
);
export type Driver = Type.Static<typeof DriverSchema>;
