/**
 * What the tracker keeps: trips (the plan, the seals, open or closed), each open trip's engine state with the
 * events it raised, and the alerts operators work with. The engine state and what it produced are saved in one
 * transaction, so a tracker restarted after a crash resumes from a state that matches the stored events exactly.
 *
 * Times of events and alerts are device or receive times, integers of milliseconds since the epoch, as on
 * positions; times of people's actions (arming, closing, acknowledging) are ISO 8601 instants, as elsewhere.
 */
import type { Position } from '../core/model/index.js';
import type { EventPosition, EventValue, Severity, TrackingEvent, TripPlan, TripState } from '../core/tracking/index.js';
import type { LeaseFence } from './shard-leases.js';
import type { Page } from './store.js';
import type { DurableNews } from './tracking-news.js';

export const TRIP_STATUSES = ['open', 'closed'] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];

export interface StoredTrip {
  id: string;
  declarationId: string;
  /** The declaration's owner: a haulier sees the trips of its own declarations only. */
  owner: string;
  sealIds: string[];
  plan: TripPlan;
  status: TripStatus;
  openedAt: string;
  openedBy: string;
  closedAt?: string;
  closedBy?: string;
}

/**
 * The last position of a seal the engine took for a trip, in the order it takes a seal's positions (receive time,
 * device time, sequence with -1 for none, device): on a restart, the seal's positions stored after it are fed
 * again, and nothing before it twice.
 */
export interface PositionCursor {
  receivedTime: number;
  deviceTime: number;
  sequence: number;
  deviceId: string;
}

/**
 * A trip's cursor for each of its seals, by seal id; a seal not listed has given the trip nothing yet. One per seal,
 * not one for the trip: a trip's seals can fall on shards that different trackers store, each in its own time, so
 * another seal's position can be stored after the trip took newer ones of its own seal.
 */
export type SealCursors = Readonly<Record<string, PositionCursor>>;

/**
 * A batch of positions a trip took behind a position of another of its seals received after some of them: a seal's
 * positions stored by another tracker and read after the trip took newer ones of its own seals. The trip's cursors
 * before the batch (`after`) and after it (`through`) place it, so that replay takes it where the trip did.
 */
export interface TakenBehind {
  after: SealCursors;
  through: SealCursors;
}

/** A trip's engine state as saved after its latest input. */
export interface TripProgress {
  tripId: string;
  state: TripState;
  cursors: SealCursors;
  /** The latest timer tick given to the engine, ms since the epoch. */
  tickedAt: number | null;
}

