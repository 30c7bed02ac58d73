/**
 * The flat CSV form of declarations, for spreadsheets: one row per goods item, with the declaration's own
 * fields repeated; consecutive rows with the same reference make one declaration.
 */
import { PROCEDURE_INVALID } from '../checks/issue-codes.js';
import { CUSTOMS_PROCEDURES, isCustomsProcedure, type DeclarationInput, type GoodsItem, type Issue, type TransportDocument } from '../model/index.js';

export const DECLARATION_CSV_COLUMNS = [
  'reference',
  /** transit, export or mutual_trade; optional, so files written before it still load (the checks ask for it). */
  'procedure',
  'consignor_name', 'consignor_country', 'consignor_tin',
  'consignee_name', 'consignee_country', 'consignee_tin',
  'carrier_name', 'carrier_country', 'carrier_tin',
  'vehicle_plate', 'vehicle_country', 'trailer_plate',
  'driver_name', 'driver_country',
  'office_of_departure', 'border_crossing', 'office_of_destination',
  /** Seal identifiers separated by spaces or semicolons. */
  'seals',
  'invoice_number', 'invoice_date', 'invoice_amount', 'invoice_currency',
  'cmr_number', 'cmr_date',
  'hs_code', 'description', 'packages', 'gross_mass_kg', 'value', 'currency',
] as const;
export type DeclarationCsvColumn = (typeof DECLARATION_CSV_COLUMNS)[number];
export type CsvRow = Partial<Record<string, string>>;

const REQUIRED_COLUMNS: readonly DeclarationCsvColumn[] = ['reference', 'hs_code', 'description', 'value', 'currency'];

/** Issues with a header row: missing required columns and columns this format does not have. */
export function checkCsvHeader(columns: readonly string[]): Issue[] {
  const known = new Set<string>(DECLARATION_CSV_COLUMNS);
  const present = new Set(columns);
  return [
    ...REQUIRED_COLUMNS.filter((column) => !present.has(column)).map((column) => ({
      code: 'CSV_COLUMN_MISSING', path: column, message: `the header has no column ${column}`,
    })),
    ...columns.filter((column) => !known.has(column)).map((column) => ({
      code: 'CSV_COLUMN_UNKNOWN', path: column, message: `column ${column} is not part of the declaration CSV format`,
    })),
  ];
}

/** A number as people type it: `1234.5`, `1 234,5` or `1234,5`; undefined when it is not one. */
export function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  const normal = compact.includes('.') ? compact : compact.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return undefined;
  return Number(normal);
}

/** Builds one declaration from its rows; numbers that are not numbers are issues, not NaN. */
export function declarationFromCsvRows(rows: readonly CsvRow[]): { record: DeclarationInput; issues: Issue[] } {
  const first = rows[0] ?? {};
  const issues: Issue[] = [];
  const text = (row: CsvRow, column: DeclarationCsvColumn) => (row[column] ?? '').trim();
  const optional = (row: CsvRow, column: DeclarationCsvColumn) => text(row, column) || undefined;
  const number = (row: CsvRow, column: DeclarationCsvColumn, path: string): number => {
    const raw = text(row, column);
    const value = parseDecimal(raw);
    if (value === undefined) {
      issues.push({ code: 'CSV_NOT_A_NUMBER', path, message: `${column} "${raw.slice(0, 40)}" is not a number` });
      return 0;
    }
    return value;
  };
  const party = (prefix: 'consignor' | 'consignee' | 'carrier') => {
    const tin = optional(first, `${prefix}_tin`);
    return {
      name: text(first, `${prefix}_name`),
      country: text(first, `${prefix}_country`).toUpperCase(),
      ...(tin ? { tin } : {}),
    };
  };

  const goods: GoodsItem[] = rows.map((row, index) => ({
    hsCode: text(row, 'hs_code').replace(/[\s.]/g, ''),
    description: text(row, 'description'),
    packages: number(row, 'packages', `goods[${index}].packages`),
    grossMassKg: number(row, 'gross_mass_kg', `goods[${index}].grossMassKg`),
    value: number(row, 'value', `goods[${index}].value`),
    currency: text(row, 'currency').toUpperCase(),
  }));

  const documents: TransportDocument[] = [];
  if (text(first, 'invoice_number') || text(first, 'invoice_date')) {
    const amount = optional(first, 'invoice_amount');
    const currency = optional(first, 'invoice_currency');
    documents.push({
      type: 'invoice',
      number: text(first, 'invoice_number'),
      date: text(first, 'invoice_date'),
      ...(amount === undefined ? {} : { amount: number(first, 'invoice_amount', 'documents[0].amount') }),
      ...(currency === undefined ? {} : { currency: currency.toUpperCase() }),
    });
  }
  if (text(first, 'cmr_number') || text(first, 'cmr_date')) {
    documents.push({ type: 'cmr', number: text(first, 'cmr_number'), date: text(first, 'cmr_date') });
  }

  const procedure = optional(first, 'procedure')?.toLowerCase();
  if (procedure !== undefined && !isCustomsProcedure(procedure)) {
    issues.push({ code: PROCEDURE_INVALID, path: 'procedure', message: `procedure "${procedure.slice(0, 40)}" is not one of ${CUSTOMS_PROCEDURES.join(', ')}` });
  }
  const trailer = optional(first, 'trailer_plate');
  const driverName = optional(first, 'driver_name');
  const record: DeclarationInput = {
    reference: text(first, 'reference'),
    ...(isCustomsProcedure(procedure) ? { procedure } : {}),
    consignor: party('consignor'),
    consignee: party('consignee'),
    carrier: party('carrier'),
    vehicle: {
      plate: text(first, 'vehicle_plate').toUpperCase().replace(/[\s-]/g, ''),
      country: text(first, 'vehicle_country').toUpperCase(),
      ...(trailer ? { trailerPlate: trailer.toUpperCase().replace(/[\s-]/g, '') } : {}),
    },
    ...(driverName ? { driver: { name: driverName, country: text(first, 'driver_country').toUpperCase() } } : {}),
    goods,
    documents,
    officeOfDeparture: text(first, 'office_of_departure'),
    borderCrossing: text(first, 'border_crossing'),
    officeOfDestination: text(first, 'office_of_destination'),
    seals: text(first, 'seals').split(/[\s;]+/).filter((seal) => seal.length > 0),
  };
  return { record, issues };
}
