/** Rule-set versions, and the one in force. */
import type { Kysely, Selectable } from 'kysely';
import type { NewRuleSet, RuleSetRepository, StoredRuleSet } from '../../../ports/risk-store.js';
import { decodeFlag, encodeFlag, encodeTime, optional } from '../codec.js';
import type { Database } from '../schema.js';
import type { RiskRuleSetsTable } from './risk-schema.js';

export class KyselyRuleSetRepository implements RuleSetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(ruleSet: NewRuleSet): Promise<boolean> {
    const inserted = await this.db
      .insertInto('risk_rule_sets')
      .values({
        rule_set_id: ruleSet.ruleSetId,
        version: ruleSet.version,
        text: ruleSet.text,
        uploaded_by: ruleSet.uploadedBy,
        uploaded_at: encodeTime(ruleSet.uploadedAt),
        active: encodeFlag(false),
        activated_by: null,
        activated_at: null,
      })
      .onConflict((conflict) => conflict.columns(['rule_set_id', 'version']).doNothing())
      .returning('version')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async get(ruleSetId: string, version: number): Promise<StoredRuleSet | undefined> {
    const row = await this.db
      .selectFrom('risk_rule_sets')
      .selectAll()
      .where('rule_set_id', '=', ruleSetId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && toRuleSet(row);
  }

  async list(): Promise<StoredRuleSet[]> {
    const rows = await this.db.selectFrom('risk_rule_sets').selectAll().orderBy('rule_set_id').orderBy('version', 'desc').execute();
    return rows.map(toRuleSet);
  }

  async active(): Promise<StoredRuleSet | undefined> {
    const row = await this.db.selectFrom('risk_rule_sets').selectAll().where('active', '=', encodeFlag(true)).executeTakeFirst();
    return row && toRuleSet(row);
  }

  async activate(ruleSetId: string, version: number, by: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // The write comes first (see declaration-repository.ts): it also takes the lock that orders two activations.
      const chosen = await trx
        .updateTable('risk_rule_sets')
        .set({ active: encodeFlag(true), activated_by: by, activated_at: encodeTime(at) })
        .where('rule_set_id', '=', ruleSetId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (chosen.numUpdatedRows !== 1n) return false;
      await trx
        .updateTable('risk_rule_sets')
        .set({ active: encodeFlag(false) })
        .where('active', '=', encodeFlag(true))
        .where((eb) => eb.or([eb('rule_set_id', '<>', ruleSetId), eb('version', '<>', version)]))
        .execute();
      return true;
    });
  }
}

function toRuleSet(row: Selectable<RiskRuleSetsTable>): StoredRuleSet {
  return {
    ruleSetId: row.rule_set_id,
    version: row.version,
    text: row.text,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    active: decodeFlag(row.active),
    ...optional('activatedBy', row.activated_by),
    ...optional('activatedAt', row.activated_at),
  };
}
