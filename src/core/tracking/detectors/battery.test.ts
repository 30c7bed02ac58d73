import { describe, expect, it } from 'vitest';
import { BATTERY_OK, type BatteryState } from '../state.js';
import { demoTrip, fixAt, T0 } from '../test-support.js';
import { detectBattery } from './battery.js';

const trip = demoTrip('bishkek-almaty');

function run(percents: Array<number | undefined>): string[] {
  let state: BatteryState = BATTERY_OK;
  const out: string[] = [];
  percents.forEach((batteryPercent, i) => {
    const p = fixAt(trip, 0, T0 + i * 60_000);
    const r = detectBattery(state, { ...p, seal: batteryPercent === undefined ? {} : { batteryPercent } }, trip);
    state = r.state;
    out.push(...r.events.map((e) => `${e.type}@${i}`));
  });
  return out;
}

describe('low battery', () => {
  it('is raised below the mark and cleared only at the mark plus the margin', () => {
    expect(run([40, 16, 15, 14, 13, 17, 19, 20, 21])).toEqual(['battery-low@3', 'battery-restored@7']);
  });

  it('raises once for a reading that wobbles around the mark', () => {
    expect(run([16, 14, 16, 14, 15, 13, 16, 14])).toEqual(['battery-low@1']);
  });

  it('ignores positions without a battery reading', () => {
    expect(run([undefined, 10, undefined])).toEqual(['battery-low@1']);
  });

  it('judges a seal that reports only a voltage by the voltage marks, and a charge before a voltage', () => {
    let state: BatteryState = BATTERY_OK;
    const out: string[] = [];
    const seals = [{ batteryVolts: 3.9 }, { batteryVolts: 3.62 }, { batteryVolts: 3.58 }, { batteryVolts: 3.61 }, { batteryVolts: 3.66 }, { batteryVolts: 3.5, batteryPercent: 60 }];
    seals.forEach((seal, i) => {
      const r = detectBattery(state, { ...fixAt(trip, 0, T0 + i * 60_000), seal }, trip);
      state = r.state;
      out.push(...r.events.map((e) => `${e.type}@${i}:${JSON.stringify(e.details.volts ?? e.details.percent)}`));
    });
    expect(out).toEqual(['battery-low@2:3.58', 'battery-restored@4:3.66']);
  });
});
