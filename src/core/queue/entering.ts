/**
 * How trucks enter the queue, and how their papers change: booking a slot, checking in on arrival (from a seal's
 * geofence event or by staff), and declaration updates.
 *
 * A truck is one entry once, whatever route it came in by. A check-in finds the truck's entry by declaration, then
 * by plate and country; a booked entry is thereby the same entry when its truck arrives, and any further check-in
 * (the seal's event after staff already checked the truck in, a repeated event) returns the existing entry with the
 * reason and changes nothing. A truck already in the queue under another declaration is not entered twice either:
 * the existing entry comes back with that reason for staff to sort out.
 *
 * Where a truck's place counts from (queuedAt, see ageing.ts):
 * - a walk-in: its arrival;
 * - a booked truck arriving no later than its slot's end plus the grace: the slot's start, whether it came early or
 *   late in the slot, and it is in the `booked` stream, which the release rate does not limit;
 * - a booked truck arriving after that: its arrival, in the backlog stream, like a walk-in;
 * - a truck waiting for papers (holding): its arrival still. It has physically waited, and holding trucks are never
 *   called, so keeping the place costs nobody a call while the papers are missing; when they are complete it joins
 *   where it would have stood. (A truck cannot jump ahead by arriving early with incomplete papers, since it still
 *   needs complete ones to be called, but it does keep its arrival: that is the intended fairness.)
 */
import { orderKeyOf } from './ageing.js';
import { isChannel, type Channel } from './channel.js';
import { isActive, truckKeyOf, type Booking, type QueueEntry, type TruckRef } from './entry.js';
import { classify, readiness, type PriorityFacts } from './priority-class.js';
import { duration, iso, reason, sentencesOf, type Reason } from './reason.js';
import { entryForDeclaration, type QueueState } from './state.js';
import {
  begin,
  commit,
  holdingReasons,
  precheck,
  rearrange,
  record,
  refuse,
  unchanged,
  type CommandBase,
  type QueueResult,
  type Refusal,
  type Transaction,
} from './transaction.js';

export interface TruckFacts {
  truck: TruckRef;
  declarationId: string;
  channel: Channel;
  facts: PriorityFacts;
}

export interface BookCommand extends CommandBase, TruckFacts {
  kind: 'book';
  booking: Booking;
}

export interface CheckInCommand extends CommandBase, TruckFacts {
  kind: 'check_in';
  route: 'geofence' | 'staff';
  /** The code the driver is given to look the entry up with the plate (made by the caller; the core draws no randomness). */
  lookupCode?: string;
}

export interface UpdateDeclarationCommand extends CommandBase {
  kind: 'update_declaration';
  entryId: string;
  facts?: Partial<PriorityFacts>;
  channel?: Channel;
}

export type EntryResult = QueueResult<{ entry: Readonly<QueueEntry>; created: boolean }>;

const FACT_NAMES = ['perishable', 'trustedTrader', 'eSealed', 'declarationComplete', 'recipientIdentified'] as const;

function checkTruckFacts(state: QueueState, command: TruckFacts): Refusal | null {
  if (typeof command.declarationId !== 'string' || command.declarationId.length === 0) {
    return refuse(state, 'REQUIRED', 'declarationId', 'the declaration id is empty');
  }
  if (typeof command.truck?.plate !== 'string' || command.truck.plate.trim().length === 0) {
    return refuse(state, 'REQUIRED', 'truck.plate', 'the plate is empty');
  }
  if (typeof command.truck.country !== 'string' || command.truck.country.trim().length === 0) {
    return refuse(state, 'REQUIRED', 'truck.country', 'the plate country is empty');
  }
  if (!isChannel(command.channel)) return refuse(state, 'BAD_CHANNEL', 'channel', 'the channel is green, yellow or red');
  for (const name of FACT_NAMES) {
    if (typeof command.facts?.[name] !== 'boolean') return refuse(state, 'BAD_FACT', `facts.${name}`, `${name} is true or false`);
  }
  return null;
}

/**
 * The entry a booking or check-in is about: the declaration's if it is still in the queue, else the truck's if that
 * is, else the declaration's closed one (served or dropped), if any.
 */
