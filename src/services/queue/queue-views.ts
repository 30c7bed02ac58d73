/**
 * Reading the border queues: the order with each truck's place, estimate and explanation, any truck's detail and
 * history, why one truck is ahead of another, the board, a haulier's own trucks, and the public lookup by plate
 * and code. Reads refresh stale estimates first (a logged record, see live-queue.ts), so they run in the
 * crossing's turn like the commands.
 */
import { seesOnlyOwn } from '../../core/auth/permissions.js';
import type { User } from '../../core/model/index.js';
import {
  boardFigures,
  explainOrder,
  liveCounts,
  orderedEntries,
  publicLookup,
  type BoardFigures,
  type EntryStatus,
  type HistoryItem,
  type OrderExplanation,
  type QueueEvent,
  type StateCounts,
} from '../../core/queue/index.js';
import type { ApproachingTrucks } from '../../ports/approaching-trucks.js';
import type { Clock } from '../../ports/clock.js';
import type { Page, Store } from '../../ports/store.js';
import type { AuthService } from '../auth-service.js';
import { ServiceError } from '../service-error.js';
import type { LiveQueue } from './live-queue.js';
import type { QueueRegistry } from './queue-registry.js';
import { entryView, isoOrNull, type EntryView } from './views.js';

export interface RefreshPolicy {
  /** A changed queue's estimates are refreshed at most this often. */
  minGapMs: number;
  /** and at least this often. */
  maxAgeMs: number;
}

export const DEFAULT_REFRESH: RefreshPolicy = { minGapMs: 5_000, maxAgeMs: 60_000 };

export interface EntryDetail extends EntryView {
  /** Every step of the entry, newest first: who, when, what and why. */
  history: HistoryItem[];
}

export type BoardView = Omit<BoardFigures, 'at' | 'backlog'> & {
  at: string | null;
  backlog: Omit<BoardFigures['backlog'], 'clearanceAt'> & { clearanceAt: string | null };
  approaching: ApproachingView;
};

/** A crossing's queue at a glance. */
export interface QueueSummary {
  crossing: string;
  version: number;
  /** Trucks still to be served, by state. */
  total: StateCounts;
}

/** Sealed trucks on their way and not yet in the queue, by their trips' ETAs: the demand the next hours bring. */
export interface ApproachingView {
  total: number;
  /** How many are expected within 1, 3, 6 and 12 hours. */
  withinHours: Record<'1' | '3' | '6' | '12', number>;
  /** The first few, soonest first. */
  next: Array<{ declarationId: string; tripId: string; etaAt: string }>;
}

const APPROACHING_LISTED = 10;
const NONE_APPROACHING: ApproachingTrucks = { toCrossing: () => [] };

/** What the public sees: position, estimate and status, nothing else. */
export type PublicView = { found: true; status: string; position: number | null; estimatedCallAt: string | null } | { found: false };

export interface OwnTruck {
  id: string;
  crossing: string;
  declarationId: string;
  truck: { plate: string; country: string };
  status: EntryStatus;
  bookingCode: string | null;
  lookupCode: string | null;
  slotStart: string | null;
  slotEnd: string | null;
  position: number | null;
  estimatedCallAt: string | null;
  calledAt: string | null;
}

export class QueueViews {
  constructor(
    private readonly store: Store,
    private readonly registry: QueueRegistry,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly refresh: RefreshPolicy = DEFAULT_REFRESH,
    private readonly approaching: ApproachingTrucks = NONE_APPROACHING,
  ) {}

  /** Entries of one status, a page; `waiting` comes in the order, first to be called first, the others newest first. */
  async list(actor: User, crossing: string, query: { status: EntryStatus; offset: number; limit: number }): Promise<Page<EntryView> & { version: number }> {
    this.auth.require(actor, 'queue:read');
    return this.read(crossing, (queue) => {
      const state = queue.state;
      if (query.status === 'waiting') {
        const items = orderedEntries(state, query.offset, query.limit).map((entry) => entryView(state, entry));
        let total = 0;
        for (const list of state.order) total += list.size;
        return { version: state.version, total, items };
      }
      const matching = [...state.entries.values()].filter((entry) => entry.status === query.status).reverse();
      return { version: state.version, total: matching.length, items: matching.slice(query.offset, query.offset + query.limit).map((entry) => entryView(state, entry)) };
    });
  }

  async entry(actor: User, crossing: string, entryId: string): Promise<EntryDetail> {
    this.auth.require(actor, 'queue:read');
    return this.read(crossing, (queue) => {
      const entry = queue.state.entries.get(entryId);
      if (entry === undefined) throw new ServiceError('NOT_FOUND', `no entry ${entryId} in the queue of ${crossing}`);
      return { ...entryView(queue.state, entry), history: [...entry.history].reverse() };
    });
  }