export const ALERT_STATUSES = ['open', 'acknowledged', 'assigned', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** Every status but resolved: the alert still wants someone, and repeats of its condition fold into it. */
export const UNRESOLVED: readonly AlertStatus[] = ['open', 'acknowledged', 'assigned'];

export interface Alert {
  id: string;
  tripId: string;
  /** The event type that raised it. */
  type: string;
  /** Events with the same key on the same trip fold into one unresolved alert (the type, and the seal for seal alerts). */
  foldKey: string;
  severity: Severity;
  status: AlertStatus;
  /** Time of the first and latest event folded in, ms since the epoch. */
  firstSeen: number;
  lastSeen: number;
  /** How many events are folded in. */
  occurrences: number;
  /** When the condition ended (the truck returned, the signal came back…), ms since the epoch; null while it lasts. */
  endedAt: number | null;
  /** Where the latest event was seen. */
  position: EventPosition | null;
  /** The rule that fired, its version and parameters, and what it measured, as on the first event. */
  rule: { name: string; version: number; params: Record<string, EventValue> };
  details: Record<string, EventValue>;
  firstEventId: string;
  lastEventId: string;
  assignee: string | null;
  resolutionNote: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a repeat of the condition changes on an unresolved alert; never its status, assignee or note. */
export interface AlertFold {
  id: string;
  lastSeen: number;
  occurrences: number;
  endedAt: number | null;
  position: EventPosition | null;
  lastEventId: string;
  updatedAt: string;
}

export const ALERT_ACTIONS = ['acknowledge', 'assign', 'resolve'] as const;
export type AlertActionKind = (typeof ALERT_ACTIONS)[number];

export interface AlertAction {
  alertId: string;
  action: AlertActionKind;
  actor: string;
  at: string;
  /** The status the action left the alert in. */
  status: AlertStatus;
  assignee: string | null;
  note: string | null;
}

/** Everything one batch of inputs changed, written in one transaction. */
export interface ProgressBatch {
  progress: TripProgress[];
  /** New events; an id stored already is skipped, so a batch run again after a crash stores nothing twice. */
  events: TrackingEvent[];
  newAlerts: Alert[];
  folds: AlertFold[];
  /** The batches of positions taken behind others, each with its trip, to be replayed where they were taken. */
  takenBehind?: Array<TakenBehind & { tripId: string }>;
  /** The news of the batch for the bus, into the outbox with the rest; none when no bus takes news. */
  news?: DurableNews[];
  /** Refuses the whole batch (LeaseLost) unless these leases are still held as they were; unfenced without. */
  fence?: LeaseFence;
}

export interface TripFilter {
  status?: TripStatus;
  owner?: string;
  declarationId?: string;
  limit: number;
  offset: number;
}

export interface AlertFilter {
  tripId?: string;
  status?: readonly AlertStatus[];
  severity?: Severity;
  type?: string;
  assignee?: string;
  limit: number;
  offset: number;
}

export type OpenTripResult = { opened: true } | { opened: false; sealId: string };

export interface TripRepository {
  /**
   * Stores an open trip with its first state and takes its seals. A seal already on an open trip refuses the
   * whole trip (the store's key decides, so two concurrent arms cannot both take one seal).
   */
  open(trip: StoredTrip, progress: TripProgress): Promise<OpenTripResult>;
  /** Closes an open trip and frees its seals; false when it is not open. */
  close(id: string, closedAt: string, closedBy: string): Promise<boolean>;
  get(id: string): Promise<StoredTrip | undefined>;
  /** Newest first. */
  list(filter: TripFilter): Promise<Page<StoredTrip>>;
  /** Every open trip with its saved progress; only those with these ids when given. */
  openTrips(ids?: readonly string[]): Promise<Array<{ trip: StoredTrip; progress: TripProgress }>>;
  /** The ids of the open trips. */
  openTripIds(): Promise<string[]>;
  /** The open trip a seal is on. */
  openTripOfSeal(sealId: string): Promise<string | undefined>;
  progress(tripId: string): Promise<TripProgress | undefined>;
  /** Saves states, events and alerts in one transaction; returns how many events were new. */
  saveProgress(batch: ProgressBatch): Promise<number>;
  /** A trip's batches of positions taken behind others, in the order they were taken. */
  takenBehind(tripId: string): Promise<TakenBehind[]>;
  /** A trip's events in the order they were raised. */
  events(tripId: string, page: { limit: number; offset: number }): Promise<Page<TrackingEvent>>;
  /**
   * The receive time stored for each of these positions (by device, device time and sequence), in their order;
   * null for one not stored. A device's resend of a stored position comes with a later receive time than this.
   */
  storedReceiveTimes(positions: readonly Position[]): Promise<Array<number | null>>;
  /** Positions of these devices received at or after `receivedFrom` (and up to `receivedTo`), in receive order. */
  positionsReceived(deviceIds: readonly string[], receivedFrom: number, receivedTo?: number): Promise<Position[]>;
  /** Positions of each device received at or after its own time (device id to ms since the epoch), in no set order. */
  positionsReceivedSince(receivedFrom: ReadonlyMap<string, number>): Promise<Position[]>;
}

export interface AlertRepository {
  get(id: string): Promise<Alert | undefined>;
  /** Newest first. */
  list(filter: AlertFilter): Promise<Page<Alert>>;
  /** Unresolved alerts of open trips, for a tracker to fold into after a restart. */
  unresolvedOfOpenTrips(): Promise<Alert[]>;
  /**
   * Applies an operator's action if the alert is still in one of `from` (two operators cannot both resolve it),
   * and records it in the alert's history, in one transaction. Returns the alert as the action left it, or undefined
   * when it did not apply. With `news`, the change as news for the bus goes into the outbox in that transaction too,
   * so it is published even when the bus is down at the moment of the action.
   */
  act(action: AlertAction, from: readonly AlertStatus[], news?: (changed: Alert) => DurableNews): Promise<Alert | undefined>;
  /** An alert's actions, oldest first. */
  actions(alertId: string): Promise<AlertAction[]>;
}