function existingFor(state: QueueState, declarationId: string, truckKey: string): QueueEntry | undefined {
  const byDeclaration = entryForDeclaration(state, declarationId);
  if (byDeclaration !== undefined && isActive(byDeclaration.status)) return byDeclaration;
  const truckId = state.byTruck.get(truckKey);
  const byTruck = truckId === undefined ? undefined : state.entries.get(truckId);
  if (byTruck !== undefined && isActive(byTruck.status)) return byTruck;
  return byDeclaration;
}

function duplicateReason(entry: QueueEntry, declarationId: string): Reason {
  if (entry.declarationId !== declarationId) {
    return reason(
      'TRUCK_QUEUED_UNDER_ANOTHER_DECLARATION',
      `this truck is already in the queue as ${entry.id} under declaration ${entry.declarationId}; a truck is one entry`,
    );
  }
  if (entry.status === 'served') return reason('ALREADY_SERVED', `this declaration's truck reached its lane at ${iso(entry.doneAt ?? NaN)}`);
  if (entry.status === 'booked') return reason('ALREADY_BOOKED', `this declaration is already booked as ${entry.id}`);
  return reason('ALREADY_CHECKED_IN', `already checked in as ${entry.id} at ${iso(entry.arrivedAt ?? NaN)} (entered by ${entry.route}); a truck is one entry`);
}

/** A new entry for the truck, whose key (truckKeyOf) the caller already worked out to look for an existing one. */
function newEntry(tx: Transaction, command: TruckFacts, truckKey: string, route: QueueEntry['route']): QueueEntry {
  const state = tx.state;
  const { priorityClass } = classify(command.facts);
  const slot = state.nextEntryNumber++;
  const entry: QueueEntry = {
    id: `${state.config.crossing}-${slot}`,
    slot,
    truck: { plate: command.truck.plate, country: command.truck.country },
    truckKey,
    declarationId: command.declarationId,
    channel: command.channel,
    facts: { ...command.facts },
    priorityClass,
    classOverride: null,
    route,
    stream: 'backlog',
    booking: null,
    lookupCode: null,
    status: 'holding',
    enteredAt: tx.t,
    arrivedAt: null,
    queuedAt: tx.t,
    orderKey: orderKeyOf(tx.t, priorityClass, state.config.headStarts),
    seq: state.nextSeq++,
    staffHold: null,
    noShows: 0,
    call: null,
    calledAt: null,
    doneAt: null,
    history: [],
  };
  state.entries.set(entry.id, entry);
  state.byDeclaration.set(entry.declarationId, entry.id);
  state.byTruck.set(entry.truckKey, entry.id);
  return entry;
}

function placementReasons(entry: QueueEntry): Reason[] {
  const reasons = [...classify(entry.facts).reasons];
  if (entry.classOverride !== null) reasons.push(reason('STAFF_PRIORITY', `class ${entry.priorityClass} set by ${entry.classOverride.by}: ${entry.classOverride.reason}`));
  if (entry.status === 'waiting') {
    reasons.push(reason('IN_ORDER', `in the order as ${entry.priorityClass} (${entry.stream}), counted from ${iso(entry.queuedAt)}`));
  } else if (entry.status === 'holding') {
    reasons.push(reason('HOLDING', 'waiting in the holding state, blocking nobody, until every reason below is cleared'), ...holdingReasons(entry));
  }
  return reasons;
}

