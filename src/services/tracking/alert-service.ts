/**
 * Alerts as the monitoring centre works them: listed and filtered, acknowledged, assigned to someone, resolved with
 * a note. Each action applies only from the statuses it may follow (two operators cannot both resolve one alert),
 * is kept in the alert's history and audited, and is told to the tracker's listeners: the live stream in one process;
 * across processes (`outbox`), the news relay, which publishes the change that the action stored in the outbox with
 * it. A resolved alert takes no more repeats: the next event of its kind opens a new one.
 */
import type { User } from '../../core/model/index.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, Store } from '../../ports/store.js';
import type { DurableNews } from '../../ports/tracking-news.js';
import { UNRESOLVED, type Alert, type AlertAction, type AlertActionKind, type AlertFilter, type AlertStatus } from '../../ports/tracking-store.js';
import type { Audit } from '../audit.js';
import type { AuthService } from '../auth-service.js';
import { ServiceError } from '../service-error.js';
import type { TrackingListener } from './listeners.js';
import type { Tracker } from './tracker.js';
import type { TrackingFeed } from './tracking-feed.js';
import { alertChangedNews } from './tracking-news.js';

export interface AlertDetail {
  alert: Alert;
  actions: AlertAction[];
}

/** Where each action may start from, and the status it leaves. */
const ACTIONS: Record<AlertActionKind, { from: readonly AlertStatus[]; to: AlertStatus }> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  assign: { from: UNRESOLVED, to: 'assigned' },
  resolve: { from: UNRESOLVED, to: 'resolved' },
};

export class AlertService {
  constructor(
    private readonly store: Store,
    private readonly auth: AuthService,
    private readonly tracker: Tracker,
    private readonly feed: TrackingFeed,
    private readonly clock: Clock,
    private readonly audit: Audit,
    /** Whether each change goes into the store's outbox with the action, for the bus (scale-out). */
    private readonly outbox: boolean,
  ) {}

  async list(actor: User, filter: AlertFilter): Promise<Page<Alert>> {
    this.auth.require(actor, 'alerts:read');
    return this.store.alerts.list(filter);
  }

  /** Follows alerts, positions and ETAs live, for the monitoring centre's console; returns how to stop. */
  watch(actor: User, listener: TrackingListener): () => void {
    this.auth.require(actor, 'alerts:read');
    return this.feed.subscribe(listener);
  }

  async get(actor: User, id: string): Promise<AlertDetail> {
    this.auth.require(actor, 'alerts:read');
    const alert = await this.store.alerts.get(id);
    if (!alert) throw new ServiceError('NOT_FOUND', `no alert ${id}`);
    return { alert, actions: await this.store.alerts.actions(id) };
  }

  acknowledge(actor: User, id: string, note?: string): Promise<AlertDetail> {
    return this.act(actor, id, 'acknowledge', { note: note ?? null });
  }

  async assign(actor: User, id: string, assignee: string, note?: string): Promise<AlertDetail> {
    this.auth.require(actor, 'alerts:act');
    if (!(await this.store.users.get(assignee))) {
      throw new ServiceError('VALIDATION', `no user ${assignee}`, [{ code: 'USER_UNKNOWN', path: 'assignee', message: `no user ${assignee}` }]);
    }
    return this.act(actor, id, 'assign', { assignee, note: note ?? null });
  }

  resolve(actor: User, id: string, note: string): Promise<AlertDetail> {
    if (note.trim().length === 0) {
      throw new ServiceError('VALIDATION', 'a resolution needs a note', [{ code: 'NOTE_EMPTY', path: 'note', message: 'say how the alert was resolved' }]);
    }
    return this.act(actor, id, 'resolve', { note });
  }

  private async act(actor: User, id: string, kind: AlertActionKind, what: { assignee?: string; note: string | null }): Promise<AlertDetail> {
    this.auth.require(actor, 'alerts:act');
    const { from, to } = ACTIONS[kind];
    const alert = await this.tracker.alertWork(async (book) => {
      const current = await this.store.alerts.get(id);
      if (!current) throw new ServiceError('NOT_FOUND', `no alert ${id}`);
      const action: AlertAction = {
        alertId: id,
        action: kind,
        actor: actor.username,
        at: this.clock.now().toISOString(),
        status: to,
        assignee: what.assignee ?? current.assignee,
        note: what.note,
      };
      const changed = await this.store.alerts.act(action, from, await this.newsOf(current));
      if (changed === undefined) {
        throw new ServiceError('INVALID_TRANSITION', `alert ${id} is ${current.status}; ${kind} applies to ${from.join(' or ')} alerts only`);
      }
      if (to === 'resolved') book.resolved(current);
      return changed;
    });
    await this.audit(actor, kind, 'alert', id, { status: to, ...(what.assignee ? { assignee: what.assignee } : {}), ...(what.note ? { note: what.note } : {}) });
    this.tracker.announceAlertChanged(alert);
    return { alert, actions: await this.store.alerts.actions(id) };
  }

  /** How a change of the alert is told on the bus, when changes go through the outbox. */
  private async newsOf(alert: Alert): Promise<((changed: Alert) => DurableNews) | undefined> {
    if (!this.outbox) return undefined;
    const trip = await this.store.trips.get(alert.tripId);
    if (trip === undefined) throw new Error(`alert ${alert.id} names trip ${alert.tripId}, which is not stored`);
    return (changed) => alertChangedNews(changed, trip.declarationId);
  }
}
