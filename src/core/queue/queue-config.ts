/**
 * What a crossing's queue is set up with: lanes and their capacity by channel, opening hours, the head starts of
 * the ordering rule, the no-show rule, the booking grace, the backlog release rate's burst, and how much history
 * the estimates' accuracy keeps. Built from the model's BorderCrossing with defaults, or given in full (the
 * what-if simulator builds its own).
 */
import type { Issue } from '../model/issue.js';
import type { BorderCrossing, OperatingHours } from '../model/places.js';
import { DEFAULT_HEAD_STARTS, type HeadStarts } from './ageing.js';
import { CHANNELS, type ChannelCapacity } from './channel.js';
import { isKnownTimeZone } from './opening-schedule.js';
import { PRIORITY_CLASSES } from './priority-class.js';
import { issue } from './reason.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface LaneConfig {
  id: string;
  capacityPerHour: ChannelCapacity;
}

export interface NoShowRule {
  /** How long a called truck has to reach its lane before it counts as a no-show. */
  timeoutMs: number;
  /** After a first no-show the truck goes back behind this many trucks of the order. */
  moveBackBy: number;
  /** After this many no-shows the truck leaves the queue (a new check-in brings it back, at the end). */
  dropAfter: number;
}

export interface QueueConfig {
  crossing: string;
  lanes: LaneConfig[];
  operatingHours: OperatingHours | null;
  headStarts: HeadStarts;
  noShow: NoShowRule;
  /** A booked truck arriving up to this long after its slot ends still counts as booked. */
  bookingGraceMs: number;
  backlog: {
    /** Backlog trucks called per hour at most; null means no limit. */
    ratePerHour: number | null;
    /** Tokens the bucket holds at most: how many backlog calls may come at once. */
    burst: number;
  };
  /** Estimate-against-actual records kept for the accuracy summary. */
  accuracyWindow: number;
  /** Time constant of the measured flow's exponential smoothing. */
  flowTimeConstantMs: number;
}

/**
 * How a lane's one capacity figure in the reference data splits by channel: the figure is taken as the rate of a
 * document check (yellow); a green truck, released on its papers and seal, needs two-thirds of that time, and a red
 * one, unloaded and inspected, four times as long. Modelling assumptions, to be replaced by a crossing's measured
 * rates.
 */
export const DEFAULT_CHANNEL_FACTORS: ChannelCapacity = Object.freeze({ green: 1.5, yellow: 1, red: 0.25 });

export const DEFAULT_NO_SHOW: NoShowRule = Object.freeze({ timeoutMs: 20 * MINUTE, moveBackBy: 5, dropAfter: 3 });

export interface QueueConfigOptions {
  channelFactors?: ChannelCapacity;
  headStarts?: HeadStarts;
  noShow?: Partial<NoShowRule>;
  bookingGraceMs?: number;
  backlogRatePerHour?: number | null;
  backlogBurst?: number;
  accuracyWindow?: number;
  flowTimeConstantMs?: number;
}

/** A crossing's queue configuration from the model's crossing, with the defaults above. */
export function queueConfigFor(crossing: BorderCrossing, options: QueueConfigOptions = {}): QueueConfig {
  const factors = options.channelFactors ?? DEFAULT_CHANNEL_FACTORS;
  return {
    crossing: crossing.code,
    lanes: crossing.lanes.map((lane) => ({
      id: lane.id,
      capacityPerHour: {
        green: lane.capacityPerHour * factors.green,
        yellow: lane.capacityPerHour * factors.yellow,
        red: lane.capacityPerHour * factors.red,
      },
    })),
    operatingHours: crossing.operatingHours ?? null,
    headStarts: options.headStarts ?? DEFAULT_HEAD_STARTS,
    noShow: { ...DEFAULT_NO_SHOW, ...options.noShow },
    bookingGraceMs: options.bookingGraceMs ?? 30 * MINUTE,
    backlog: {
      ratePerHour: options.backlogRatePerHour ?? null,
      // Every lane may take a backlog truck at once, but no more than that.
      burst: options.backlogBurst ?? Math.max(1, crossing.lanes.length),
    },
    accuracyWindow: options.accuracyWindow ?? 5000,
    flowTimeConstantMs: options.flowTimeConstantMs ?? HOUR,
  };
}

