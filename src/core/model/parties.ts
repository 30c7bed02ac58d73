/** The people and organisations a transit involves, and their vehicles. */

/** ISO 3166-1 alpha-2 country code, upper case. */
export type CountryCode = string;

/** The member states of the Eurasian Economic Union. */
export const EAEU_COUNTRIES = ['AM', 'BY', 'KG', 'KZ', 'RU'] as const;

/** A consignor, consignee (the final recipient) or carrier as named on a declaration. */
export interface Party {
  name: string;
  country: CountryCode;
  /** Taxpayer identification number in the country's own format (INN, BIN/IIN, UNP, TIN). */
  tin: string;
  address?: string;
}

export interface Carrier extends Party {
  id: string;
}

export interface Vehicle {
  id: string;
  /** Registration plate as written, upper case without spaces. */
  plate: string;
  country: CountryCode;
  carrierId?: string;
  trailerPlate?: string;
}

export interface Driver {
  id: string;
  name: string;
  country: CountryCode;
  licenceNumber?: string;
  phone?: string;
}
