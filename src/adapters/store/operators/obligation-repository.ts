/** Tracking-obligation decisions, one per declaration, the latest kept. */
import type { Kysely } from 'kysely';
import type { ObligationDecision } from '../../../core/obligation/index.js';
import type { ObligationRepository, StoredObligation } from '../../../ports/exchange-store.js';
import { decodeJson, encodeFlag, encodeJson, encodeTime } from '../codec.js';
import type { Database } from '../schema.js';

export class KyselyObligationRepository implements ObligationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async save({ declarationId, decision, decidedAt }: StoredObligation): Promise<void> {
    const row = {
      required: encodeFlag(decision.required),
      rules_id: decision.rules.id,
      rules_version: decision.rules.version,
      decision: encodeJson(decision),
      decided_at: encodeTime(decidedAt),
    };
    await this.db
      .insertInto('tracking_obligations')
      .values({ declaration_id: declarationId, ...row })
      .onConflict((conflict) => conflict.column('declaration_id').doUpdateSet(row))
      .execute();
  }

  async get(declarationId: string): Promise<StoredObligation | undefined> {
    const row = await this.db.selectFrom('tracking_obligations').selectAll().where('declaration_id', '=', declarationId).executeTakeFirst();
    return row === undefined ? undefined : { declarationId, decision: decodeJson<ObligationDecision>(row.decision), decidedAt: row.decided_at };
  }
}
