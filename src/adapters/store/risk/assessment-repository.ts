/** Assessments: a declaration keeps every one, each whole (as JSON) beside the figures reports count by. */
import type { Kysely, Selectable } from 'kysely';
import type { Assessment, RiskContext } from '../../../core/risk/index.js';
import type { Channel } from '../../../core/model/channel.js';
import type { AssessmentRepository, AssessmentTrigger, LatestChannel, StoredAssessment } from '../../../ports/risk-store.js';
import type { HandledMark } from '../../../ports/tracking-news.js';
import { decodeJson, encodeFlag, encodeJson, encodeTime } from '../codec.js';
import type { Database } from '../schema.js';
import { chunkIds } from '../declaration-repository.js';
import { insertHandledMark } from '../news-repositories.js';
import type { RiskAssessmentsTable } from './risk-schema.js';

export class KyselyAssessmentRepository implements AssessmentRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxParameters: number,
  ) {}

  async insert(stored: StoredAssessment, handled?: HandledMark): Promise<void> {
    const { assessment } = stored;
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('risk_assessments')
        .values({
          id: stored.id,
          declaration_id: stored.declarationId,
          trigger: stored.trigger,
          assessed_by: stored.by,
          at: encodeTime(stored.at),
          rule_set_id: assessment.ruleSet.id,
          rule_set_version: assessment.ruleSet.version,
          score: assessment.score,
          targeted_channel: assessment.targetedChannel,
          channel: assessment.channel,
          randomly_selected: encodeFlag(assessment.randomlySelected),
          draw: assessment.random.draw,
          key_id: assessment.random.keyId,
          assessment: encodeJson(assessment),
          context: encodeJson(stored.context),
        })
        .execute();
      if (handled !== undefined) await insertHandledMark(trx, handled);
    });
  }

  async history(declarationId: string): Promise<StoredAssessment[]> {
    const rows = await this.db
      .selectFrom('risk_assessments')
      .selectAll()
      .where('declaration_id', '=', declarationId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toStoredAssessment);
  }

  async latest(declarationId: string): Promise<StoredAssessment | undefined> {
    const row = await this.db
      .selectFrom('risk_assessments')
      .selectAll()
      .where('declaration_id', '=', declarationId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && toStoredAssessment(row);
  }

  async latestOf(declarationIds: readonly string[]): Promise<Map<string, StoredAssessment>> {
    const ids = [...(await this.latestRows(declarationIds)).values()].map((row) => row.id);
    const latest = new Map<string, StoredAssessment>();
    for (const chunk of chunkIds(ids, this.maxParameters)) {
      const rows = await this.db.selectFrom('risk_assessments').selectAll().where('id', 'in', chunk).execute();
      for (const row of rows) latest.set(row.declaration_id, toStoredAssessment(row));
    }
    return latest;
  }

  async latestChannelsOf(declarationIds: readonly string[]): Promise<Map<string, LatestChannel>> {
    const latest = new Map<string, LatestChannel>();
    for (const [declarationId, row] of await this.latestRows(declarationIds)) {
      latest.set(declarationId, { channel: row.channel as Channel, trigger: row.trigger as AssessmentTrigger, at: row.at });
    }
    return latest;
  }

  /** The latest assessment's narrow columns per declaration, read from the index's order without the JSON. */
  private async latestRows(declarationIds: readonly string[]) {
    const latest = new Map<string, { id: string; channel: string; trigger: string; at: string }>();
    for (const chunk of chunkIds([...new Set(declarationIds)], this.maxParameters)) {
      const rows = await this.db
        .selectFrom('risk_assessments')
        .select(['id', 'declaration_id', 'channel', 'trigger', 'at'])
        .where('declaration_id', 'in', chunk)
        .orderBy('at')
        .orderBy('id')
        .execute();
      // Oldest first, so the last written for a declaration is its latest.
      for (const row of rows) latest.set(row.declaration_id, row);
    }
    return latest;
  }

  async all(): Promise<StoredAssessment[]> {
    const rows = await this.db.selectFrom('risk_assessments').selectAll().orderBy('at').orderBy('id').execute();
    return rows.map(toStoredAssessment);
  }
}

function toStoredAssessment(row: Selectable<RiskAssessmentsTable>): StoredAssessment {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    trigger: row.trigger as AssessmentTrigger,
    by: row.assessed_by,
    at: row.at,
    assessment: decodeJson<Assessment>(row.assessment),
    context: decodeJson<RiskContext>(row.context),
  };
}
