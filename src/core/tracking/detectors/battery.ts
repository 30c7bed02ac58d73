/**
 * Low battery, per seal, with hysteresis: low when the reported charge falls below `batteryLowPercent`, recovered
 * only at `batteryLowPercent + batteryRestoreMarginPercent` or more, because a cell's reading sags under load and
 * recovers at rest and would otherwise raise the warning again and again around the mark. A seal that reports a
 * voltage and no charge (EGTS state data) is judged by `batteryLowVolts` and its margin the same way.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected, type EventValue, type TrackingEvent } from '../events.js';
import { BATTERY_LOW, BATTERY_OK, type BatteryState } from '../state.js';
import type { Trip } from '../trip.js';

const RULE = 'battery.hysteresis';
const FINE = idle(BATTERY_OK);
const STILL_LOW = idle(BATTERY_LOW);

export function detectBattery(state: BatteryState, p: Position, trip: Trip): Detected<BatteryState> {
  const current = state;
  const unchanged = current === BATTERY_OK ? FINE : current === BATTERY_LOW ? STILL_LOW : { state: current, events: NO_EVENTS };
  // Judged on plain numbers: nearly every reading changes nothing, and then nothing is built.
  const t = trip.thresholds;
  const percent = p.seal?.batteryPercent;
  const byPercent = percent !== undefined && Number.isFinite(percent);
  const volts = p.seal?.batteryVolts;
  if (!byPercent && !(volts !== undefined && Number.isFinite(volts))) return unchanged;
  const value = byPercent ? percent : volts!;
  const low = byPercent ? t.batteryLowPercent : t.batteryLowVolts;
  const restore = byPercent ? t.batteryLowPercent + t.batteryRestoreMarginPercent : t.batteryLowVolts + t.batteryRestoreMarginVolts;
  if (!current.low && value < low) return { state: BATTERY_LOW, events: [batteryEvent('battery-low', p, trip, byPercent, value, low, restore)] };
  if (current.low && value >= restore) return { state: BATTERY_OK, events: [batteryEvent('battery-restored', p, trip, byPercent, value, low, restore)] };
  return unchanged;
}

/** The event, naming the marks the reading was judged by: the charge's when the seal reports one, else the voltage's. */
function batteryEvent(type: 'battery-low' | 'battery-restored', p: Position, trip: Trip, byPercent: boolean, value: number, low: number, restore: number): TrackingEvent {
  const params: Record<string, EventValue> = byPercent ? { batteryLowPercent: low, batteryRestorePercent: restore } : { batteryLowVolts: low, batteryRestoreVolts: restore };
  const unit = byPercent ? 'percent' : 'volts';
  return trackingEvent(trip.id, type, p.deviceTime, positionOf(p), RULE, params, { deviceId: p.deviceId, [unit]: value }, p.deviceId);
}
