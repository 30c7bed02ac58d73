/**
 * What the tracker tells the rest of the platform. An event names its stable type, the trip, the time it happened
 * (device time, or receive time for signal events), the fix it was seen at, and the rule with the parameters that
 * fired it. Its id is built from the trip, the type, the time (and the place, for place events) only, so replaying
 * the same positions, or resuming from saved state, raises events with the same ids, and a consumer can refuse a
 * duplicate by id.
 */
import type { Position } from '../model/position.js';
import type { TripState } from './state.js';

/** Bump when a rule changes what it raises for the same input, so explanations name the rules that applied. */
export const RULES_VERSION = 1;

export const TRACKING_EVENT_TYPES = [
  'seal-opened',
  'seal-opened-authorised',
  'seal-closed',
  'seal-tamper',
  'seal-cable-cut',
  'corridor-left',
  'corridor-returned',
  'long-stop',
  'long-stop-ended',
  'signal-lost',
  'signal-restored',
  'battery-low',
  'battery-restored',
  'geofence-entered',
  'geofence-left',
  'border-crossed',
  'arrived',
  'implausible-jump',
] as const;
export type TrackingEventType = (typeof TRACKING_EVENT_TYPES)[number];

export type Severity = 'alarm' | 'warning' | 'info';

/**
 * Alarms want someone to act now; warnings want attention; info events record the trip. The ends of conditions
 * (returned, restored, ended, closed) are info: they resolve what an alarm opened.
 */
export const EVENT_SEVERITY: Readonly<Record<TrackingEventType, Severity>> = Object.freeze({
  'seal-opened': 'alarm',
  'seal-opened-authorised': 'info',
  'seal-closed': 'info',
  'seal-tamper': 'alarm',
  'seal-cable-cut': 'alarm',
  'corridor-left': 'alarm',
  'corridor-returned': 'info',
  'long-stop': 'alarm',
  'long-stop-ended': 'info',
  'signal-lost': 'alarm',
  'signal-restored': 'info',
  'battery-low': 'warning',
  'battery-restored': 'info',
  'geofence-entered': 'info',
  'geofence-left': 'info',
  'border-crossed': 'info',
  arrived: 'info',
  'implausible-jump': 'alarm',
});

export type EventValue = number | string | boolean | null;

export interface EventPosition {
  deviceId: string;
  deviceTime: number;
  lat: number;
  lon: number;
}

export interface TrackingEvent {
  /** `${tripId}/${type}/${at}`, and `/${key}` where one fix can raise the type more than once (places, seals). */
  id: string;
  type: TrackingEventType;
  severity: Severity;
  tripId: string;
  /** When it happened, ms since the epoch. */
  at: number;
  /** The fix it was seen at; for a signal loss, the last fix before it. */
  position: EventPosition | null;
  /** The rule that fired and the parameters it used. */
  rule: { name: string; version: number; params: Record<string, EventValue> };
  /** What was measured: distances, durations, the place, the countries. */
  details: Record<string, EventValue>;
}

export const NO_EVENTS: readonly TrackingEvent[] = Object.freeze([]) as readonly TrackingEvent[];

/** A detector's answer: its slice of the state (the same object when unchanged) and what it raised. */
export interface Detected<S> {
  state: S;
  events: readonly TrackingEvent[];
}

/**
 * The answer "still in this idle state, nothing raised" for a slice value shared by every trip (a frozen constant):
 * returned as is, so the common case of a detector allocates nothing.
 */
export function idle<S>(state: S): Detected<S> {
  return Object.freeze({ state, events: NO_EVENTS });
}

export function positionOf(p: Position): EventPosition {
  return { deviceId: p.deviceId, deviceTime: p.deviceTime, lat: p.lat, lon: p.lon };
}

/** The event position of the trip's last accepted location (the state keeps it in its own units). */
export function lastFixPosition(openedAt: number, state: TripState): EventPosition | null {
  if (state.lastMs === null || state.lastDeviceId === null) return null;
  return { deviceId: state.lastDeviceId, deviceTime: openedAt + state.lastMs, lat: state.latE6 / 1e6, lon: state.lonE6 / 1e6 };
}

export function trackingEvent(
  tripId: string,
  type: TrackingEventType,
  at: number,
  position: EventPosition | null,
  rule: string,
  params: Record<string, EventValue>,
  details: Record<string, EventValue>,
  key?: string,
): TrackingEvent {
  return {
    id: key === undefined ? `${tripId}/${type}/${at}` : `${tripId}/${type}/${at}/${key}`,
    type,
    severity: EVENT_SEVERITY[type],
    tripId,
    at,
    position,
    rule: { name: rule, version: RULES_VERSION, params },
    details,
  };
}
