/**
 * Parties' histories read from the inspections of their declarations: a party is found by the columns of the
 * declarations it appears on (country and taxpayer number; country and plate for a vehicle), so nothing is copied
 * at inspection time and a party's history is every inspection of every declaration it was on.
 */
import type { Kysely } from 'kysely';
import { FINDING_RESULTS, hasFinding, type HistoryCounts, type HistoryRole, type InspectionResult, type PartyHistory } from '../../../core/risk/index.js';
import type { PartyHistoryQuery, PartyHistoryReader } from '../../../ports/risk-store.js';
import { decodeJson, encodeTime } from '../codec.js';
import type { Database } from '../schema.js';

const DAY_MS = 86_400_000;

type PartyColumns = { country: 'consignor_country' | 'consignee_country' | 'carrier_country' | 'vehicle_country'; id: 'consignor_tin' | 'consignee_tin' | 'carrier_tin' | 'vehicle_plate' };

const COLUMNS: Record<HistoryRole, PartyColumns> = {
  consignor: { country: 'consignor_country', id: 'consignor_tin' },
  consignee: { country: 'consignee_country', id: 'consignee_tin' },
  carrier: { country: 'carrier_country', id: 'carrier_tin' },
  vehicle: { country: 'vehicle_country', id: 'vehicle_plate' },
};

/** The party's identity on the declaration, or undefined when it has no number to be known by. */
function identityOf(declaration: PartyHistoryQuery['declaration'], role: HistoryRole): { country: string; id: string } | undefined {
  if (role === 'vehicle') return { country: declaration.vehicle.country, id: declaration.vehicle.plate };
  const party = declaration[role];
  return party.tin === undefined || party.tin.trim() === '' ? undefined : { country: party.country, id: party.tin };
}

/** The first instant of the window of `days` days that ends on `today`, inclusive. */
function windowStart(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00.000Z`) - (days - 1) * DAY_MS).toISOString();
}

export class KyselyPartyHistoryReader implements PartyHistoryReader {
  constructor(private readonly db: Kysely<Database>) {}

  async histories(query: PartyHistoryQuery): Promise<Partial<Record<HistoryRole, PartyHistory>>> {
    const roles = new Set<HistoryRole>([...(Object.keys(query.windows) as HistoryRole[]), ...query.firstSeen]);
    const histories: Partial<Record<HistoryRole, PartyHistory>> = {};
    await Promise.all(
      [...roles].map(async (role) => {
        const identity = identityOf(query.declaration, role);
        if (identity === undefined) return;
        const [firstSeen, windows] = await Promise.all([
          this.firstSeen(role, identity, query),
          this.windows(role, identity, query, query.windows[role] ?? []),
        ]);
        histories[role] = { ...(firstSeen === undefined ? {} : { firstSeen }), windows };
      }),
    );
    return histories;
  }

  /** The day of the party's first declaration created before this one. */
  private async firstSeen(role: HistoryRole, identity: { country: string; id: string }, query: PartyHistoryQuery): Promise<string | undefined> {
    const columns = COLUMNS[role];
    const row = await this.db
      .selectFrom('declarations')
      .select((eb) => eb.fn.min('created_at').as('first'))
      .where(columns.country, '=', identity.country)
      .where(columns.id, '=', identity.id)
      .where('id', '<>', query.declaration.id)
      .where('created_at', '<', encodeTime(query.declaration.createdAt))
      .executeTakeFirst();
    const first = row?.first ?? null;
    return first === null ? undefined : String(first).slice(0, 10);
  }

  private async windows(
    role: HistoryRole,
    identity: { country: string; id: string },
    query: PartyHistoryQuery,
    days: readonly number[],
  ): Promise<Record<number, HistoryCounts>> {
    if (days.length === 0) return {};
    const columns = COLUMNS[role];
    const longest = Math.max(...days);
    const rows = await this.db
      .selectFrom('risk_inspections as i')
      .innerJoin('declarations as d', 'd.id', 'i.declaration_id')
      .select(['i.declaration_id', 'i.at', 'i.results'])
      .where(`d.${columns.country}`, '=', identity.country)
      .where(`d.${columns.id}`, '=', identity.id)
      .where('i.declaration_id', '<>', query.declaration.id)
      .where('i.at', '>=', windowStart(query.today, longest))
      .where('i.at', '<', encodeTime(query.before))
      .execute();
    const inspections = rows.map((row) => ({ declarationId: row.declaration_id, at: row.at, results: decodeJson<InspectionResult[]>(row.results) }));
    const windows: Record<number, HistoryCounts> = {};
    for (const length of days) {
      const start = windowStart(query.today, length);
      // A declaration inspected twice counts once, with everything either inspection found.
      const byDeclaration = new Map<string, Set<InspectionResult>>();
      for (const inspection of inspections) {
        if (inspection.at < start) continue;
        let results = byDeclaration.get(inspection.declarationId);
        if (results === undefined) byDeclaration.set(inspection.declarationId, (results = new Set()));
        for (const result of inspection.results) results.add(result);
      }
      const counts: HistoryCounts = { inspections: byDeclaration.size, findings: {}, withFindings: 0 };
      const findings: Partial<Record<(typeof FINDING_RESULTS)[number], number>> = {};
      for (const results of byDeclaration.values()) {
        if (hasFinding([...results])) counts.withFindings++;
        for (const kind of FINDING_RESULTS) if (results.has(kind)) findings[kind] = (findings[kind] ?? 0) + 1;
      }
      windows[length] = { ...counts, findings };
    }
    return windows;
  }
}
