/** How the queue's entries and settings are shown through the API: times as ISO 8601, and the reasons with them. */
import {
  estimateOf,
  explainPosition,
  type LaneConfig,
  type PriorityClass,
  type QueueEntry,
  type QueueState,
  type Reason,
} from '../../core/queue/index.js';
import type { OperatingHours } from '../../core/model/index.js';
import { currentConfig } from './live-queue.js';

export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}

export interface EntryView {
  id: string;
  crossing: string;
  declarationId: string;
  truck: { plate: string; country: string };
  status: QueueEntry['status'];
  priorityClass: PriorityClass;
  channel: QueueEntry['channel'];
  route: QueueEntry['route'];
  stream: QueueEntry['stream'];
  booking: { code: string; slotStart: string | null; slotEnd: string | null } | null;
  lookupCode: string | null;
  enteredAt: string | null;
  arrivedAt: string | null;
  queuedAt: string | null;
  calledAt: string | null;
  call: { lane: string; deadline: string | null } | null;
  staffHold: { by: string; at: string | null; reason: string } | null;
  noShows: number;
  /** 1-based place in the order, live; null out of it. */
  position: number | null;
  /** The last refresh's estimate of the call; null out of the order or without a lane for the truck. */
  estimatedCallAt: string | null;
  aheadByClass: Record<PriorityClass, number>;
  explanation: Reason[];
}

export function entryView(state: QueueState, entry: QueueEntry): EntryView {
  const explained = explainPosition(state, entry.id);
  return {
    id: entry.id,
    crossing: state.config.crossing,
    declarationId: entry.declarationId,
    truck: { plate: entry.truck.plate, country: entry.truck.country },
    status: entry.status,
    priorityClass: entry.priorityClass,
    channel: entry.channel,
    route: entry.route,
    stream: entry.stream,
    booking: entry.booking === null ? null : { code: entry.booking.code, slotStart: isoOrNull(entry.booking.slotStart), slotEnd: isoOrNull(entry.booking.slotEnd) },
    lookupCode: entry.lookupCode,
    enteredAt: isoOrNull(entry.enteredAt),
    arrivedAt: isoOrNull(entry.arrivedAt),
    queuedAt: isoOrNull(entry.queuedAt),
    calledAt: isoOrNull(entry.calledAt),
    call: entry.call === null ? null : { lane: entry.call.lane, deadline: isoOrNull(entry.call.deadline) },
    staffHold: entry.staffHold === null ? null : { by: entry.staffHold.by, at: isoOrNull(entry.staffHold.at), reason: entry.staffHold.reason },
    noShows: entry.noShows,
    position: explained?.position ?? null,
    estimatedCallAt: isoOrNull(estimateOf(state.estimates, entry)?.callAt),
    aheadByClass: explained?.aheadByClass ?? { perishable: 0, trusted_trader: 0, esealed_complete: 0, standard: 0 },
    explanation: explained?.reasons ?? [],
  };
}

export interface QueueSettingsView {
  crossing: string;
  version: number;
  lanes: Array<LaneConfig & { open: boolean; busyUntil: string | null; calledEntry: string | null }>;
  operatingHours: OperatingHours | null;
  backlog: { ratePerHour: number | null; burst: number };
}

export function settingsView(state: QueueState): QueueSettingsView {
  const config = currentConfig(state);
  return {
    crossing: config.crossing,
    version: state.version,
    lanes: state.lanes.map((lane) => ({ ...lane.config, open: lane.open, busyUntil: isoOrNull(lane.busyUntil), calledEntry: lane.calledEntry })),
    operatingHours: config.operatingHours,
    backlog: config.backlog,
  };
}
