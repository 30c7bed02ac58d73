/** The transport documents: an invoice and a CMR waybill at least, each numbered and dated, invoices matching the goods. */
import { isCurrencyCode } from '../goods/currency.js';
import { isRealDate } from '../identity/calendar.js';
import { DOCUMENT_TYPES, type DocumentType } from '../model/declaration.js';
import type { Issue } from '../model/issue.js';
import {
  DECLARATION,
  fieldName,
  isFields,
  issue,
  itemOwners,
  listOrEmpty,
  mistyped,
  optionalNumber,
  optionalText,
  pathOf,
  requiredText,
  sentence,
  type Fields,
  type Owner,
} from './fields.js';
import type { GoodsTotals } from './goods.js';
import {
  CURRENCY_INVALID,
  DOCUMENT_AMOUNT_INVALID,
  DOCUMENT_DATE_IN_FUTURE,
  DOCUMENT_DATE_INVALID,
  DOCUMENT_MISSING,
  DOCUMENT_TYPE_INVALID,
  INVOICE_TOTAL_MISMATCH,
} from './issue-codes.js';

const DOCUMENT = itemOwners('documents', 'document');
const KNOWN_TYPES: ReadonlySet<string> = new Set<string>(DOCUMENT_TYPES);

/** The documents every transit needs, with the words for saying one is missing. */
const REQUIRED: ReadonlyArray<readonly [DocumentType, string]> = [
  ['invoice', 'an invoice'],
  ['cmr', 'a CMR waybill'],
];

// Without a clock the core cannot tell a date from the future; these bounds catch the typos that make a year absurd.
const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2099;

/** Invoice totals differ from the goods' values by rounding and small charges: allow 1 %, and at least 1 unit. */
const RELATIVE_TOLERANCE = 0.01;
const ABSOLUTE_TOLERANCE = 1;

function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True when `text` is `YYYY-MM-DD`, a day that exists, in a year a current document can carry. */
export function isPlausibleDocumentDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR && isRealDate(year, month, day);
}

function amountText(n: number): string {
  return String(Math.round(n * 100) / 100);
}

interface InvoiceSum {
  total: number;
  /** Index of the only invoice in this currency, or -1 when there are several. */
  only: number;
}

function checkDocument(
  doc: Fields,
  owner: Owner,
  index: number,
  present: Set<string>,
  invoices: Map<string, InvoiceSum>,
  issues: Issue[],
  latestDate: string | undefined,
): void {
  const type = requiredText(doc, owner, 'type', 'type', issues);
  if (type !== undefined) {
    if (KNOWN_TYPES.has(type)) present.add(type);
    else {
      issues.push(
        issue(
          DOCUMENT_TYPE_INVALID,
          pathOf(owner, 'type'),
          `${sentence(fieldName(owner, 'type'))} must be one of ${DOCUMENT_TYPES.join(', ')}; ${JSON.stringify(type)} is not one.`,
        ),
      );
    }
  }
  requiredText(doc, owner, 'number', 'number', issues);
  const date = requiredText(doc, owner, 'date', 'date', issues);
  if (date !== undefined && !isPlausibleDocumentDate(date)) {
    issues.push(
      issue(
        DOCUMENT_DATE_INVALID,
        pathOf(owner, 'date'),
        `${sentence(fieldName(owner, 'date'))} must be a real date written YYYY-MM-DD, between ${EARLIEST_YEAR} and ${LATEST_YEAR}; ${JSON.stringify(date)} is not one.`,
      ),
    );
  } else if (date !== undefined && latestDate !== undefined && date > latestDate) {
    issues.push(
      issue(DOCUMENT_DATE_IN_FUTURE, pathOf(owner, 'date'), `${sentence(fieldName(owner, 'date'))} ${date} is in the future.`),
    );
  }
  const amount = optionalNumber(doc, owner, 'amount', 'amount', issues);
  const amountOk = amount !== undefined && Number.isFinite(amount) && amount > 0;
  if (amount !== undefined && !amountOk) {
    issues.push(
      issue(
        DOCUMENT_AMOUNT_INVALID,
        pathOf(owner, 'amount'),
        `${sentence(fieldName(owner, 'amount'))} must be above 0; ${amount} was given.`,
      ),
    );
  }
  const currency = optionalText(doc, owner, 'currency', 'currency', issues);
  const currencyOk = currency !== undefined && isCurrencyCode(currency);
  if (currency !== undefined && !currencyOk) {
    issues.push(
      issue(
        CURRENCY_INVALID,
        pathOf(owner, 'currency'),
        `${sentence(fieldName(owner, 'currency'))} must be a current ISO 4217 code in capitals, such as USD; ${JSON.stringify(currency)} is not one.`,
      ),
    );
  }
  if (type === 'invoice' && amountOk && currencyOk) {
    const sum = invoices.get(currency);
    if (sum === undefined) invoices.set(currency, { total: amount, only: index });
    else {
      sum.total += amount;
      sum.only = -1;
    }
  }
}

function checkTotals(invoices: Map<string, InvoiceSum>, goods: GoodsTotals, issues: Issue[]): void {
  for (const [currency, sum] of invoices) {
    const declared = goods.byCurrency.get(currency) ?? 0;
    const tolerance = Math.max(sum.total * RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
    if (Math.abs(sum.total - declared) <= tolerance) continue;
    const single = sum.only >= 0;
    issues.push(
      issue(
        INVOICE_TOTAL_MISMATCH,
        single ? `documents[${sum.only}].amount` : 'documents',
        `${single ? `The invoice total is ${amountText(sum.total)} ${currency}` : `The invoices in ${currency} total ${amountText(sum.total)}`}, but the goods valued in ${currency} total ${amountText(declared)}.`,
      ),
    );
  }
}

/**
 * `goods` is the goods' totals, or undefined when the goods could not be read at all. With `today`, a document
 * dated after tomorrow is reported: a day's grace, because the Kyrgyz and Kazakh working day starts up to six
 * hours before UTC's.
 */
export function checkDocuments(declaration: Fields, goods: GoodsTotals | undefined, issues: Issue[], today?: string): void {
  const latestDate = today === undefined ? undefined : dayAfter(today);
  const documents = listOrEmpty(declaration, DECLARATION, 'documents', 'documents', issues);
  if (documents === undefined) return;
  const present = new Set<string>();
  const invoices = new Map<string, InvoiceSum>();
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i];
    const owner = DOCUMENT(i);
    if (isFields(doc)) checkDocument(doc, owner, i, present, invoices, issues, latestDate);
    else mistyped(owner.path, owner.label, 'an object', doc, issues);
  }
  for (const [type, words] of REQUIRED) {
    if (!present.has(type)) {
      issues.push(issue(DOCUMENT_MISSING, 'documents', `The documents must include ${words} (type ${type}).`));
    }
  }
  // Totals over missing or unusable goods values would report a mismatch that the goods' own issues already explain.
  if (goods !== undefined && goods.reliable && goods.byCurrency.size > 0 && invoices.size > 0) {
    checkTotals(invoices, goods, issues);
  }
}

/** The day after `date` (`YYYY-MM-DD`), in the same form. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
