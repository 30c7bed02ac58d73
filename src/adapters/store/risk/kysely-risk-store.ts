/** The risk repositories on one Kysely database. */
import type { Kysely } from 'kysely';
import type { RiskStore } from '../../../ports/risk-store.js';
import type { Database } from '../schema.js';
import { KyselyAssessmentRepository } from './assessment-repository.js';
import { KyselyInstallationKeyRepository } from './installation-key-repository.js';
import { KyselyInspectionRepository } from './inspection-repository.js';
import { KyselyPartyHistoryReader } from './party-history-reader.js';
import { KyselyRuleSetRepository } from './rule-set-repository.js';
import { KyselyTeamRepository } from './team-repository.js';

export function kyselyRiskStore(db: Kysely<Database>, maxParameters: number): RiskStore {
  return {
    ruleSets: new KyselyRuleSetRepository(db),
    assessments: new KyselyAssessmentRepository(db, maxParameters),
    inspections: new KyselyInspectionRepository(db),
    teams: new KyselyTeamRepository(db, maxParameters),
    parties: new KyselyPartyHistoryReader(db),
    installationKey: new KyselyInstallationKeyRepository(db),
  };
}
