/**
 * Low battery, per seal, with hysteresis: low when the reported charge falls below `batteryLowPercent`, recovered
 * only at `batteryLowPercent + batteryRestoreMarginPercent` or more, because a cell's reading sags under load and
 * recovers at rest and would otherwise raise the warning again and again around the mark. A seal that reports a
 * voltage and no charge (EGTS state data) is judged by `batteryLowVolts` and its margin the same way.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected, type EventValue } from '../events.js';
import { BATTERY_LOW, BATTERY_OK, type BatteryState } from '../state.js';
import type { TripThresholds } from '../thresholds.js';
import type { Trip } from '../trip.js';

const RULE = 'battery.hysteresis';
const FINE = idle(BATTERY_OK);
const STILL_LOW = idle(BATTERY_LOW);

export function detectBattery(state: BatteryState, p: Position, trip: Trip): Detected<BatteryState> {
  const current = state;
  const unchanged = current === BATTERY_OK ? FINE : current === BATTERY_LOW ? STILL_LOW : { state: current, events: NO_EVENTS };
  const reading = batteryReading(p, trip.thresholds);
  if (reading === undefined) return unchanged;
  const { value, low, restore, unit } = reading;
  const params: Record<string, EventValue> = unit === 'percent' ? { batteryLowPercent: low, batteryRestorePercent: restore } : { batteryLowVolts: low, batteryRestoreVolts: restore };
  if (!current.low && value < low) {
    return { state: BATTERY_LOW, events: [trackingEvent(trip.id, 'battery-low', p.deviceTime, positionOf(p), RULE, params, { deviceId: p.deviceId, [unit]: value }, p.deviceId)] };
  }
  if (current.low && value >= restore) {
    return { state: BATTERY_OK, events: [trackingEvent(trip.id, 'battery-restored', p.deviceTime, positionOf(p), RULE, params, { deviceId: p.deviceId, [unit]: value }, p.deviceId)] };
  }
  return unchanged;
}

/** The charge when the seal reports one, else its voltage; with the marks it is judged by. */
function batteryReading(p: Position, t: TripThresholds): { value: number; low: number; restore: number; unit: 'percent' | 'volts' } | undefined {
  const percent = p.seal?.batteryPercent;
  if (percent !== undefined && Number.isFinite(percent)) {
    return { value: percent, low: t.batteryLowPercent, restore: t.batteryLowPercent + t.batteryRestoreMarginPercent, unit: 'percent' };
  }
  const volts = p.seal?.batteryVolts;
  if (volts !== undefined && Number.isFinite(volts)) {
    return { value: volts, low: t.batteryLowVolts, restore: t.batteryLowVolts + t.batteryRestoreMarginVolts, unit: 'volts' };
  }
  return undefined;
}
