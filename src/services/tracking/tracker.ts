/**
 * The tracker: keeps every open trip's prepared plan and engine state in memory, feeds it the positions of its seals
 * once they are durable (the ingest's observer) and timer ticks (signal loss is found by the clock, not only when
 * data comes), and saves each batch's states with the events and alerts they produced in one transaction.
 *
 * One piece of work at a time (a batch, a tick, arming, closing, an operator resolving an alert), in the order they
 * came: a trip's state is never stepped by two at once, and an alert is never folded into while it is resolved.
 *
 * Restarts. The saved state of a trip comes with a cursor for each of its seals: the last position of that seal it
 * took. On start the tracker loads the open trips, their states and their unresolved alerts, then feeds each trip
 * the positions of each seal stored after that seal's cursor: those a crash left between the positions' commit and
 * the state's. Events are stored by the engine's own ids, so nothing is missed and nothing is raised twice. A failed
 * save leaves memory ahead of the store; the next piece of work reloads and catches up the same way first.
 *
 * Which positions a trip takes: those of its seals received from the moment it was armed, each after its seal's
 * cursor, less a device's resends of positions stored already; each batch in receive order (see receive-order.ts).
 * Replay takes the same ones from the store.
 *
 * Trips armed or disarmed by another process on the same store (the command line) are found at the next tick.
 *
 * Scale-out. A tracker process follows only the trips it is told to (`followOnly`): those whose shard of the bus (its
 * first seal's) it holds. Changing that reloads, as after a restart, so a shard taken over from a stopped process is
 * caught up from the store from each trip's saved cursors. A trip's other seals may fall on shards another tracker
 * holds, which stores their positions: those seals' positions are read from the store, after each seal's cursor,
 * every `storedElsewhereReadMs` and at each tick. So each is taken once, a little after the trip's own seals' newer
 * positions perhaps, and then judged late by the engine (core/tracking/pipeline.ts): a breach it shows is still
 * raised, flagged late. Its saves are fenced by the leases of its shards (a tracker that was paused while another
 * took them over is refused), and with `outbox` each save writes its news into the store's outbox in the same
 * transaction, for the bus (services/tracking/news-relay.ts).
 */
import type { CountryIndex } from '../../core/geo/index.js';
import type { Position } from '../../core/model/index.js';
import {
  advance,
  copyTripState,
  estimatedArrival,
  prepareTrip,
  step,
  type TrackingEvent,
  type Trip,
  type TripState,
} from '../../core/tracking/index.js';
import type { Clock } from '../../ports/clock.js';
import type { LeaseFence } from '../../ports/shard-leases.js';
import type { Store } from '../../ports/store.js';
import { UNRESOLVED, type OpenTripResult, type SealCursors, type StoredTrip, type TripProgress } from '../../ports/tracking-store.js';
import { newRecordId } from '../ids.js';
import { AlertBook, type AlertChanges } from './alert-book.js';
import type { DurableNews, TripEta } from '../../ports/tracking-news.js';
import type { TrackingListener } from './listeners.js';
import { comesBehind, movedOn, notYetTaken, receiveOrder } from './receive-order.js';
import { RouteCache } from './route-cache.js';
import { TrackingFeed } from './tracking-feed.js';
import { alertChangedNews, alertRaisedNews, etaNews, eventNews } from './tracking-news.js';

export interface TrackerOptions {
  /** Country polygons for border events; none, no border events. */
  countries?: CountryIndex | null;
  /** Wall milliseconds between timer ticks; 60 000 unless told, 0 for none (the caller ticks). */
  tickIntervalMs?: number;
  newId?: () => string;
  /** Told of a failed batch or tick and of a listener that threw; the tracker carries on. */
  onError?: (error: unknown) => void;
  /** Writes each save's news into the store's outbox with it, for the bus (scale-out). */
  outbox?: boolean;
  /**
   * Wall milliseconds between reads of the store for the positions of seals this process is not given (their shard
   * is another tracker's); 1 000 unless told, 0 for none (they are read at each tick only).
   */
  storedElsewhereReadMs?: number;
}

const NONE: ReadonlySet<Position> = new Set();

/** More unresolved alerts than this on one trip cannot be: one per fold key (event type and seal). */
const MAX_UNRESOLVED_PER_TRIP = 500;