const finiteAtLeast = (value: number, min: number) => Number.isFinite(value) && value >= min;

/** Everything wrong with a configuration; empty when it can run a queue. */
export function validateQueueConfig(config: QueueConfig): Issue[] {
  const issues: Issue[] = [];
  if (config.crossing.length === 0) issues.push(issue('REQUIRED', 'crossing', 'the crossing code is empty'));
  if (config.lanes.length === 0) issues.push(issue('NO_LANES', 'lanes', 'a queue needs at least one lane'));
  const ids = new Set<string>();
  config.lanes.forEach((lane, i) => {
    if (lane.id.length === 0) issues.push(issue('REQUIRED', `lanes[${i}].id`, 'the lane id is empty'));
    if (ids.has(lane.id)) issues.push(issue('DUPLICATE_LANE', `lanes[${i}].id`, `lane ${lane.id} appears twice`));
    ids.add(lane.id);
    for (const channel of CHANNELS) {
      const capacity = lane.capacityPerHour[channel];
      if (!finiteAtLeast(capacity, 0) || capacity > 10_000) {
        issues.push(issue('BAD_CAPACITY', `lanes[${i}].capacityPerHour.${channel}`, `a capacity is 0 to 10,000 trucks an hour, got ${capacity}`));
      }
    }
    if (CHANNELS.every((channel) => !(lane.capacityPerHour[channel] > 0))) {
      issues.push(issue('LANE_TAKES_NOTHING', `lanes[${i}].capacityPerHour`, `lane ${lane.id} takes no channel`));
    }
  });
  if (config.operatingHours !== null && !isKnownTimeZone(config.operatingHours.timeZone)) {
    issues.push(issue('UNKNOWN_TIME_ZONE', 'operatingHours.timeZone', `unknown time zone ${config.operatingHours.timeZone}`));
  }
  for (const priorityClass of PRIORITY_CLASSES) {
    if (!finiteAtLeast(config.headStarts[priorityClass], 0)) {
      issues.push(issue('BAD_HEAD_START', `headStarts.${priorityClass}`, 'a head start is a finite number of milliseconds, 0 or more'));
    }
  }
  if (!finiteAtLeast(config.noShow.timeoutMs, 0)) issues.push(issue('BAD_NO_SHOW', 'noShow.timeoutMs', 'the no-show timeout is 0 or more'));
  if (!Number.isInteger(config.noShow.moveBackBy) || config.noShow.moveBackBy < 0) {
    issues.push(issue('BAD_NO_SHOW', 'noShow.moveBackBy', 'trucks to move back behind is a whole number, 0 or more'));
  }
  if (!Number.isInteger(config.noShow.dropAfter) || config.noShow.dropAfter < 1) {
    issues.push(issue('BAD_NO_SHOW', 'noShow.dropAfter', 'no-shows before leaving the queue is a whole number, 1 or more'));
  }
  if (!finiteAtLeast(config.bookingGraceMs, 0)) issues.push(issue('BAD_GRACE', 'bookingGraceMs', 'the booking grace is 0 or more'));
  const rate = config.backlog.ratePerHour;
  if (rate !== null && !finiteAtLeast(rate, 0)) issues.push(issue('BAD_RATE', 'backlog.ratePerHour', 'the release rate is null or 0 or more'));
  if (!finiteAtLeast(config.backlog.burst, 1)) issues.push(issue('BAD_BURST', 'backlog.burst', 'the burst is at least 1'));
  if (!Number.isInteger(config.accuracyWindow) || config.accuracyWindow < 1) {
    issues.push(issue('BAD_WINDOW', 'accuracyWindow', 'the accuracy window is a whole number, 1 or more'));
  }
  if (!finiteAtLeast(config.flowTimeConstantMs, 1)) issues.push(issue('BAD_TIME_CONSTANT', 'flowTimeConstantMs', 'the time constant is positive'));
  return issues;
}

/** Nominal time a lane is busy with one truck of a channel: 3600 / capacity seconds; Infinity when it does not take it. */
export function serviceMs(lane: LaneConfig, channel: keyof ChannelCapacity): number {
  const capacity = lane.capacityPerHour[channel];
  return capacity > 0 ? HOUR / capacity : Infinity;
}