export function book(state: QueueState, command: Omit<BookCommand, 'kind'>): EntryResult {
  const refusal = precheck(state, command) ?? checkTruckFacts(state, command);
  if (refusal !== null) return refusal;
  const { booking } = command;
  if (typeof booking?.code !== 'string' || booking.code.trim().length === 0) return refuse(state, 'REQUIRED', 'booking.code', 'the booking code is empty');
  if (!Number.isFinite(booking.slotStart) || !Number.isFinite(booking.slotEnd) || booking.slotEnd <= booking.slotStart) {
    return refuse(state, 'BAD_SLOT', 'booking.slotEnd', 'a slot has a finite start before its end');
  }
  const truckKey = truckKeyOf(command.truck);
  const existing = existingFor(state, command.declarationId, truckKey);
  if (existing !== undefined && (isActive(existing.status) || existing.status === 'served')) {
    return unchanged(state, [duplicateReason(existing, command.declarationId)], { entry: existing, created: false });
  }
  const codeOwner = state.byCode.get(booking.code);
  if (codeOwner !== undefined) return refuse(state, 'BOOKING_CODE_TAKEN', 'booking.code', 'this booking code belongs to another entry');
  if (existing !== undefined) {
    // A dropped entry of this declaration keeps its identity; booking again is a fresh start.
    return refuse(state, 'ENTRY_DROPPED', 'declarationId', `this declaration's entry ${existing.id} left the queue; check the truck in to bring it back`);
  }
  const tx = begin(state, command);
  const entry = newEntry(tx, command, truckKey, 'booking');
  entry.status = 'booked';
  entry.stream = 'booked';
  entry.booking = { ...booking };
  entry.lookupCode = booking.code;
  entry.queuedAt = booking.slotStart;
  entry.orderKey = orderKeyOf(entry.queuedAt, entry.priorityClass, state.config.headStarts);
  state.byCode.set(booking.code, entry.id);
  record(tx, entry, 'booked', `slot ${iso(booking.slotStart)} to ${iso(booking.slotEnd)} booked`, {
    slotStart: booking.slotStart,
    slotEnd: booking.slotEnd,
  });
  return commit(tx, [reason('BOOKED', `booked for ${iso(booking.slotStart)}; the truck joins the order when it checks in`)], { entry, created: true });
}

function arrivalOfBooked(tx: Transaction, entry: QueueEntry): Reason {
  const booking = entry.booking as Booking;
  const lateBy = tx.t - (booking.slotEnd + tx.state.config.bookingGraceMs);
  if (lateBy <= 0) {
    entry.stream = 'booked';
    entry.queuedAt = booking.slotStart;
    return reason('ON_SLOT', `arrived for its slot: its place counts from the slot's start, ${iso(booking.slotStart)}, outside the backlog's release rate`);
  }
  entry.stream = 'backlog';
  entry.queuedAt = tx.t;
  return reason('MISSED_SLOT', `arrived ${duration(lateBy)} after its slot and grace ended: it queues from its arrival, in the backlog`);
}

