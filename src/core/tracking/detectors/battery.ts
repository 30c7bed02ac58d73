/**
 * Low battery, per seal, with hysteresis: low when the reported charge falls below `batteryLowPercent`, recovered
 * only at `batteryLowPercent + batteryRestoreMarginPercent` or more, because a cell's reading sags under load and
 * recovers at rest and would otherwise raise the warning again and again around the mark.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected } from '../events.js';
import { BATTERY_LOW, BATTERY_OK, type BatteryState } from '../state.js';
import type { Trip } from '../trip.js';

const RULE = 'battery.hysteresis';
const FINE = idle(BATTERY_OK);
const STILL_LOW = idle(BATTERY_LOW);

export function detectBattery(state: BatteryState, p: Position, trip: Trip): Detected<BatteryState> {
  const current = state;
  const percent = p.seal?.batteryPercent;
  const unchanged = current === BATTERY_OK ? FINE : current === BATTERY_LOW ? STILL_LOW : { state: current, events: NO_EVENTS };
  if (percent === undefined || !Number.isFinite(percent)) return unchanged;
  const low = trip.thresholds.batteryLowPercent;
  const restore = low + trip.thresholds.batteryRestoreMarginPercent;
  const params = { batteryLowPercent: low, batteryRestorePercent: restore };
  if (!current.low && percent < low) {
    return { state: BATTERY_LOW, events: [trackingEvent(trip.id, 'battery-low', p.deviceTime, positionOf(p), RULE, params, { deviceId: p.deviceId, percent }, p.deviceId)] };
  }
  if (current.low && percent >= restore) {
    return { state: BATTERY_OK, events: [trackingEvent(trip.id, 'battery-restored', p.deviceTime, positionOf(p), RULE, params, { deviceId: p.deviceId, percent }, p.deviceId)] };
  }
  return unchanged;
}
