/**
 * Low battery, per seal, with hysteresis: low when the reported charge falls below `batteryLowPercent`, recovered
 * only at `batteryLowPercent + batteryRestoreMarginPercent` or more, because a cell's reading sags under load and
 * recovers at rest and would otherwise raise the warning again and again around the mark.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected } from '../events.js';
import type { BatteryState } from '../state.js';
import type { Trip } from '../trip.js';

export interface BatteryInput {
  position: Position;
}

const NOT_LOW: BatteryState = Object.freeze({ low: false }) as BatteryState;
const LOW: BatteryState = Object.freeze({ low: true }) as BatteryState;
const RULE = 'battery.hysteresis';

export function detectBattery(state: BatteryState | undefined, input: BatteryInput, trip: Trip): Detected<BatteryState> {
  const current = state ?? NOT_LOW;
  const p = input.position;
  const percent = p.seal?.batteryPercent;
  if (percent === undefined || !Number.isFinite(percent)) return { state: current, events: NO_EVENTS };
  const low = trip.thresholds.batteryLowPercent;
  const restore = low + trip.thresholds.batteryRestoreMarginPercent;
  const params = { batteryLowPercent: low, batteryRestorePercent: restore };
  if (!current.low && percent < low) {
    return { state: LOW, events: [trackingEvent(trip.id, 'battery-low', p.deviceTime, positionOf(p), RULE, params, { deviceId: p.deviceId, percent }, p.deviceId)] };
  }
  if (current.low && percent >= restore) {
    return { state: NOT_LOW, events: [trackingEvent(trip.id, 'battery-restored', p.deviceTime, positionOf(p), RULE, params, { deviceId: p.deviceId, percent }, p.deviceId)] };
  }
  return { state: current, events: NO_EVENTS };
}
