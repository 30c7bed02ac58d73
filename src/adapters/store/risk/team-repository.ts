/** Roadside teams, and the trucks they are assigned to stop. */
import type { Kysely, Selectable } from 'kysely';
import type { Assignment, RoadsideTeam, TeamRepository } from '../../../ports/risk-store.js';
import { chunkIds } from '../declaration-repository.js';
import { encodeTime } from '../codec.js';
import type { Database } from '../schema.js';
import type { RiskAssignmentsTable, RiskTeamsTable } from './risk-schema.js';

export class KyselyTeamRepository implements TeamRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxParameters: number,
  ) {}

  async put(team: RoadsideTeam): Promise<void> {
    const columns = {
      name: team.name,
      lat: team.position?.lat ?? null,
      lon: team.position?.lon ?? null,
      position_at: team.position ? encodeTime(team.position.at) : null,
      shift_start: team.shift ? encodeTime(team.shift.start) : null,
      shift_end: team.shift ? encodeTime(team.shift.end) : null,
      updated_at: encodeTime(team.updatedAt),
    };
    await this.db
      .insertInto('risk_teams')
      .values({ id: team.id, created_at: encodeTime(team.createdAt), ...columns })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(columns))
      .execute();
  }

  async get(id: string): Promise<RoadsideTeam | undefined> {
    const row = await this.db.selectFrom('risk_teams').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toTeam(row);
  }

  async list(): Promise<RoadsideTeam[]> {
    const rows = await this.db.selectFrom('risk_teams').selectAll().orderBy('name').orderBy('id').execute();
    return rows.map(toTeam);
  }

  async delete(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx.deleteFrom('risk_teams').where('id', '=', id).executeTakeFirst();
      if (deleted.numDeletedRows !== 1n) return false;
      // The key cascades on PostgreSQL, and on SQLite only with foreign keys on: deleted here on both alike.
      await trx.deleteFrom('risk_assignments').where('team_id', '=', id).execute();
      return true;
    });
  }

  async assign(assignment: Assignment): Promise<boolean> {
    const inserted = await this.db
      .insertInto('risk_assignments')
      .values({
        id: assignment.id,
        team_id: assignment.teamId,
        declaration_id: assignment.declarationId,
        trip_id: assignment.tripId,
        channel: assignment.channel,
        score: assignment.score,
        assigned_by: assignment.by,
        at: encodeTime(assignment.at),
      })
      .onConflict((conflict) => conflict.column('declaration_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async assignments(teamId: string): Promise<Assignment[]> {
    const rows = await this.db
      .selectFrom('risk_assignments')
      .selectAll()
      .where('team_id', '=', teamId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toAssignment);
  }

  async assignedAmong(declarationIds: readonly string[]): Promise<Set<string>> {
    const assigned = new Set<string>();
    for (const chunk of chunkIds([...new Set(declarationIds)], this.maxParameters)) {
      const rows = await this.db.selectFrom('risk_assignments').select('declaration_id').where('declaration_id', 'in', chunk).execute();
      for (const row of rows) assigned.add(row.declaration_id);
    }
    return assigned;
  }
}

function toTeam(row: Selectable<RiskTeamsTable>): RoadsideTeam {
  return {
    id: row.id,
    name: row.name,
    ...(row.lat !== null && row.lon !== null && row.position_at !== null ? { position: { lat: row.lat, lon: row.lon, at: row.position_at } } : {}),
    ...(row.shift_start !== null && row.shift_end !== null ? { shift: { start: row.shift_start, end: row.shift_end } } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toAssignment(row: Selectable<RiskAssignmentsTable>): Assignment {
  return {
    id: row.id,
    teamId: row.team_id,
    declarationId: row.declaration_id,
    tripId: row.trip_id,
    channel: row.channel,
    score: row.score,
    by: row.assigned_by,
    at: row.at,
  };
}