/** An ETA that moved by less than this is not announced: every fix nudges it, and the queue plans in minutes. */
const ETA_ANNOUNCE_MS = 60_000;

interface LiveTrip {
  stored: StoredTrip;
  trip: Trip;
  state: TripState;
  cursors: SealCursors;
  tickedAt: number | null;
}

interface Stepped {
  live: LiveTrip;
  state: TripState;
  cursors: SealCursors;
  /** Whether the positions were taken behind newer ones of the trip's other seals (see receive-order.ts). */
  behind: boolean;
  tickedAt: number | null;
  positions: readonly Position[];
}

export class Tracker {
  private readonly live = new Map<string, LiveTrip>();
  private readonly bySeal = new Map<string, LiveTrip>();
  /** The seals of the trips followed whose positions this process is not given: read from the store instead. */
  private readonly storedElsewhere = new Set<string>();
  private readonly book: AlertBook;
  private readonly routes = new RouteCache();
  private readonly listeners: TrackingFeed;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private readTimer: NodeJS.Timeout | undefined;
  /** Memory may not match the store: before start, and after a failed save. */
  private stale = false;
  private stopped = false;
  /** Which open trips this tracker follows: every one unless told (`followOnly`). */
  private follows: (trip: StoredTrip) => boolean = () => true;
  /** Which seals' positions this process is given as they are stored (`take`): every one unless told. */
  private given: (sealId: string) => boolean = () => true;
  /** Open trips seen and not followed (another tracker's), so each tick does not load them again. */
  private readonly others = new Set<string>();
  /** The leases the trips followed depend on; every save is refused unless they are still held. */
  private fence: LeaseFence | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: TrackerOptions = {},
  ) {
    this.book = new AlertBook(options.newId ?? newRecordId);
    this.listeners = new TrackingFeed(options.onError);
  }

  /**
   * From now on follows only the open trips `follows` accepts, saving under `fence`: drops the others and takes on the
   * new ones, catching them up from the store. The positions of the seals `given` accepts come to `take`; those of
   * the others are read from the store. Resolves once done, after the work queued before it.
   */
  followOnly(follows: (trip: StoredTrip) => boolean, fence?: LeaseFence, given: (sealId: string) => boolean = () => true): Promise<void> {
    this.follows = follows;
    this.fence = fence;
    this.given = given;
    // Stale until the reload is done: one that fails is tried again before the next piece of work.
    this.stale = true;
    return this.exclusive(async () => undefined);
  }

  /** Loads the open trips and catches up on what was stored meanwhile; then ticks on its timer. */
  async start(): Promise<void> {
    this.stopped = false;
    this.stale = true;
    await this.exclusive(async () => undefined);
    const every = this.options.tickIntervalMs ?? 60_000;
    if (every > 0) {
      this.timer = setInterval(() => void this.tick().catch((error: unknown) => this.options.onError?.(error)), every);
      this.timer.unref();
    }
    const read = this.options.storedElsewhereReadMs ?? 1_000;
    if (read > 0) {
      this.readTimer = setInterval(() => void this.readStoredElsewhere().catch((error: unknown) => this.options.onError?.(error)), read);
      this.readTimer.unref();
    }
  }

  /** Stops the timer and takes no more positions; resolves once the work under way is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearInterval(this.readTimer);
    this.timer = undefined;
    this.readTimer = undefined;
    await this.idle();
  }

  /** Resolves once everything queued so far is done. */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** The ingest's durable observer: positions just committed. */
  readonly durable = (positions: readonly Position[]): void => {
    void this.take(positions).catch((error: unknown) => this.options.onError?.(error));
  };

  /** Feeds positions just made durable to their trips; resolves once the trips' states are saved. */
  take(positions: readonly Position[]): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return this.exclusive(() => this.feed(positions));
  }

  /**
   * A timer tick at `at` (now unless told) for every open trip, after taking in trips opened or closed elsewhere and
   * the positions of their seals stored elsewhere.
   */
  tick(at: number = this.clock.now().getTime()): Promise<void> {
    return this.exclusive(async () => {
      this.routes.sweep();
      await this.discover();
      await this.takeStoredElsewhere();
      await this.tickAll(at);
    });
  }

  /** Takes the positions stored since the last read of the seals whose positions this process is not given. */
  readStoredElsewhere(): Promise<void> {
    if (this.stopped || this.storedElsewhere.size === 0) return Promise.resolve();
    return this.exclusive(() => this.takeStoredElsewhere());
  }

  subscribe(listener: TrackingListener): () => void {
    return this.listeners.subscribe(listener);
  }

  /** Prepares a valid plan for the engine, on the route prepared already for other trips on it. */
  prepare(plan: StoredTrip['plan']): Trip {
    return prepareTrip(plan, { countries: this.options.countries ?? null, prepared: this.routes.get(plan) });
  }

  /** Stores a new open trip and starts following it; refused when a seal is on another open trip. */
  open(stored: StoredTrip, trip: Trip, state: TripState): Promise<OpenTripResult> {
    return this.exclusive(async () => {
      const progress: TripProgress = { tripId: stored.id, state, cursors: {}, tickedAt: null };
      const result = await this.store.trips.open(stored, progress);
      if (result.opened) this.follow(stored, trip, progress);
      return result;
    });
  }

  /** Closes an open trip and stops following it; false when it was not open. */
  close(tripId: string, at: string, by: string): Promise<boolean> {
    return this.exclusive(async () => {
      const closed = await this.store.trips.close(tripId, at, by);
      this.unfollow(tripId);
      return closed;
    });
  }

  /** Runs an operator's change to an alert between batches, and forgets the alert once resolved. */
  alertWork<T>(work: (book: Pick<AlertBook, 'resolved'>) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.book));
  }

  /** Tells the listeners of an alert an operator changed. */
  announceAlertChanged(alert: Parameters<NonNullable<TrackingListener['alertChanged']>>[0]): void {
    this.listeners.announce((l) => l.alertChanged?.(alert));
  }

  /** The prepared plan of an open trip followed. */
  tripOf(tripId: string): Trip | undefined {
    return this.live.get(tripId)?.trip;
  }

  /** Every open trip followed, with its state now: what risk's roadside proposals read. */
  followed(): Array<{ stored: StoredTrip; trip: Trip; state: TripState; eta: TripEta }> {
    return [...this.live.values()].map((live) => ({ stored: live.stored, trip: live.trip, state: live.state, eta: this.etaOf(live) }));
  }

  /** The declaration an open trip followed belongs to. */
  declarationOf(tripId: string): string | undefined {
    return this.live.get(tripId)?.stored.declarationId;
  }

  /** How many trips are followed. */
  get openTrips(): number {
    return this.live.size;
  }

  /** How many distinct prepared routes the followed trips share. */
  get preparedRoutes(): number {
    return this.routes.size;
  }

  /** Runs `work` after everything queued before it, reloading first if a failed save left memory ahead of the store. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.stale) await this.reload();
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private follow(stored: StoredTrip, trip: Trip, progress: TripProgress): void {
    const live: LiveTrip = { stored, trip, state: progress.state, cursors: progress.cursors, tickedAt: progress.tickedAt };
    this.live.set(stored.id, live);
    for (const seal of stored.sealIds) {
      this.bySeal.set(seal, live);
      if (!this.given(seal)) this.storedElsewhere.add(seal);
    }
    this.routes.retain(stored.plan, trip);
  }

  private unfollow(tripId: string): void {
    const live = this.live.get(tripId);
    if (live === undefined) return;
    this.live.delete(tripId);
    for (const seal of live.stored.sealIds) {
      if (this.bySeal.get(seal) !== live) continue;
      this.bySeal.delete(seal);
      this.storedElsewhere.delete(seal);
    }
    this.book.forgetTrip(tripId);
    this.routes.release(live.stored.plan, live.trip);
  }

  private async reload(): Promise<void> {
    this.live.clear();
    this.others.clear();
    this.bySeal.clear();
    this.storedElsewhere.clear();
    this.book.clear();
    this.routes.clear();
    const open = [];
    for (const entry of await this.store.trips.openTrips()) {
      if (this.follows(entry.trip)) open.push(entry);
      else this.others.add(entry.trip.id);
    }
    for (const { trip, progress } of open) this.follow(trip, this.prepare(trip.plan), progress);
    for (const alert of await this.store.alerts.unresolvedOfOpenTrips()) if (this.live.has(alert.tripId)) this.book.add(alert);
    this.stale = false;
    await this.catchUp(open.map(({ trip }) => trip.id));
  }

  /**
   * Follows the trips opened, and drops those closed, by another process since the last look; and forgets the alerts
   * resolved there (`corridor api` beside tracker processes), so the next event of their kind opens a new one.
   */
  private async discover(): Promise<void> {
    const held = this.book.held();
    if (held.length > 0) {
      const unresolved = new Set((await this.store.alerts.unresolvedOfOpenTrips()).map((alert) => alert.id));
      for (const alert of held) if (!unresolved.has(alert.id)) this.book.resolved(alert);
    }
    const ids = await this.store.trips.openTripIds();
    const open = new Set(ids);
    for (const id of [...this.live.keys()]) if (!open.has(id)) this.unfollow(id);
    for (const id of this.others) if (!open.has(id)) this.others.delete(id);
    const found = ids.filter((id) => !this.live.has(id) && !this.others.has(id));
    if (found.length === 0) return;
    const followed: string[] = [];
    for (const { trip, progress } of await this.store.trips.openTrips(found)) {
      if (!this.follows(trip)) {
        this.others.add(trip.id);
        continue;
      }
      this.follow(trip, this.prepare(trip.plan), progress);
      followed.push(trip.id);
    }
    for (const tripId of followed) {
      const { items } = await this.store.alerts.list({ tripId, status: UNRESOLVED, limit: MAX_UNRESOLVED_PER_TRIP, offset: 0 });
      for (const alert of items) this.book.add(alert);
    }
    await this.catchUp(followed);
  }

  /** Feeds each trip the positions of each seal stored after that seal's cursor. */
  private async catchUp(tripIds: readonly string[]): Promise<void> {
    for (const id of tripIds) {
      const live = this.live.get(id);
      if (live !== undefined) await this.takeStored(live.stored.sealIds);
    }
  }

  private async takeStoredElsewhere(): Promise<void> {
    if (this.storedElsewhere.size > 0) await this.takeStored([...this.storedElsewhere]);
  }

  /** Feeds the trips followed the positions of these seals stored after each seal's cursor. */
  private async takeStored(sealIds: readonly string[]): Promise<void> {
    const from = new Map<string, number>();
    for (const seal of sealIds) {
      const live = this.bySeal.get(seal);
      if (live !== undefined) from.set(seal, live.cursors[seal]?.receivedTime ?? live.stored.plan.openedAt);
    }
    const stored = from.size === 0 ? [] : await this.store.trips.positionsReceivedSince(from);
    if (stored.length > 0) await this.feed(stored);
  }

  private async feed(positions: readonly Position[]): Promise<void> {
    const byTrip = new Map<LiveTrip, Position[]>();
    for (const p of positions) {
      const live = this.bySeal.get(p.deviceId);
      if (live === undefined || p.receivedTime < live.stored.plan.openedAt || !notYetTaken(p, live.cursors)) continue;
      const list = byTrip.get(live);
      if (list === undefined) byTrip.set(live, [p]);
      else list.push(p);
    }
    if (byTrip.size === 0) return;
    const stepped: Stepped[] = [];
    const events: TrackingEvent[] = [];
    for (const [live, list] of byTrip) {
      list.sort(receiveOrder);
      const resent = await this.resends(live, list);
      // The batch is stepped through a copy of the trip's state, which becomes its state once saved.
      const state = copyTripState(live.state);
      for (const position of list) {
        if (resent.has(position)) continue;
        // A position the engine cannot take is reported and passed over (it leaves the state as it was), so it
        // cannot stop the trip for good.
        try {
          advance(live.trip, state, { kind: 'position', position }, events);
        } catch (error) {
          this.options.onError?.(new Error(`trip ${live.stored.id}: position of ${position.deviceId} at ${position.deviceTime} not taken`, { cause: error }));
        }
      }
      const taken = resent.size === 0 ? list : list.filter((p) => !resent.has(p));
      const behind = comesBehind(list[0]!, live.cursors);
      stepped.push({ live, state, cursors: movedOn(live.cursors, list), behind, tickedAt: live.tickedAt, positions: taken });
    }
    await this.save(stepped, events);
  }

  /**
   * The positions of a batch that a device sent again after they were stored (its acknowledgement was lost): they
   * come with a later receive time than the stored ones, and the trip took them the first time. Only a position
   * no newer than the newest taken can be one, so only those are looked up.
   */
  private async resends(live: LiveTrip, list: readonly Position[]): Promise<ReadonlySet<Position>> {
    const newest = live.state.lastDeviceMs;
    if (newest === null) return NONE;
    const openedAt = live.stored.plan.openedAt;
    const candidates = list.filter((p) => p.deviceTime - openedAt <= newest);
    if (candidates.length === 0) return NONE;
    const stored = await this.store.trips.storedReceiveTimes(candidates);
    return new Set(candidates.filter((p, i) => stored[i] !== null && stored[i]! < p.receivedTime));
  }

  private async tickAll(at: number): Promise<void> {
    const stepped: Stepped[] = [];
    const events: TrackingEvent[] = [];
    for (const live of this.live.values()) {
      const result = step(live.trip, live.state, { kind: 'tick', at });
      if (result.state === live.state) continue;
      for (const event of result.events) events.push(event);
      stepped.push({ live, state: result.state, cursors: live.cursors, behind: false, tickedAt: at, positions: [] });
    }
    if (stepped.length > 0) await this.save(stepped, events);
  }

  private async save(stepped: readonly Stepped[], events: readonly TrackingEvent[]): Promise<void> {
    const alerts = this.book.apply(events, this.clock.now().toISOString());
    const etas = stepped.filter((s) => etaMoved(s.live.state, s.state)).map((s) => this.etaOf(s.live, s.state));
    try {
      await this.store.trips.saveProgress({
        progress: stepped.map((s) => ({ tripId: s.live.stored.id, state: s.state, cursors: s.cursors, tickedAt: s.tickedAt })),
        takenBehind: stepped.filter((s) => s.behind).map((s) => ({ tripId: s.live.stored.id, after: s.live.cursors, through: s.cursors })),
        events: [...events],
        newAlerts: alerts.created,
        folds: alerts.folds,
        ...(this.options.outbox ? { news: this.newsOf(events, alerts, etas) } : {}),
        ...(this.fence === undefined ? {} : { fence: this.fence }),
      });
    } catch (error) {
      // Memory (states, the alert book) is ahead of the store now: the next piece of work reloads it.
      this.stale = true;
      throw error;
    }
    for (const s of stepped) {
      s.live.state = s.state;
      s.live.cursors = s.cursors;
      s.live.tickedAt = s.tickedAt;
      if (s.positions.length > 0) this.listeners.announce((l) => l.positions?.(s.live.stored.id, s.positions));
    }
    for (const eta of etas) this.listeners.announce((l) => l.etaChanged?.(eta));
    if (events.length > 0) this.listeners.announce((l) => l.events?.(events));
    this.announceAlerts(alerts);
  }

  /** What a save tells other processes, each item with its trip's declaration. */
  private newsOf(events: readonly TrackingEvent[], alerts: AlertChanges, etas: readonly TripEta[]): DurableNews[] {
    const declarationOf = (tripId: string) => this.live.get(tripId)!.stored.declarationId;
    return [
      ...events.map((event) => eventNews(event, declarationOf(event.tripId))),
      ...alerts.created.map((alert) => alertRaisedNews(alert, declarationOf(alert.tripId))),
      ...alerts.folded.map((alert) => alertChangedNews(alert, declarationOf(alert.tripId))),
      ...etas.map(etaNews),
    ];
  }

  private etaOf(live: LiveTrip, state: TripState = live.state): TripEta {
    const eta = estimatedArrival(live.trip, state);
    return { tripId: live.stored.id, declarationId: live.stored.declarationId, destinationAt: eta.destinationAt, crossingAt: eta.crossingAt, speedKmh: eta.speedKmh };
  }

  private announceAlerts(changes: AlertChanges): void {
    for (const alert of changes.created) this.listeners.announce((l) => l.alertRaised?.(alert));
    for (const alert of changes.folded) this.listeners.announce((l) => l.alertChanged?.(alert));
  }
}

function etaMoved(a: TripState, b: TripState): boolean {
  const crossing = a.etaCrossingMs === null || b.etaCrossingMs === null ? a.etaCrossingMs !== b.etaCrossingMs : Math.abs(a.etaCrossingMs - b.etaCrossingMs) >= ETA_ANNOUNCE_MS;
  return crossing || Math.abs(a.etaDestinationMs - b.etaDestinationMs) >= ETA_ANNOUNCE_MS;
}
