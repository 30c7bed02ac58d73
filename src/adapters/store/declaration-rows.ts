/** A declaration as rows (the declaration, its goods lines, its history) and back again. */
import type { Selectable } from 'kysely';
import type {
  Declaration,
  DeclarationInput,
  DeclaredDriver,
  GoodsItem,
  LineString,
  Party,
  StatusChange,
  TransportDocument,
} from '../../core/model/index.js';
import type { NewDeclaration, StoredCheck } from '../../ports/store.js';
import { decodeJson, decodeOptionalJson, encodeJson, encodeOptionalJson, encodeTime, optional } from './codec.js';
import type { DeclarationHistoryTable, DeclarationsTable, GoodsItemsTable } from './schema.js';
import { searchText } from './text-search.js';

export type DeclarationRow = Selectable<DeclarationsTable>;
export type GoodsRow = Selectable<GoodsItemsTable>;
export type HistoryRow = Selectable<DeclarationHistoryTable>;

/** The columns a declarant's input fills; the same set serves an insert and an update. */
export type ContentColumns = Omit<
  DeclarationRow,
  'id' | 'status' | 'owner' | 'created_at' | 'updated_at' | 'last_check' | 'checked_at'
>;

export function contentColumns(input: DeclarationInput): ContentColumns {
  const { consignor, consignee, carrier, vehicle } = input;
  return {
    reference: input.reference,
    procedure: input.procedure ?? null,
    consignor_name: consignor.name,
    consignor_country: consignor.country,
    consignor_tin: consignor.tin ?? null,
    consignor_address: consignor.address ?? null,
    consignee_name: consignee.name,
    consignee_country: consignee.country,
    consignee_tin: consignee.tin ?? null,
    consignee_address: consignee.address ?? null,
    carrier_name: carrier.name,
    carrier_country: carrier.country,
    carrier_tin: carrier.tin ?? null,
    carrier_address: carrier.address ?? null,
    vehicle_plate: vehicle.plate,
    vehicle_country: vehicle.country,
    vehicle_trailer_plate: vehicle.trailerPlate ?? null,
    office_of_departure: input.officeOfDeparture,
    border_crossing: input.borderCrossing,
    office_of_destination: input.officeOfDestination,
    driver: encodeOptionalJson(input.driver),
    documents: encodeJson(input.documents),
    planned_route: encodeOptionalJson(input.plannedRoute),
    seals: encodeJson(input.seals),
    search_text: searchText([input.reference, consignor.name, consignee.name, vehicle.plate]),
  };
}

/** The stored check keeps its time in its own column, so the JSON holds only what was found. */
export function checkColumns(check: StoredCheck): Pick<DeclarationRow, 'last_check' | 'checked_at'> {
  return {
    last_check: encodeJson({ complete: check.complete, issues: check.issues }),
    checked_at: encodeTime(check.checkedAt),
  };
}

export function declarationRow(declaration: NewDeclaration): DeclarationRow {
  const at = encodeTime(declaration.at);
  // Every column is set, also the absent ones, so that all rows of a multi-row insert have the same shape.
  return {
    id: declaration.id,
    status: declaration.status,
    owner: declaration.owner,
    ...contentColumns(declaration.input),
    created_at: at,
    updated_at: at,
    ...(declaration.check === undefined ? { last_check: null, checked_at: null } : checkColumns(declaration.check)),
  };
}

export function goodsRows(declarationId: string, goods: readonly GoodsItem[]): GoodsRow[] {
  return goods.map((item, index) => ({
    declaration_id: declarationId,
    line_no: index + 1,
    hs_code: item.hsCode,
    description: item.description,
    packages: item.packages,
    gross_mass_kg: item.grossMassKg,
    value: item.value,
    currency: item.currency,
  }));
}

export function historyRow(declarationId: string, seq: number, change: StatusChange): HistoryRow {
  return {
    declaration_id: declarationId,
    seq,
    from_status: change.from,
    to_status: change.to,
    changed_by: change.by,
    at: encodeTime(change.at),
    reason: change.reason ?? null,
  };
}

export function historyRows(declarationId: string, history: readonly StatusChange[]): HistoryRow[] {
  return history.map((change, index) => historyRow(declarationId, index + 1, change));
}

function party(name: string, country: string, tin: string | null, address: string | null): Party {
  return { name, country, ...optional('tin', tin), ...optional('address', address) };
}

function goodsItem(row: GoodsRow): GoodsItem {
  return {
    hsCode: row.hs_code,
    description: row.description,
    packages: row.packages,
    grossMassKg: row.gross_mass_kg,
    value: row.value,
    currency: row.currency,
  };
}

/** `goods` are the declaration's goods rows in line order. */
export function toDeclaration(row: DeclarationRow, goods: readonly GoodsRow[]): Declaration {
  const driver = decodeOptionalJson<DeclaredDriver>(row.driver);
  const plannedRoute = decodeOptionalJson<LineString>(row.planned_route);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    owner: row.owner,
    ...optional('procedure', row.procedure),
    consignor: party(row.consignor_name, row.consignor_country, row.consignor_tin, row.consignor_address),
    consignee: party(row.consignee_name, row.consignee_country, row.consignee_tin, row.consignee_address),
    carrier: party(row.carrier_name, row.carrier_country, row.carrier_tin, row.carrier_address),
    vehicle: {
      plate: row.vehicle_plate,
      country: row.vehicle_country,
      ...optional('trailerPlate', row.vehicle_trailer_plate),
    },
    ...(driver === undefined ? {} : { driver }),
    goods: goods.map(goodsItem),
    documents: decodeJson<TransportDocument[]>(row.documents),
    officeOfDeparture: row.office_of_departure,
    borderCrossing: row.border_crossing,
    officeOfDestination: row.office_of_destination,
    ...(plannedRoute === undefined ? {} : { plannedRoute }),
    seals: decodeJson<string[]>(row.seals),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toStatusChange(row: HistoryRow): StatusChange {
  return {
    from: row.from_status,
    to: row.to_status,
    by: row.changed_by,
    at: row.at,
    ...optional('reason', row.reason),
  };
}

export function toStoredCheck(row: Pick<DeclarationRow, 'last_check' | 'checked_at'>): StoredCheck | undefined {
  if (row.last_check === null || row.checked_at === null) return undefined;
  const { complete, issues } = decodeJson<Pick<StoredCheck, 'complete' | 'issues'>>(row.last_check);
  return { complete, issues, checkedAt: row.checked_at };
}
