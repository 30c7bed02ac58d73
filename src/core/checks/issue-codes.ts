/** The stable codes the document checks report; clients match on these, so they never change meaning. */
export {
  TIN_CHECK_DIGIT,
  TIN_COUNTRY_UNSUPPORTED,
  TIN_DATE,
  TIN_EMPTY,
  TIN_FORMAT,
  TIN_LENGTH,
  TIN_STRUCTURE,
} from '../identity/tin-result.js';
export {
  HS_CHAPTER,
  HS_CODE_UNKNOWN,
  HS_EMPTY,
  HS_FORMAT,
  HS_HEADING_UNKNOWN,
  HS_LENGTH,
  HS_SUBHEADING_UNKNOWN,
} from '../goods/hs-code.js';

/** The input is not an object at all. */
export const DECLARATION_NOT_OBJECT = 'DECLARATION_NOT_OBJECT';
/** A required field is absent, null or blank. */
export const FIELD_REQUIRED = 'FIELD_REQUIRED';
/** A field holds the wrong kind of value, such as a number where text belongs. */
export const FIELD_TYPE = 'FIELD_TYPE';
export const COUNTRY_INVALID = 'COUNTRY_INVALID';
export const GOODS_EMPTY = 'GOODS_EMPTY';
export const GOODS_PACKAGES_INVALID = 'GOODS_PACKAGES_INVALID';
export const GOODS_MASS_INVALID = 'GOODS_MASS_INVALID';
export const GOODS_VALUE_INVALID = 'GOODS_VALUE_INVALID';
export const CURRENCY_INVALID = 'CURRENCY_INVALID';
export const DOCUMENT_MISSING = 'DOCUMENT_MISSING';
export const DOCUMENT_TYPE_INVALID = 'DOCUMENT_TYPE_INVALID';
export const DOCUMENT_DATE_INVALID = 'DOCUMENT_DATE_INVALID';
export const DOCUMENT_DATE_IN_FUTURE = 'DOCUMENT_DATE_IN_FUTURE';
export const DOCUMENT_AMOUNT_INVALID = 'DOCUMENT_AMOUNT_INVALID';
export const INVOICE_TOTAL_MISMATCH = 'INVOICE_TOTAL_MISMATCH';
export const OFFICE_UNKNOWN = 'OFFICE_UNKNOWN';
export const OFFICES_SAME = 'OFFICES_SAME';
export const CROSSING_UNKNOWN = 'CROSSING_UNKNOWN';
export const ROUTE_INVALID = 'ROUTE_INVALID';
export const ROUTE_COORDINATE_INVALID = 'ROUTE_COORDINATE_INVALID';
/** The customs procedure is not one of transit, export, mutual_trade. */
export const PROCEDURE_INVALID = 'PROCEDURE_INVALID';
export const PLATE_INVALID = 'PLATE_INVALID';
export const SEALS_EMPTY = 'SEALS_EMPTY';
export const SEAL_UNKNOWN = 'SEAL_UNKNOWN';
export const SEAL_DUPLICATE = 'SEAL_DUPLICATE';
/** The checks themselves failed on this input; a defect in the checks, never the declarant's fault. */
export const CHECK_FAILED = 'CHECK_FAILED';
