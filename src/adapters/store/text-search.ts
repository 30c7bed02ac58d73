/**
 * The declaration list's text search: a case-insensitive substring of the reference, the consignor's and
 * consignee's names and the plate. Case is folded by JavaScript on both sides (full Unicode: SQLite's lower()
 * folds ASCII only), and the term's own `%`, `_` and `\` are escaped so they match literally.
 */

/** Separates the fields in the search column so that a term cannot match across two of them. */
const SEPARATOR = '\u001f';

export function searchText(fields: readonly string[]): string {
  return fields.map((field) => field.toLowerCase()).join(SEPARATOR);
}

/** The escape character the LIKE in the query declares with `escape '\'`. */
export const LIKE_ESCAPE = '\\';

/** A LIKE pattern matching any text that contains `term`, case-folded like `searchText`. */
export function containsPattern(term: string): string {
  const escaped = term.toLowerCase().replace(/[\\%_]/g, (char) => LIKE_ESCAPE + char);
  return `%${escaped}%`;
}
