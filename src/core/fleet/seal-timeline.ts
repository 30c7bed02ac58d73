/**
 * What the seal itself reports over a trip: the lock (closed from arming to the office of destination, except
 * when the doors are opened on the way), the tamper and cable alarms, and the battery running down.
 */

/** A charge below this is low; trucks with the low-battery misbehaviour fall below it on the way. */
export const LOW_BATTERY_PERCENT = 15;

export interface SealTimeline {
  /** The lock opens for good at the office of destination. */
  unsealedAt: number;
  door?: { from: number; to: number };
  tamper?: { from: number; to: number };
  cableCutAt?: number;
  battery: { at: number; percent: number; drainPerHour: number };
}

export interface SealReading {
  locked: boolean;
  tamper: boolean;
  cableCut: boolean;
  /** Whole percent. */
  batteryPercent: number;
  /** Volts, to the hundredth. */
  batteryVolts: number;
}

export type SealEvent = 'door-opened' | 'door-closed' | 'tamper' | 'tamper-cleared' | 'cable-cut' | 'low-battery' | 'unsealed';

const HOUR = 3_600_000;
const within = (span: { from: number; to: number } | undefined, t: number): boolean =>
  span !== undefined && t >= span.from && t < span.to;

export function batteryPercentAt(timeline: SealTimeline, t: number): number {
  const { at, percent, drainPerHour } = timeline.battery;
  return Math.max(1, percent - (drainPerHour * Math.max(0, t - at)) / HOUR);
}

/** When the reported (whole) percentage first shows less than LOW_BATTERY_PERCENT; undefined if never. */
export function lowBatteryAt(timeline: SealTimeline): number | undefined {
  const { at, percent, drainPerHour } = timeline.battery;
  const below = LOW_BATTERY_PERCENT - 0.5;
  if (percent < below) return at;
  if (drainPerHour <= 0) return undefined;
  return Math.ceil((at + ((percent - below) / drainPerHour) * HOUR) / 1000) * 1000;
}

export function sealAt(timeline: SealTimeline, t: number): SealReading {
  const percent = batteryPercentAt(timeline, t);
  return {
    locked: t < timeline.unsealedAt && !within(timeline.door, t),
    tamper: within(timeline.tamper, t),
    cableCut: timeline.cableCutAt !== undefined && t >= timeline.cableCutAt,
    batteryPercent: Math.round(percent),
    // A lithium cell's rough span from empty to full; only the trend matters to a tracker.
    batteryVolts: Math.round((3.5 + (0.7 * percent) / 100) * 100) / 100,
  };
}

/** The moments the seal reports of its own accord, in time order; `until` bounds the low-battery warning. */
export function sealEvents(timeline: SealTimeline, until: number): Array<{ time: number; event: SealEvent }> {
  const events: Array<{ time: number; event: SealEvent }> = [];
  if (timeline.door) events.push({ time: timeline.door.from, event: 'door-opened' }, { time: timeline.door.to, event: 'door-closed' });
  if (timeline.tamper) events.push({ time: timeline.tamper.from, event: 'tamper' }, { time: timeline.tamper.to, event: 'tamper-cleared' });
  if (timeline.cableCutAt !== undefined) events.push({ time: timeline.cableCutAt, event: 'cable-cut' });
  const low = lowBatteryAt(timeline);
  if (low !== undefined && low < until && low > timeline.battery.at) events.push({ time: low, event: 'low-battery' });
  events.push({ time: timeline.unsealedAt, event: 'unsealed' });
  return events.sort((a, b) => a.time - b.time);
}
