/** The append-only audit trail: this adapter only ever inserts into it and reads it. */
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../core/model/index.js';
import type { AuditLog } from '../../ports/store.js';
import { decodeOptionalJson, encodeOptionalJson, encodeTime } from './codec.js';
import { pageBounds } from './paging.js';
import type { Database } from './schema.js';

export class KyselyAuditLog implements AuditLog {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        at: encodeTime(entry.at),
        actor: entry.actor,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        detail: encodeOptionalJson(entry.detail),
      })
      .execute();
  }

  async list(filter: { entity?: string; entityId?: string; limit: number; offset: number }): Promise<AuditEntry[]> {
    const { limit, offset } = pageBounds(filter.limit, filter.offset);
    let query = this.db.selectFrom('audit_log').selectAll();
    if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
    if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
    // The id, not the time, orders the log: it is the order of appending, whatever clocks the writers had.
    const rows = await query.orderBy('id', 'desc').limit(limit).offset(offset).execute();
    return rows.map((row) => {
      const detail = decodeOptionalJson<unknown>(row.detail);
      return {
        at: row.at,
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        ...(detail === undefined ? {} : { detail }),
      };
    });
  }
}
