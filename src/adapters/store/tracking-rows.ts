/** Trips, trip states, events and alerts as rows, and rows back as the port's types. */
import type { Selectable } from 'kysely';
import type { EventPosition, TrackingEvent, TrackingEventType, TripPlan, TripState } from '../../core/tracking/index.js';
import type { Alert, AlertAction, AlertActionKind, AlertStatus, SealCursors, StoredTrip, TakenBehind, TripProgress, TripStatus } from '../../ports/tracking-store.js';
import { decodeJson, decodeOptionalJson, encodeJson, encodeTime, optional } from './codec.js';
import type { AlertActionsTable, AlertsTable, TripEventsTable, TripStatesTable, TripTakenBehindTable, TripsTable } from './schema.js';

export function tripRow(trip: StoredTrip): TripsTable {
  return {
    id: trip.id,
    declaration_id: trip.declarationId,
    owner: trip.owner,
    seal_ids: encodeJson(trip.sealIds),
    plan: encodeJson(trip.plan),
    status: trip.status,
    opened_at: encodeTime(trip.openedAt),
    opened_by: trip.openedBy,
    closed_at: trip.closedAt === undefined ? null : encodeTime(trip.closedAt),
    closed_by: trip.closedBy ?? null,
  };
}

export function toTrip(row: Selectable<TripsTable>): StoredTrip {
  return {
    id: row.id,
    declarationId: row.declaration_id,
    owner: row.owner,
    sealIds: decodeJson<string[]>(row.seal_ids),
    plan: decodeJson<TripPlan>(row.plan),
    status: row.status as TripStatus,
    openedAt: row.opened_at,
    openedBy: row.opened_by,
    ...optional('closedAt', row.closed_at),
    ...optional('closedBy', row.closed_by),
  };
}

export function stateRow(progress: TripProgress): TripStatesTable {
  return {
    trip_id: progress.tripId,
    state: encodeJson(progress.state),
    seal_cursors: encodeJson(progress.cursors),
    ticked_at: progress.tickedAt,
  };
}

export function toProgress(row: Selectable<TripStatesTable>): TripProgress {
  return {
    tripId: row.trip_id,
    state: decodeJson<TripState>(row.state),
    cursors: decodeOptionalJson<SealCursors>(row.seal_cursors) ?? {},
    tickedAt: row.ticked_at,
  };
}

export function takenBehindRow(taken: TakenBehind & { tripId: string }): Omit<TripTakenBehindTable, 'seq'> {
  return { trip_id: taken.tripId, after: encodeJson(taken.after), through: encodeJson(taken.through) };
}

export function toTakenBehind(row: Pick<Selectable<TripTakenBehindTable>, 'after' | 'through'>): TakenBehind {
  return { after: decodeJson<SealCursors>(row.after), through: decodeJson<SealCursors>(row.through) };
}

export function eventRow(event: TrackingEvent): Omit<TripEventsTable, 'seq'> {
  return {
    id: event.id,
    trip_id: event.tripId,
    type: event.type,
    severity: event.severity,
    at: event.at,
    position: event.position === null ? null : encodeJson(event.position),
    rule: encodeJson(event.rule),
    details: encodeJson(event.details),
  };
}

export function toEvent(row: Selectable<TripEventsTable>): TrackingEvent {
  return {
    id: row.id,
    type: row.type as TrackingEventType,
    severity: row.severity as TrackingEvent['severity'],
    tripId: row.trip_id,
    at: row.at,
    position: decodeOptionalJson<EventPosition>(row.position) ?? null,
    rule: decodeJson<TrackingEvent['rule']>(row.rule),
    details: decodeJson<TrackingEvent['details']>(row.details),
  };
}

export function alertRow(alert: Alert): AlertsTable {
  return {
    id: alert.id,
    trip_id: alert.tripId,
    type: alert.type,
    fold_key: alert.foldKey,
    severity: alert.severity,
    status: alert.status,
    first_seen: alert.firstSeen,
    last_seen: alert.lastSeen,
    occurrences: alert.occurrences,
    ended_at: alert.endedAt,
    position: alert.position === null ? null : encodeJson(alert.position),
    rule: encodeJson(alert.rule),
    details: encodeJson(alert.details),
    first_event_id: alert.firstEventId,
    last_event_id: alert.lastEventId,
    assignee: alert.assignee,
    resolution_note: alert.resolutionNote,
    created_at: encodeTime(alert.createdAt),
    updated_at: encodeTime(alert.updatedAt),
  };
}

export function toAlert(row: Selectable<AlertsTable>): Alert {
  return {
    id: row.id,
    tripId: row.trip_id,
    type: row.type,
    foldKey: row.fold_key,
    severity: row.severity as Alert['severity'],
    status: row.status as AlertStatus,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    occurrences: row.occurrences,
    endedAt: row.ended_at,
    position: decodeOptionalJson<EventPosition>(row.position) ?? null,
    rule: decodeJson<Alert['rule']>(row.rule),
    details: decodeJson<Alert['details']>(row.details),
    firstEventId: row.first_event_id,
    lastEventId: row.last_event_id,
    assignee: row.assignee,
    resolutionNote: row.resolution_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAlertAction(row: Selectable<AlertActionsTable>): AlertAction {
  return {
    alertId: row.alert_id,
    action: row.action as AlertActionKind,
    actor: row.actor,
    at: row.at,
    status: row.status as AlertStatus,
    assignee: row.assignee,
    note: row.note,
  };
}
