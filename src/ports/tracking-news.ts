/**
 * The tracker's news as other processes learn it: each event it raised, each alert raised or changed, each trip's
 * estimated arrival that moved, and the positions each trip took. In one process the tracker's listeners carry them
 * (services/tracking/listeners.ts); across processes the bus does (`NewsBus`), so a `corridor api` feeds its live
 * stream and acts on them without following any trip.
 *
 * Every item has an id that is the same whenever the same news is told again (an event's own id, an alert's id
 * with the change's time): a repeat is dropped by the bus within its duplicate window, and by a consumer that
 * remembers what it handled (`HandledNewsRepository`) after it.
 */
import type { Position } from '../core/model/index.js';
import type { TrackingEvent } from '../core/tracking/index.js';
import type { Alert } from './tracking-store.js';

export interface TripEta {
  tripId: string;
  declarationId: string;
  /** Estimated arrival at the office of destination, ms since the epoch (the arrival time once arrived). */
  destinationAt: number;
  /** Estimated arrival at the declared crossing; null once past it or without one. */
  crossingAt: number | null;
  speedKmh: number;
}

export type TrackingNews =
  | { kind: 'event'; id: string; declarationId: string; event: TrackingEvent }
  | { kind: 'alert-raised'; id: string; declarationId: string; alert: Alert }
  | { kind: 'alert-changed'; id: string; declarationId: string; alert: Alert }
  | { kind: 'eta'; id: string; eta: TripEta }
  /** Live only: never kept for a consumer that was away, since the store has the positions. */
  | { kind: 'positions'; id: string; tripId: string; positions: Position[] };

/** The news a consumer group acts on: everything but positions. */
export type DurableNews = Exclude<TrackingNews, { kind: 'positions' }>;

/**
 * That a consumer group acted on an item. Work that stores what it did writes the mark in the same transaction
 * (`handled` of the handler), so a crash leaves both or neither and the item is not acted on again; work that writes
 * nothing, or only what doing it again cannot change, is marked after it. One write of an item's work carries it at
 * most: a mark stored already fails the write that carries it again.
 */
export interface HandledMark {
  group: string;
  newsId: string;
  at: string;
}

/** `handled`: the mark to write with the work's store write, when a consumer group runs it; absent in one process. */
export type NewsHandler = (news: DurableNews, handled?: HandledMark) => Promise<void>;

export interface NewsConsumption {
  /** Stops taking news; resolves once the item under way is handled (and acknowledged). */
  stop(): Promise<void>;
}

export interface NewsBus {
  /** Resolves once every durable item is kept by the bus (a repeat of an id is dropped); positions go out live. */
  publishNews(news: readonly TrackingNews[]): Promise<void>;
  /**
   * Every item published from now on, to every watcher, without acknowledgement: what a live view needs. A watcher
   * cut off from the bus is told the kept items it missed once it is back (not the live positions). Only the kept
   * items of `kind` when told.
   */
  watchNews(watcher: (news: TrackingNews) => void, kind?: DurableNews['kind']): Promise<() => Promise<void>>;
  /**
   * The durable items, each handed to one member of `group` across every process that consumes it, and acknowledged
   * once `handler` resolved; a handler that fails has the item delivered again later. Starts from the oldest item
   * kept the first time the group is made, and from where the group stands after that.
   */
  consumeNews(group: string, handler: NewsHandler): Promise<NewsConsumption>;
}

/**
 * The news a tracker stored with its progress, in the same transaction, waiting to go out on the bus: a tracker that
 * dies after its commit publishes them when it or its successor starts (the transactional outbox).
 */
export interface NewsOutboxRepository {
  /** The oldest items waiting, in the order they were stored. */
  pending(limit: number): Promise<Array<{ seq: number; news: DurableNews }>>;
  /** Drops these items: they are published. */
  published(seqs: readonly number[]): Promise<void>;
}

/** Which news each consumer group has acted on already, so a redelivery is acknowledged without acting again. */
export interface HandledNewsRepository {
  has(group: string, id: string): Promise<boolean>;
  /** Writes a mark, unless the work wrote it already. */
  add(mark: HandledMark): Promise<void>;
  /** Forgets the marks made before `at`: once the bus keeps nothing that old, nothing can be delivered again. */
  forgetBefore(at: string): Promise<void>;
}
