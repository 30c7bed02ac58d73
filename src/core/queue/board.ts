/**
 * The crossing's board: the queue's length by class and state, waiting times, throughput, and when the backlog
 * clears at the current release rate. A pure reading of the state at `now`.
 */
import { summariseAccuracy, type AccuracySummary } from './accuracy.js';
import { CHANNELS } from './channel.js';
import { currentPace } from './estimates.js';
import type { Pace } from './flow.js';
import { listChannel, listStream } from './order.js';
import { PRIORITY_CLASSES, type PriorityClass } from './priority-class.js';
import { serviceMs } from './queue-config.js';
import { duration, iso, reason, type Reason } from './reason.js';
import { scheduleOf, type QueueState } from './state.js';
import { spreadOf, type Spread } from './stats.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface StateCounts {
  booked: number;
  holding: number;
  waiting: number;
  called: number;
}

export interface BacklogFigures {
  /** Backlog trucks in the order. */
  waiting: number;
  /** Arrived trucks holding (papers or staff), who will join when cleared; not in the clearance time. */
  holding: number;
  releaseRatePerHour: number | null;
  /** What the open lanes clear an hour of the backlog's channel mix at their nominal rates. */
  laneCapacityPerHour: number;
  /** The lesser of the two: the rate the backlog can leave at. */
  effectiveRatePerHour: number;
  /** Open hours until the backlog in the order is called at that rate; null when it never is. */
  clearanceHours: number | null;
  /** The instant, counting opening hours; null when never. */
  clearanceAt: number | null;
  reasons: Reason[];
}

export interface BoardFigures {
  crossing: string;
  at: number;
  version: number;
  byClass: Record<PriorityClass, StateCounts>;
  total: StateCounts;
  /** Time since arrival of trucks at the crossing and not yet called (waiting and holding). */
  waitingNow: Spread;
  /** Arrival to call of the trucks called in the last 24 hours. */
  waitsOfCalledLastDay: Spread;
  throughput: {
    callsLastHour: number;
    callsLastDay: number;
    /** Exponentially smoothed over about an hour (flow.ts). */
    smoothedPerHour: number;
  };
  backlog: BacklogFigures;
  pace: Pace;
  /** How close the estimates of the trucks called in the last 24 hours came: the first each had, and the latest. */
  accuracy: { first: AccuracySummary; latest: AccuracySummary };
}

const zeroCounts = (): StateCounts => ({ booked: 0, holding: 0, waiting: 0, called: 0 });

function backlogFigures(state: QueueState, now: number, holding: number): BacklogFigures {
  const perChannel = [0, 0, 0];
  state.order.forEach((list, l) => {
    if (listStream(l) === 'backlog') perChannel[CHANNELS.indexOf(listChannel(l))]! += list.size;
  });
  const waiting = perChannel[0]! + perChannel[1]! + perChannel[2]!;
  let laneCapacityPerHour = 0;
  for (const lane of state.lanes) {
    if (!lane.open) continue;
    // Mean time per truck of the mix, over the channels this lane takes.
    let trucks = 0;
    let time = 0;
    CHANNELS.forEach((channel, c) => {
      if (!lane.mask[c]) return;
      trucks += perChannel[c]!;
      time += perChannel[c]! * serviceMs(lane.config, channel);
    });
    if (trucks > 0) laneCapacityPerHour += (trucks * HOUR) / time;
  }
  const rate = state.bucket.ratePerHour;
  const effectiveRatePerHour = Math.min(rate ?? Infinity, laneCapacityPerHour);
  const reasons: Reason[] = [];
  let clearanceHours: number | null;
  let clearanceAt: number | null;
  if (waiting === 0) {
    clearanceHours = 0;
    clearanceAt = now;
    reasons.push(reason('NO_BACKLOG', 'no backlog truck is in the order'));
  } else if (!(effectiveRatePerHour > 0)) {
    clearanceHours = null;
    clearanceAt = null;
    reasons.push(reason('BACKLOG_STOPPED', rate === 0 ? 'the release rate is 0: the backlog is stopped' : 'no open lane takes the backlog\'s channels'));
  } else {
    clearanceHours = waiting / effectiveRatePerHour;
    clearanceAt = scheduleOf(state).addOpenTime(now, clearanceHours * HOUR);
    const limit = rate !== null && rate <= laneCapacityPerHour ? `the release rate, ${rate} an hour` : `the lanes, ${laneCapacityPerHour.toFixed(1)} an hour for this mix`;
    reasons.push(
      reason('CLEARANCE', `${waiting} backlog trucks at ${effectiveRatePerHour.toFixed(1)} an hour (limited by ${limit}): ${duration(clearanceHours * HOUR)} of open time, by ${iso(clearanceAt)}`),
      reason('ASSUMES', 'if the lanes keep their nominal pace and booked trucks take only what the release rate leaves; trucks holding join later and are not counted'),
    );
  }
  return { waiting, holding, releaseRatePerHour: rate, laneCapacityPerHour, effectiveRatePerHour, clearanceHours, clearanceAt, reasons };
}

/** Whether a status is one the board counts: the truck is still to be served. */
function isCounted(status: string): status is keyof StateCounts {
  return status === 'booked' || status === 'holding' || status === 'waiting' || status === 'called';
}

/** The trucks of the queue still to be served, by state. */
export function liveCounts(state: QueueState): StateCounts {
  const total = zeroCounts();
  for (const entry of state.entries.values()) if (isCounted(entry.status)) total[entry.status]++;
  return total;
}

export function boardFigures(state: QueueState, now: number): BoardFigures {
  const byClass = Object.fromEntries(PRIORITY_CLASSES.map((c) => [c, zeroCounts()])) as Record<PriorityClass, StateCounts>;
  const total = zeroCounts();
  const waits: number[] = [];
  let backlogHolding = 0;
  for (const entry of state.entries.values()) {
    const status = entry.status;
    if (!isCounted(status)) continue;
    byClass[entry.priorityClass][status]++;
    total[status]++;
    if ((status === 'waiting' || status === 'holding') && entry.arrivedAt !== null) waits.push(Math.max(0, now - entry.arrivedAt));
    if (status === 'holding' && entry.arrivedAt !== null) backlogHolding++;
  }
  const lastDay = state.recentCalls.filter((call) => call.at >= now - DAY && call.at <= now);
  return {
    crossing: state.config.crossing,
    at: now,
    version: state.version,
    byClass,
    total,
    waitingNow: spreadOf(waits),
    waitsOfCalledLastDay: spreadOf(lastDay.map((call) => call.waitedMs)),
    throughput: {
      callsLastHour: lastDay.filter((call) => call.at >= now - HOUR).length,
      callsLastDay: lastDay.length,
      smoothedPerHour: currentPace(state, now).throughputPerHour,
    },
    backlog: backlogFigures(state, now, backlogHolding),
    pace: currentPace(state, now),
    accuracy: { first: summariseAccuracy(state.accuracy, 'first', now - DAY), latest: summariseAccuracy(state.accuracy, 'latest', now - DAY) },
  };
}
