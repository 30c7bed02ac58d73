/** Alerts and the operators' actions on them, on either dialect. */
import type { Kysely } from 'kysely';
import type { Page } from '../../ports/store.js';
import type { DurableNews } from '../../ports/tracking-news.js';
import type { Alert, AlertAction, AlertFilter, AlertRepository, AlertStatus } from '../../ports/tracking-store.js';
import { UNRESOLVED } from '../../ports/tracking-store.js';
import { decodeCount, encodeJson, encodeTime } from './codec.js';
import { pageBounds } from './paging.js';
import type { Database } from './schema.js';
import { toAlert, toAlertAction } from './tracking-rows.js';

export class KyselyAlertRepository implements AlertRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string): Promise<Alert | undefined> {
    const row = await this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAlert(row);
  }

  async list(filter: AlertFilter): Promise<Page<Alert>> {
    const { limit, offset } = pageBounds(filter.limit, filter.offset);
    let query = this.db.selectFrom('alerts');
    if (filter.tripId !== undefined) query = query.where('trip_id', '=', filter.tripId);
    if (filter.status !== undefined) query = query.where('status', 'in', filter.status.length > 0 ? [...filter.status] : ['']);
    if (filter.severity !== undefined) query = query.where('severity', '=', filter.severity);
    if (filter.type !== undefined) query = query.where('type', '=', filter.type);
    if (filter.assignee !== undefined) query = query.where('assignee', '=', filter.assignee);
    const [rows, count] = await Promise.all([
      // Ids are time-ordered (UUIDv7): newest first by id.
      query.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst(),
    ]);
    return { items: rows.map(toAlert), total: decodeCount(count?.total as number | undefined) };
  }

  async unresolvedOfOpenTrips(): Promise<Alert[]> {
    const rows = await this.db
      .selectFrom('alerts')
      .innerJoin('trips', 'trips.id', 'alerts.trip_id')
      .selectAll('alerts')
      .where('trips.status', '=', 'open')
      .where('alerts.status', 'in', [...UNRESOLVED])
      .orderBy('alerts.id')
      .execute();
    return rows.map(toAlert);
  }

  async act(action: AlertAction, from: readonly AlertStatus[], news?: (changed: Alert) => DurableNews): Promise<Alert | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const at = encodeTime(action.at);
      const updated = await trx
        .updateTable('alerts')
        .set({
          status: action.status,
          updated_at: at,
          ...(action.action === 'assign' ? { assignee: action.assignee } : {}),
          ...(action.action === 'resolve' ? { resolution_note: action.note } : {}),
        })
        .where('id', '=', action.alertId)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return undefined;
      await trx
        .insertInto('alert_actions')
        .values({ alert_id: action.alertId, action: action.action, actor: action.actor, at, status: action.status, assignee: action.assignee, note: action.note })
        .execute();
      const changed = toAlert(await trx.selectFrom('alerts').selectAll().where('id', '=', action.alertId).executeTakeFirstOrThrow());
      if (news !== undefined) await trx.insertInto('news_outbox').values({ news: encodeJson(news(changed)) }).execute();
      return changed;
    });
  }

  async actions(alertId: string): Promise<AlertAction[]> {
    const rows = await this.db.selectFrom('alert_actions').selectAll().where('alert_id', '=', alertId).orderBy('seq').execute();
    return rows.map(toAlertAction);
  }
}
