/** Bounded string and number shapes for every field that comes from outside, so no input is unbounded. */
import Type from 'typebox';

/** A short text such as a name, a code or a number; may be empty (the checks say what is missing). */
export const ShortText = (maxLength = 200) => Type.String({ maxLength });
/** A code or identifier: no control characters. */
export const Code = (maxLength = 64) => Type.String({ maxLength, pattern: '^[^\\u0000-\\u001f]*$' });
export const CountryCodeSchema = Type.String({ maxLength: 2, description: 'ISO 3166-1 alpha-2' });
export const Latitude = Type.Number({ minimum: -90, maximum: 90 });
export const Longitude = Type.Number({ minimum: -180, maximum: 180 });