export function checkIn(state: QueueState, command: Omit<CheckInCommand, 'kind'>): EntryResult {
  const refusal = precheck(state, command) ?? checkTruckFacts(state, command);
  if (refusal !== null) return refusal;
  if (command.route !== 'geofence' && command.route !== 'staff') return refuse(state, 'BAD_ROUTE', 'route', 'a check-in comes from the geofence or from staff');
  const truckKey = truckKeyOf(command.truck);
  const existing = existingFor(state, command.declarationId, truckKey);
  if (existing !== undefined && existing.status !== 'booked' && existing.status !== 'dropped') {
    return unchanged(state, [duplicateReason(existing, command.declarationId)], { entry: existing, created: false });
  }
  if (existing !== undefined && existing.declarationId !== command.declarationId) {
    return unchanged(state, [duplicateReason(existing, command.declarationId)], { entry: existing, created: false });
  }
  if (existing !== undefined && existing.truckKey !== truckKey) {
    return refuse(state, 'TRUCK_MISMATCH', 'truck.plate', `declaration ${command.declarationId} is queued for truck ${existing.truck.plate} (${existing.truck.country}), not this one`);
  }

  if (command.lookupCode !== undefined) {
    if (typeof command.lookupCode !== 'string' || command.lookupCode.length === 0) return refuse(state, 'BAD_CODE', 'lookupCode', 'the lookup code is empty');
    const owner = state.byCode.get(command.lookupCode);
    if (owner !== undefined && owner !== existing?.id) return refuse(state, 'CODE_TAKEN', 'lookupCode', 'this lookup code belongs to another entry; make another');
  }

  const tx = begin(state, command);
  const via = command.route === 'geofence' ? 'the seal entered the crossing geofence' : 'checked in by staff';
  if (existing === undefined) {
    const entry = newEntry(tx, command, truckKey, command.route);
    if (command.lookupCode !== undefined) {
      entry.lookupCode = command.lookupCode;
      state.byCode.set(command.lookupCode, entry.id);
    }
    entry.arrivedAt = tx.t;
    record(tx, entry, 'checked_in', via, { route: command.route });
    rearrange(tx, entry, () => undefined);
    return commit(tx, [reason('CHECKED_IN', `${via}: new entry ${entry.id}`), ...placementReasons(entry)], { entry, created: true });
  }

  const entry = existing;
  const previous = entry.status;
  const reasons: Reason[] = [];
  // Neither a booked nor a dropped entry is in the order, so its ordering facts may change before it is placed.
  entry.arrivedAt = tx.t;
  entry.facts = { ...command.facts };
  entry.channel = command.channel;
  if (previous === 'booked') {
    reasons.push(reason('ARRIVED', `${via}: booked entry ${entry.id} arrived`), arrivalOfBooked(tx, entry));
  } else {
    // Back after leaving the queue: a fresh start at the end, in the backlog.
    entry.stream = 'backlog';
    entry.queuedAt = tx.t;
    entry.noShows = 0;
    entry.doneAt = null;
    entry.seq = state.nextSeq++;
    if (command.lookupCode !== undefined && entry.lookupCode === null) {
      entry.lookupCode = command.lookupCode;
      state.byCode.set(command.lookupCode, entry.id);
    }
    state.byTruck.set(entry.truckKey, entry.id);
    reasons.push(reason('REJOINED', `${via}: entry ${entry.id} had left the queue and rejoins from now`));
  }
  record(tx, entry, previous === 'booked' ? 'checked_in' : 'rejoined', sentencesOf(reasons), {
    route: command.route,
    stream: entry.stream,
  });
  rearrange(tx, entry, () => {
    entry.status = 'holding';
  });
  return commit(tx, [...reasons, ...placementReasons(entry)], { entry, created: false });
}

export function updateDeclaration(state: QueueState, command: Omit<UpdateDeclarationCommand, 'kind'>): EntryResult {
  const refusal = precheck(state, command);
  if (refusal !== null) return refusal;
  const entry = state.entries.get(command.entryId);
  if (entry === undefined) return refuse(state, 'NOT_FOUND', 'entryId', `no entry ${command.entryId}`);
  if (!isActive(entry.status)) return refuse(state, 'ENTRY_CLOSED', 'entryId', `entry ${entry.id} is ${entry.status}`);
  if (command.channel !== undefined && !isChannel(command.channel)) return refuse(state, 'BAD_CHANNEL', 'channel', 'the channel is green, yellow or red');
  for (const [name, value] of Object.entries(command.facts ?? {})) {
    if (!(FACT_NAMES as readonly string[]).includes(name) || typeof value !== 'boolean') {
      return refuse(state, 'BAD_FACT', `facts.${name}`, `${name} is not a fact the queue takes, or not true or false`);
    }
  }
  const facts = { ...entry.facts, ...command.facts };
  const channel = command.channel ?? entry.channel;
  const changes = FACT_NAMES.filter((name) => facts[name] !== entry.facts[name]).map((name) => `${name} ${facts[name]}`);
  if (channel !== entry.channel) changes.push(`channel ${channel}`);
  if (changes.length === 0) return unchanged(state, [reason('NO_CHANGE', 'the declaration facts are as they were')], { entry, created: false });

  const tx = begin(state, command);
  record(tx, entry, 'declaration_updated', changes.join(', '), { ready: readiness(facts).ready });
  if (entry.status === 'called') {
    // The call stands; the new facts count if the truck comes back to the queue.
    entry.facts = facts;
    entry.channel = channel;
  } else {
    rearrange(tx, entry, () => {
      entry.facts = facts;
      entry.channel = channel;
    });
  }
  return commit(tx, [reason('UPDATED', changes.join(', ')), ...placementReasons(entry)], { entry, created: false });
}
