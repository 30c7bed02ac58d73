/** Bounded string and number shapes for every field that comes from outside, so no input is unbounded. */
import Type from 'typebox';

/** A short text such as a name, a code or a number; may be empty (the checks say what is missing). */
// Control characters other than tab and line breaks have no place in a name or a description, and
// PostgreSQL refuses NUL outright: refusing them at the edge keeps both stores accepting the same input.
export const ShortText = (maxLength = 200) =>
  Type.String({ maxLength, pattern: '^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f]*$' });
/** A code or identifier: no control characters. */
export const Code = (maxLength = 64) => Type.String({ maxLength, pattern: '^[^\\u0000-\\u001f]*$' });
export const CountryCodeSchema = Type.String({ maxLength: 2, description: 'ISO 3166-1 alpha-2' });
export const Latitude = Type.Number({ minimum: -90, maximum: 90 });
export const Longitude = Type.Number({ minimum: -180, maximum: 180 });