  /** Why one truck stands ahead of the other. */
  async compare(actor: User, crossing: string, a: string, b: string): Promise<OrderExplanation> {
    this.auth.require(actor, 'queue:read');
    return this.read(crossing, (queue) => explainOrder(queue.state, a, b, this.now()));
  }

  /** The audited queue decisions of the crossing, newest first, with who, when and why. */
  async events(actor: User, crossing: string, query: { entryId?: string; offset: number; limit: number }): Promise<QueueEvent[]> {
    this.auth.require(actor, 'queue:read');
    return this.store.queues.events({ crossing, ...query });
  }

  /** Every crossing that has a queue, with how many trucks it holds in each live state: the map's and lists' look. */
  async queues(actor: User): Promise<QueueSummary[]> {
    this.auth.require(actor, 'queue:read');
    const summaries: QueueSummary[] = [];
    for (const { crossing } of await this.store.queues.list()) {
      summaries.push(await this.read(crossing, (queue) => ({ crossing, version: queue.state.version, total: liveCounts(queue.state) })));
    }
    return summaries;
  }

  async board(actor: User, crossing: string): Promise<BoardView> {
    this.auth.require(actor, 'queue:read');
    return this.read(crossing, (queue) => {
      const now = Math.max(this.now(), queue.state.now);
      const figures = boardFigures(queue.state, now);
      return {
        ...figures,
        at: isoOrNull(figures.at),
        backlog: { ...figures.backlog, clearanceAt: isoOrNull(figures.backlog.clearanceAt) },
        approaching: this.approachingView(crossing, now, (declarationId) => queue.state.byDeclaration.has(declarationId)),
      };
    });
  }

  private approachingView(crossing: string, now: number, queued: (declarationId: string) => boolean): ApproachingView {
    const trucks = this.approaching.toCrossing(crossing).filter((truck) => !queued(truck.declarationId));
    const within = (hours: number) => trucks.filter((truck) => truck.etaAt - now <= hours * 3_600_000).length;
    return {
      total: trucks.length,
      withinHours: { '1': within(1), '3': within(3), '6': within(6), '12': within(12) },
      next: trucks.slice(0, APPROACHING_LISTED).map(({ declarationId, tripId, etaAt }) => ({ declarationId, tripId, etaAt: new Date(etaAt).toISOString() })),
    };
  }

  /** A haulier's own trucks in every queue (staff see every truck), newest first, with their live place. */
  async ownTrucks(actor: User, query: { offset: number; limit: number }): Promise<Page<OwnTruck>> {
    this.auth.require(actor, 'queue:book');
    const rows = await this.store.queues.entries({ ...(seesOnlyOwn(actor.role) ? { owner: actor.username } : {}), ...query });
    const items: OwnTruck[] = [];
    for (const row of rows.items) {
      const live = await this.read(row.crossing, (queue) => {
        const entry = queue.state.entries.get(row.id);
        return entry === undefined ? undefined : entryView(queue.state, entry);
      });
      items.push({
        id: row.id,
        crossing: row.crossing,
        declarationId: row.declarationId,
        truck: { plate: row.plate, country: row.country },
        status: live?.status ?? row.status,
        bookingCode: row.bookingCode,
        lookupCode: row.lookupCode,
        slotStart: isoOrNull(row.slotStart),
        slotEnd: isoOrNull(row.slotEnd),
        position: live?.position ?? null,
        estimatedCallAt: live?.estimatedCallAt ?? null,
        calledAt: live?.calledAt ?? isoOrNull(row.calledAt),
      });
    }
    return { items, total: rows.total };
  }

  /**
   * The public lookup by plate and code, in every queue. A wrong code and an unknown plate give the same
   * answer (core/queue/public-lookup.ts). The estimate is the last refresh's; the lookup itself writes nothing.
   */
  async lookup(plate: string, code: string): Promise<PublicView> {
    const crossings = (await this.store.queues.list()).map((queue) => queue.crossing);
    for (const crossing of crossings) {
      const found = await this.registry.withQueue(crossing, (queue) => publicLookup(queue.state, plate, code));
      if (found.found) return { found: true, status: found.status, position: found.position, estimatedCallAt: isoOrNull(found.estimatedCallAt) };
    }
    return { found: false };
  }

  private read<T>(crossing: string, task: (queue: LiveQueue) => T): Promise<T> {
    return this.registry.withQueue(crossing, async (queue) => {
      await queue.refreshIfStale(this.now(), this.refresh.minGapMs, this.refresh.maxAgeMs);
      return task(queue);
    });
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
