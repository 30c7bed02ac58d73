/**
 * Goods codes: an HS subheading (6 digits) or an EAEU TN VED code (10 digits, the first six the HS subheading),
 * checked for form and chapter and, when the operator has imported a nomenclature, for existence in it.
 */
import type { Issue } from '../model/issue.js';

export const HS_EMPTY = 'HS_EMPTY';
export const HS_FORMAT = 'HS_FORMAT';
export const HS_LENGTH = 'HS_LENGTH';
export const HS_CHAPTER = 'HS_CHAPTER';
export const HS_HEADING_UNKNOWN = 'HS_HEADING_UNKNOWN';
export const HS_SUBHEADING_UNKNOWN = 'HS_SUBHEADING_UNKNOWN';
export const HS_CODE_UNKNOWN = 'HS_CODE_UNKNOWN';

/** Chapter 77 is reserved by the HS for possible future use and has no goods. */
const RESERVED_CHAPTER = 77;
const LAST_CHAPTER = 97;

/** The prefixes a nomenclature holds, derived once per set: codes are often imported only at their 10-digit leaves. */
interface NomenclatureIndex {
  size: number;
  headings: Set<string>;
  subheadings: Set<string>;
  /** Subheadings under which the set lists 10-digit codes, so a 10-digit code there must be one of them. */
  subdivided: Set<string>;
}

const indexes = new WeakMap<ReadonlySet<string>, NomenclatureIndex>();

function indexOf(nomenclature: ReadonlySet<string>): NomenclatureIndex {
  const cached = indexes.get(nomenclature);
  // A changed size means the set was modified after it was indexed: index it again rather than answer from stale data.
  if (cached !== undefined && cached.size === nomenclature.size) return cached;
  const index: NomenclatureIndex = { size: nomenclature.size, headings: new Set(), subheadings: new Set(), subdivided: new Set() };
  for (const code of nomenclature) {
    if (code.length >= 4) index.headings.add(code.slice(0, 4));
    if (code.length >= 6) index.subheadings.add(code.slice(0, 6));
    if (code.length === 10) index.subdivided.add(code.slice(0, 6));
  }
  indexes.set(nomenclature, index);
  return index;
}

function isAllDigits(code: string): boolean {
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The HS chapter (1–99) the code's first two digits name, or undefined when they are not two digits. */
export function hsChapter(code: string): number | undefined {
  if (code.length < 2) return undefined;
  const tens = code.charCodeAt(0) - 48;
  const units = code.charCodeAt(1) - 48;
  if (tens < 0 || tens > 9 || units < 0 || units > 9) return undefined;
  return tens * 10 + units;
}

function issue(code: string, message: string): Issue {
  return { code, path: '', message };
}

/**
 * The reasons `code` is not a usable goods code, each with an empty path for the caller to prefix; none when it is.
 * The nomenclature, when given, holds the operator's imported codes of 4 to 10 digits and is read as unchanging.
 */
export function checkHsCode(code: string, nomenclature?: ReadonlySet<string>): Issue[] {
  if (code.length === 0) return [issue(HS_EMPTY, 'The goods code is empty.')];
  if (!isAllDigits(code)) {
    return [issue(HS_FORMAT, `A goods code has digits only, without spaces or dots; ${JSON.stringify(code)} given.`)];
  }
  if (code.length !== 6 && code.length !== 10) {
    return [
      issue(
        HS_LENGTH,
        `A goods code has 6 digits (HS subheading) or 10 (EAEU TN VED); ${code.length} found.`,
      ),
    ];
  }
  const chapter = hsChapter(code) as number;
  if (chapter < 1 || chapter > LAST_CHAPTER || chapter === RESERVED_CHAPTER) {
    return [
      issue(
        HS_CHAPTER,
        `A goods code begins with an HS chapter from 01 to 97 other than the reserved 77; ${code.slice(0, 2)} found.`,
      ),
    ];
  }
  if (nomenclature === undefined) return [];
  const index = indexOf(nomenclature);
  const heading = code.slice(0, 4);
  if (!index.headings.has(heading)) {
    return [issue(HS_HEADING_UNKNOWN, `The heading ${heading} is not in the imported nomenclature.`)];
  }
  const subheading = code.slice(0, 6);
  if (!index.subheadings.has(subheading)) {
    return [issue(HS_SUBHEADING_UNKNOWN, `The subheading ${subheading} is not in the imported nomenclature.`)];
  }
  if (code.length === 10 && index.subdivided.has(subheading) && !nomenclature.has(code)) {
    return [issue(HS_CODE_UNKNOWN, `The code ${code} is not in the imported nomenclature under subheading ${subheading}.`)];
  }
  return [];
}
