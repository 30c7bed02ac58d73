/**
 * What the border queue keeps in the store. A crossing's queue lives in memory as the core's state machine; the
 * store keeps what rebuilds it exactly after a restart (its configuration, its start and the log of every record
 * that changed it, see core/queue/replay.ts), and beside the log, written in the same transaction, the audited
 * events (who, when, what, why) and one row per entry for reading without the queue: a haulier's trucks, the
 * times of calls and arrivals that the estimates' accuracy is measured against.
 */
import type { Channel, EntryRoute, EntryStatus, PriorityClass, QueueConfig, QueueEvent, QueueLogRecord } from '../core/queue/index.js';
import type { Page } from './store.js';
import type { HandledMark } from './tracking-news.js';

export interface StoredQueue {
  crossing: string;
  /** What the queue started with, at `createdAt`: the first step of a replay. */
  initialConfig: QueueConfig;
  /** The configuration as it stands now (lanes, hours, release rate), for reading without the queue. */
  config: QueueConfig;
  /** Epoch ms. */
  createdAt: number;
  /** Records in the log: the next write takes position `logLength + 1`. */
  logLength: number;
  version: number;
}

/** One truck's entry as the store keeps it; times are epoch ms. */
export interface QueueEntryRow {
  id: string;
  crossing: string;
  declarationId: string;
  /** The declaration's owner: a haulier sees the entries it owns. */
  owner: string;
  plate: string;
  country: string;
  route: EntryRoute;
  status: EntryStatus;
  priorityClass: PriorityClass;
  channel: Channel;
  bookingCode: string | null;
  slotStart: number | null;
  slotEnd: number | null;
  lookupCode: string | null;
  enteredAt: number;
  arrivedAt: number | null;
  calledAt: number | null;
  doneAt: number | null;
  noShows: number;
  /** The first estimate the truck was given (when made, for when), kept to measure it against the call. */
  firstEstimate: { madeAt: number; callAt: number } | null;
}

/** One record of a queue's log and what it changed, written all at once or not at all. */
export interface QueueWrite {
  crossing: string;
  /** The record's place in the log: `logLength + 1` of the queue as the writer read it. */
  seq: number;
  /** The queue's version after the record. */
  version: number;
  record: QueueLogRecord;
  events: readonly QueueEvent[];
  entries: readonly QueueEntryRow[];
  /** The configuration after the record, when it changed it. */
  config?: QueueConfig;
  /** The mark of the tracker's news the record follows from (a seal's check-in), kept with it. */
  handled?: HandledMark;
}

export interface QueueEntryFilter {
  crossing?: string;
  owner?: string;
  statuses?: readonly EntryStatus[];
  limit: number;
  offset: number;
}

export interface QueueRepository {
  /** Starts a queue's log; false when the crossing has one already (nothing changed). */
  create(queue: { crossing: string; config: QueueConfig; createdAt: number }): Promise<boolean>;
  get(crossing: string): Promise<StoredQueue | undefined>;
  list(): Promise<StoredQueue[]>;
  /**
   * Appends a record, if the log is still `seq - 1` long: compare-and-set, so two writers (two processes holding
   * the same queue) can never both extend the log from the same point. False when another record took the place.
   */
  append(write: QueueWrite): Promise<boolean>;
  /** Records `fromSeq` onwards, in log order, at most `limit`. */
  log(crossing: string, fromSeq: number, limit: number): Promise<QueueLogRecord[]>;
  /** The audited events of a crossing or of one entry, newest first. */
  events(filter: { crossing: string; entryId?: string; limit: number; offset: number }): Promise<QueueEvent[]>;
  /** Entries, newest first (by entering, then id). */
  entries(filter: QueueEntryFilter): Promise<Page<QueueEntryRow>>;
  entry(id: string): Promise<QueueEntryRow | undefined>;
}
