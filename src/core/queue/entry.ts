/** One truck's place in a crossing's queue, from booking or check-in to its lane, with the history of every change. */
import type { CountryCode } from '../model/parties.js';
import type { Channel } from './channel.js';
import type { PriorityClass, PriorityFacts } from './priority-class.js';

export interface TruckRef {
  plate: string;
  country: CountryCode;
}

/**
 * - `booked`: a slot is booked and the truck has not arrived;
 * - `holding`: arrived, but out of the order: its declaration is incomplete, its recipient unidentified, or staff hold it;
 * - `waiting`: in the order;
 * - `called`: called to a lane, not yet there;
 * - `served`: reached its lane; the queue is done with it;
 * - `dropped`: left the queue (repeated no-shows, or removed by staff).
 */
export type EntryStatus = 'booked' | 'holding' | 'waiting' | 'called' | 'served' | 'dropped';

/** How the truck first entered the queue. */
export type EntryRoute = 'booking' | 'geofence' | 'staff';

/**
 * Booked trucks that arrive for their slot are `booked`; every other truck is `backlog`, whose calls the operator's
 * release rate limits.
 */
export type Stream = 'booked' | 'backlog';

export interface Booking {
  code: string;
  slotStart: number;
  slotEnd: number;
}

export type HistoryAction =
  | 'booked'
  | 'checked_in'
  | 'declaration_updated'
  | 'joined_order'
  | 'held'
  | 'released'
  | 'reprioritised'
  | 'called'
  | 'no_show'
  | 'arrived'
  | 'dropped'
  | 'rejoined'
  /** A crossing-wide setting changed (release rate, a lane opened or closed). */
  | 'configured';

/** One audited step: who, when, what and why. */
export interface HistoryItem {
  at: number;
  /** The username of the staff member, or the system part that acted (such as `geofence`). */
  by: string;
  action: HistoryAction;
  reason: string;
  /** Facts of the step a reader may need, such as the lane called to or the class set. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface StaffNote {
  by: string;
  at: number;
  reason: string;
}

export interface CallInfo {
  lane: string;
  at: number;
  /** After this the truck may be declared a no-show. */
  deadline: number;
  /** How long the lane is busy with the truck once it arrives. */
  serviceMs: number;
}

export interface QueueEntry {
  id: string;
  /** The entry's number, unique in its queue: its row in the estimate columns (estimate-columns.ts). */
  slot: number;
  truck: TruckRef;
  /** Plate and country normalised: one entry per truck is kept on this. */
  truckKey: string;
  declarationId: string;
  channel: Channel;
  facts: PriorityFacts;
  priorityClass: PriorityClass;
  /** Set when staff chose the class; otherwise the class follows the facts. */
  classOverride: (StaffNote & { priorityClass: PriorityClass }) | null;
  route: EntryRoute;
  stream: Stream;
  booking: Booking | null;
  /** The code a driver gives, with the plate, to look the entry up; for bookings, the booking code. */
  lookupCode: string | null;
  status: EntryStatus;
  /** When the queue first heard of the truck (booking or check-in). */
  enteredAt: number;
  /** When the truck checked in at the crossing; null while only booked. */
  arrivedAt: number | null;
  /**
   * The time first come, first served counts from: the arrival (or the slot's start for a booked truck), later only
   * by a no-show's move back. Kept while the truck is holding, so it rejoins where it would have been.
   */
  queuedAt: number;
  /** queuedAt less the class's head start: the order's key (see ageing.ts). */
  orderKey: number;
  /** Tie-break among equal keys: the order of entering the order, renewed by a move back. */
  seq: number;
  staffHold: StaffNote | null;
  noShows: number;
  call: CallInfo | null;
  /** When the truck was last called; kept after the call ends. */
  calledAt: number | null;
  /** When it reached its lane, or left the queue. */
  doneAt: number | null;
  history: HistoryItem[];
}

/** Plate and country as one key: letters upper-cased, spaces, dashes and dots dropped (`01 KZ 123-ABA` = `01KZ123ABA`). */
export function truckKeyOf(truck: TruckRef): string {
  return `${truck.country.trim().toUpperCase()}:${normalisePlate(truck.plate)}`;
}

export function normalisePlate(plate: string): string {
  return plate.toUpperCase().replace(/[\s\-.]/g, '');
}

/** Statuses in which the truck still has a place in the queue. */
export function isActive(status: EntryStatus): boolean {
  return status === 'booked' || status === 'holding' || status === 'waiting' || status === 'called';
}
