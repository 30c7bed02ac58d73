import { describe, expect, it } from 'vitest';
import type { SealState } from '../../model/position.js';
import { ARMED_SEAL, type SealFlags } from '../state.js';
import { demoTrip, fixAt, MINUTE, T0 } from '../test-support.js';
import { detectSeal } from './seal.js';

const trip = demoTrip('bishkek-almaty');

function run(readings: Array<SealState | undefined>, options: { late?: boolean[]; opening?: boolean[]; from?: SealFlags } = {}) {
  let state: SealFlags = options.from ?? ARMED_SEAL;
  const events: Array<[string, number, boolean]> = [];
  readings.forEach((seal, i) => {
    const p = { ...fixAt(trip, 50_000, T0 + i * MINUTE), seal };
    const r = detectSeal(state, p, trip, options.late?.[i] ?? false, options.opening?.[i] ?? false);
    state = r.state;
    events.push(...r.events.map((e): [string, number, boolean] => [e.type, (e.at - T0) / MINUTE, e.details['late'] === true]));
  });
  return { events, state };
}

const locked = { locked: true, tamper: false, cableCut: false };

describe('seal', () => {
  it('raises an opening on the road as an alarm, and its closing as info', () => {
    const r = run([locked, { ...locked, locked: false }, { ...locked, locked: false }, locked]);
    expect(r.events).toEqual([
      ['seal-opened', 1, false],
      ['seal-closed', 3, false],
    ]);
    expect(r.state.opening).toBeNull();
  });

  it('takes an opening where the seal may be opened (the destination office) as authorised, not an alarm', () => {
    const r = run([locked, { ...locked, locked: false }], { opening: [true, true] });
    expect(r.events).toEqual([['seal-opened-authorised', 1, false]]);
    expect(r.state.opening).toBe('authorised');
  });

  it('raises tamper and a cut cable once each, on the rising edge', () => {
    const r = run([locked, { ...locked, tamper: true }, { ...locked, tamper: true }, locked, { ...locked, cableCut: true }, { ...locked, cableCut: true }]);
    expect(r.events).toEqual([
      ['seal-tamper', 1, false],
      ['seal-cable-cut', 4, false],
    ]);
  });

  it('changes nothing for fields a device model does not report', () => {
    const r = run([undefined, {}, { batteryPercent: 50 }]);
    expect(r.events).toEqual([]);
    expect(r.state).toBe(ARMED_SEAL);
  });

  it('raises a breach a late fix shows, once, unless the state already shows it', () => {
    const tamper = { ...locked, tamper: true };
    const r = run([locked, tamper, tamper, locked, tamper], { late: [false, true, true, false, true] });
    // The later late tampers (minutes 2 and 4) are within the fold window of the one raised at minute 1.
    expect(r.events).toEqual([['seal-tamper', 1, true]]);
    const already = run([tamper, tamper], { late: [false, true] });
    expect(already.events).toEqual([['seal-tamper', 0, false]]);
  });

  it('judges a late opening by the late fix being in an opening place', () => {
    expect(run([locked, { ...locked, locked: false }], { late: [false, true], opening: [false, true] }).events).toEqual([]);
    expect(run([locked, { ...locked, locked: false }], { late: [false, true] }).events).toEqual([['seal-opened', 1, true]]);
  });
});
