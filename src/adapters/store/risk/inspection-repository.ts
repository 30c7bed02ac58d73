/** Inspections and what they found, roadside or at a crossing. */
import type { Kysely, Selectable } from 'kysely';
import type { InspectionResult } from '../../../core/risk/index.js';
import type { Inspection, InspectionFilter, InspectionPlace, InspectionRepository, ListedInspection } from '../../../ports/risk-store.js';
import type { Page } from '../../../ports/store.js';
import { decodeCount, decodeJson, encodeJson, encodeTime, optional } from '../codec.js';
import { pageBounds } from '../paging.js';
import type { Database } from '../schema.js';
import type { RiskInspectionsTable } from './risk-schema.js';

export class KyselyInspectionRepository implements InspectionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(inspection: Inspection): Promise<void> {
    const { place } = inspection;
    await this.db
      .insertInto('risk_inspections')
      .values({
        id: inspection.id,
        declaration_id: inspection.declarationId,
        place_kind: place.kind,
        team_id: place.kind === 'roadside' ? place.teamId : null,
        crossing: place.kind === 'crossing' ? place.crossing : null,
        selection: inspection.selection,
        results: encodeJson(inspection.results),
        notes: inspection.notes ?? null,
        inspected_by: inspection.by,
        at: encodeTime(inspection.at),
      })
      .execute();
  }

  async get(id: string): Promise<Inspection | undefined> {
    const row = await this.db.selectFrom('risk_inspections').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toInspection(row);
  }

  async list(filter: InspectionFilter): Promise<Page<ListedInspection>> {
    const { limit, offset } = pageBounds(filter.limit, filter.offset);
    let query = this.db.selectFrom('risk_inspections');
    if (filter.declarationId !== undefined) query = query.where('risk_inspections.declaration_id', '=', filter.declarationId);
    if (filter.teamId !== undefined) query = query.where('risk_inspections.team_id', '=', filter.teamId);
    const [rows, counted] = await Promise.all([
      query
        .innerJoin('declarations', 'declarations.id', 'risk_inspections.declaration_id')
        .selectAll('risk_inspections')
        .select('declarations.reference as reference')
        .orderBy('risk_inspections.at', 'desc')
        .orderBy('risk_inspections.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
    ]);
    return { items: rows.map((row) => ({ ...toInspection(row), reference: row.reference })), total: decodeCount(counted?.total) };
  }

  async all(): Promise<Inspection[]> {
    const rows = await this.db.selectFrom('risk_inspections').selectAll().orderBy('at').orderBy('id').execute();
    return rows.map(toInspection);
  }
}

function toInspection(row: Selectable<RiskInspectionsTable>): Inspection {
  const place: InspectionPlace =
    row.place_kind === 'roadside' ? { kind: 'roadside', teamId: row.team_id ?? '' } : { kind: 'crossing', crossing: row.crossing ?? '' };
  return {
    id: row.id,
    declarationId: row.declaration_id,
    place,
    selection: row.selection,
    results: decodeJson<InspectionResult[]>(row.results),
    ...optional('notes', row.notes),
    by: row.inspected_by,
    at: row.at,
  };
}
