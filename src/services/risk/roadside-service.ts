/**
 * Roadside teams: where they stand and when they are on duty, the trucks proposed to them (open trips that pass
 * within reach in the next minutes, riskiest first), and the trucks assigned to them.
 */
import type { User } from '../../core/model/index.js';
import { proposeStops, type StopProposal } from '../../core/risk/index.js';
import type { Clock } from '../../ports/clock.js';
import type { OpenTrips } from '../../ports/open-trips.js';
import type { Assignment, RoadsideTeam } from '../../ports/risk-store.js';
import type { Store } from '../../ports/store.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { newRecordId } from '../ids.js';
import { ServiceError } from '../service-error.js';

export interface TeamInput {
  name: string;
  position?: { lat: number; lon: number };
  shift?: { start: string; end: string };
}

/** A change of a team: only what is given changes; a shift of null ends the team's duty times. */
export interface TeamChange {
  name?: string;
  position?: { lat: number; lon: number };
  shift?: { start: string; end: string } | null;
}

export interface ProposalQuery {
  withinMinutes: number;
  reachM: number;
}

export interface Proposal extends StopProposal {
  reference: string;
}

export class RoadsideService {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly trips: OpenTrips,
    private readonly newId: () => string = newRecordId,
  ) {}

  async create(actor: User, input: TeamInput): Promise<RoadsideTeam> {
    this.auth.require(actor, 'teams:manage');
    const at = this.clock.now().toISOString();
    const team = this.withChange({ id: this.newId(), name: input.name, createdAt: at, updatedAt: at }, input, at);
    await this.store.risk.teams.put(team);
    await this.audit(actor, 'create', 'team', team.id, input);
    return this.get(actor, team.id);
  }

  async update(actor: User, id: string, change: TeamChange): Promise<RoadsideTeam> {
    this.auth.require(actor, 'teams:manage');
    const at = this.clock.now().toISOString();
    const team = this.withChange({ ...(await this.get(actor, id)), updatedAt: at }, change, at);
    await this.store.risk.teams.put(team);
    await this.audit(actor, 'update', 'team', id, change);
    return this.get(actor, id);
  }

  async delete(actor: User, id: string): Promise<void> {
    this.auth.require(actor, 'teams:manage');
    if (!(await this.store.risk.teams.delete(id))) throw new ServiceError('NOT_FOUND', `no roadside team ${id}`);
    await this.audit(actor, 'delete', 'team', id);
  }

  async get(actor: User, id: string): Promise<RoadsideTeam> {
    this.auth.require(actor, 'risk:read');
    const team = await this.store.risk.teams.get(id);
    if (team === undefined) throw new ServiceError('NOT_FOUND', `no roadside team ${id}`);
    return team;
  }

  async list(actor: User): Promise<RoadsideTeam[]> {
    this.auth.require(actor, 'risk:read');
    return this.store.risk.teams.list();
  }

  /** The open trips the team can stop within the horizon, not assigned yet, riskiest first. */
  async proposals(actor: User, teamId: string, query: ProposalQuery): Promise<Proposal[]> {
    const team = await this.get(actor, teamId);
    if (team.position === undefined) throw new ServiceError('CONFLICT', `roadside team ${teamId} has not reported its position`);
    const withinMinutes = this.minutesOnDuty(team, query.withinMinutes);
    const trips = await this.trips.list();
    const declarationIds = trips.map((trip) => trip.declarationId);
    const [latest, assigned] = await Promise.all([
      this.store.risk.assessments.latestOf(declarationIds),
      this.store.risk.teams.assignedAmong(declarationIds),
    ]);
    const candidates = trips
      .filter((trip) => !assigned.has(trip.declarationId))
      .map((trip) => {
        const assessment = latest.get(trip.declarationId)?.assessment;
        return {
          tripId: trip.tripId,
          declarationId: trip.declarationId,
          route: trip.route,
          position: { lat: trip.lastPosition.lat, lon: trip.lastPosition.lon },
          speedKmh: trip.speedKmh,
          risk: assessment === undefined ? null : { channel: assessment.channel, score: assessment.score },
        };
      });
    return proposeStops(team.position, candidates, { ...query, withinMinutes }).map((proposal) => ({
      ...proposal,
      reference: latest.get(proposal.declarationId)?.assessment.reference ?? '',
    }));
  }

  /** The horizon of proposals for a team: the one asked for, cut at the end of its shift; none off duty. */
  private minutesOnDuty(team: RoadsideTeam, asked: number): number {
    if (team.shift === undefined) return asked;
    const now = this.clock.now().getTime();
    const [start, end] = [Date.parse(team.shift.start), Date.parse(team.shift.end)];
    if (now < start || now >= end) {
      throw new ServiceError('CONFLICT', `roadside team ${team.id} is off duty: its shift is ${team.shift.start} to ${team.shift.end}`, [
        { code: 'TEAM_OFF_DUTY', path: 'shift', message: `the shift is ${team.shift.start} to ${team.shift.end}` },
      ]);
    }
    return Math.min(asked, (end - now) / 60_000);
  }

  /** Tells the team to stop the truck of the declaration; one team a truck. */
  async assign(actor: User, teamId: string, declarationId: string): Promise<Assignment> {
    this.auth.require(actor, 'teams:manage');
    await this.get(actor, teamId);
    const trip = (await this.trips.list()).find((open) => open.declarationId === declarationId);
    if (trip === undefined) throw new ServiceError('CONFLICT', `declaration ${declarationId} has no trip under way`);
    const latest = await this.store.risk.assessments.latest(declarationId);
    if (latest === undefined) throw new ServiceError('CONFLICT', `declaration ${declarationId} has not been assessed`);
    const assignment: Assignment = {
      id: this.newId(),
      teamId,
      declarationId,
      tripId: trip.tripId,
      channel: latest.assessment.channel,
      score: latest.assessment.score,
      by: actor.username,
      at: this.clock.now().toISOString(),
    };
    if (!(await this.store.risk.teams.assign(assignment))) {
      throw new ServiceError('CONFLICT', `declaration ${declarationId} is assigned to a team already`);
    }
    await this.audit(actor, 'assign', 'team', teamId, { declarationId, tripId: trip.tripId });
    return assignment;
  }

  async assignments(actor: User, teamId: string): Promise<Assignment[]> {
    await this.get(actor, teamId);
    return this.store.risk.teams.assignments(teamId);
  }

  private withChange(team: RoadsideTeam, change: TeamChange, at: string): RoadsideTeam {
    const next = { ...team, ...(change.name === undefined ? {} : { name: change.name }) };
    if (change.position !== undefined) next.position = { ...change.position, at };
    if (change.shift === null) delete next.shift;
    else if (change.shift !== undefined) {
      if (!(Date.parse(change.shift.start) < Date.parse(change.shift.end))) {
        throw new ServiceError('VALIDATION', 'a shift ends after it starts', [
          { code: 'SHIFT_ORDER', path: 'shift.end', message: `the shift ends at ${change.shift.end}, not after its start ${change.shift.start}` },
        ]);
      }
      next.shift = change.shift;
    }
    return next;
  }
}
