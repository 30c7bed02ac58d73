/**
 * Inspections, roadside or at a crossing, and what they found. Each is recorded as targeted or random from the
 * declaration's assessment, so the two hit rates stay apart; its results enter the parties' histories, which the
 * next assessments of their other declarations read.
 */
import type { Issue, User } from '../../core/model/index.js';
import { INSPECTION_RESULTS, type InspectionResult } from '../../core/risk/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Inspection, InspectionFilter, InspectionPlace, ListedInspection } from '../../ports/risk-store.js';
import type { Page, Store } from '../../ports/store.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { newRecordId } from '../ids.js';
import { ServiceError } from '../service-error.js';

export interface InspectionInput {
  declarationId: string;
  place: InspectionPlace;
  results: InspectionResult[];
  notes?: string;
}

export class InspectionService {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly audit: Audit,
    private readonly newId: () => string = newRecordId,
  ) {}

  async record(actor: User, input: InspectionInput): Promise<Inspection> {
    this.auth.require(actor, 'inspections:write');
    const issues = resultIssues(input.results);
    if (input.place.kind === 'roadside' && (await this.store.risk.teams.get(input.place.teamId)) === undefined) {
      issues.push({ code: 'TEAM_UNKNOWN', path: 'place.teamId', message: `no roadside team ${input.place.teamId}` });
    }
    if (input.place.kind === 'crossing' && (await this.store.reference.getCrossing(input.place.crossing)) === undefined) {
      issues.push({ code: 'CROSSING_UNKNOWN', path: 'place.crossing', message: `no border crossing ${input.place.crossing}` });
    }
    if (issues.length > 0) throw new ServiceError('VALIDATION', 'the inspection cannot be recorded as given', issues);
    if ((await this.store.declarations.get(input.declarationId)) === undefined) {
      throw new ServiceError('NOT_FOUND', `no declaration ${input.declarationId}`);
    }
    const latest = await this.store.risk.assessments.latest(input.declarationId);
    const inspection: Inspection = {
      id: this.newId(),
      declarationId: input.declarationId,
      place: input.place,
      selection: latest?.assessment.randomlySelected === true ? 'random' : 'targeted',
      results: input.results,
      ...(input.notes === undefined ? {} : { notes: input.notes }),
      by: actor.username,
      at: this.clock.now().toISOString(),
    };
    await this.store.risk.inspections.insert(inspection);
    await this.audit(actor, 'inspect', 'declaration', input.declarationId, { inspection: inspection.id, results: inspection.results, place: inspection.place });
    return inspection;
  }

  async list(actor: User, filter: InspectionFilter): Promise<Page<ListedInspection>> {
    this.auth.require(actor, 'risk:read');
    return this.store.risk.inspections.list(filter);
  }
}

/** `compliant` alone, or findings without repeats. */
function resultIssues(results: readonly InspectionResult[]): Issue[] {
  if (results.length === 0) return [{ code: 'RESULTS_EMPTY', path: 'results', message: `record what was found: ${INSPECTION_RESULTS.join(', ')}` }];
  if (new Set(results).size !== results.length) return [{ code: 'RESULTS_REPEATED', path: 'results', message: 'each result is recorded once' }];
  if (results.includes('compliant') && results.length > 1) {
    return [{ code: 'RESULTS_CONTRADICT', path: 'results', message: 'compliant means nothing was found: record it alone' }];
  }
  return [];
}
