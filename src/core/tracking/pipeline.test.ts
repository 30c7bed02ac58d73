import { describe, expect, it } from 'vitest';
import { offsetM } from '../geo/index.js';
import type { Position } from '../model/position.js';
import { findCustomsOffice } from '../reference/index.js';
import type { TrackingEvent } from './events.js';
import { advance, step, type TrackingInput } from './pipeline.js';
import { replay } from './replay.js';
import { copyTripState, createTripState, type TripState } from './state.js';
import { demoTrip, fixAt, HOUR, MINUTE, roadside, stubCountries, T0, transit, withTicks, type Incident } from './test-support.js';

const trip = demoTrip('bishkek-almaty', {}, stubCountries());

/** A trip with a bit of everything: doors, a detour, silence, a spoofed fix, a draining battery; ticks every minute. */
function eventful(): TrackingInput[] {
  const incidents: Incident[] = [
    { atM: 40_000, act: (d) => { roadside(5 * MINUTE)(d); d.setSeal({ locked: false }); roadside(10 * MINUTE)(d); d.setSeal({ locked: true }); roadside(5 * MINUTE)(d); } },
    { atM: 70_000, act: (d) => d.detour(6_000, 70 * MINUTE) },
    { atM: 110_000, act: (d) => d.silently(25) },
    { atM: 150_000, act: (d) => { d.time += 30_000; d.report(70, offsetM(d.here(), 0, 250_000)); } },
  ];
  const driver = transit(trip, 'eventful', incidents, (d) => {
    d.drainPerHour = 9;
  });
  return withTicks(driver.inputs(), T0, driver.time, MINUTE);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

describe('step', () => {
  const inputs = eventful();

  it('raises the misbehaviours of an eventful trip', () => {
    const types = replay(trip, inputs).events.map((e) => e.type);
    for (const type of ['seal-opened', 'seal-closed', 'corridor-left', 'corridor-returned', 'signal-lost', 'signal-restored', 'implausible-jump', 'battery-low', 'arrived']) {
      expect(types.filter((t) => t === type), type).toHaveLength(1);
    }
  });

  it('is deterministic: replaying the same inputs gives exactly the same events and state', () => {
    const a = replay(trip, inputs);
    const b = replay(demoTrip('bishkek-almaty', {}, stubCountries()), inputs);
    expect(b.events).toEqual(a.events);
    expect(b.state).toEqual(a.state);
    expect(new Set(a.events.map((e) => e.id)).size).toBe(a.events.length);
  });

  it('survives a restart anywhere: state saved as JSON and loaded gives the same events as one run', () => {
    const whole = replay(trip, inputs).events;
    const states: TripState[] = [];
    let state = createTripState(trip);
    const before: TrackingEvent[][] = [];
    const sofar: TrackingEvent[] = [];
    for (const input of inputs) {
      states.push(state);
      before.push([...sofar]);
      const r = step(trip, state, input);
      state = r.state;
      sofar.push(...r.events);
    }
    for (let k = 0; k < inputs.length; k += 1) {
      const saved = JSON.parse(JSON.stringify(states[k])) as TripState;
      const resumed = replay(trip, inputs.slice(k), saved).events;
      expect([...before[k]!, ...resumed], `split at ${k}`).toEqual(whole);
    }
  });

  it('keeps its state plain JSON and never modifies what it is given', () => {
    let state = deepFreeze(createTripState(trip));
    for (const input of inputs.slice(0, 400)) {
      state = deepFreeze(step(trip, state, deepFreeze(input)).state);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    }
  });

  it('raises the same events with or without timer ticks, ids included', () => {
    const positionsOnly = inputs.filter((i) => i.kind === 'position');
    const withTicksRun = replay(trip, inputs).events;
    const without = replay(trip, positionsOnly).events;
    expect(without.map((e) => e.id)).toEqual(withTicksRun.map((e) => e.id));
  });

  it('needs a tick to see a loss that data never ends (a replay adds one at the time it covers up to)', () => {
    const last = inputs[inputs.length - 1]!;
    const end = (last.kind === 'tick' ? last.at : last.position.receivedTime) + 2 * HOUR;
    const positionsOnly = inputs.filter((i) => i.kind === 'position');
    const run = replay(trip, [...positionsOnly, { kind: 'tick', at: end }]);
    expect(run.events.filter((e) => e.type === 'signal-lost')).toHaveLength(2);
    expect(run.state.signal.lost).toBe(true);
  });

  it('rejects inputs with no usable time and refuses a state of another trip', () => {
    const state = createTripState(trip);
    expect(step(trip, state, { kind: 'tick', at: Number.NaN })).toMatchObject({ state, disposition: 'rejected' });
    const p = fixAt(trip, 0, Number.NaN);
    expect(step(trip, state, { kind: 'position', position: p })).toMatchObject({ state, disposition: 'rejected' });
    expect(() => step(trip, { ...state, tripId: 'other' }, { kind: 'tick', at: T0 })).toThrow(RangeError);
  });
});

describe('advance', () => {
  const inputs = eventful();

  it('writes in place what step returns anew: the same states and events, input by input', () => {
    let pure = createTripState(trip);
    const owned = copyTripState(pure);
    for (const input of inputs) {
      const r = step(trip, pure, input);
      const events: TrackingEvent[] = [];
      expect(advance(trip, owned, input, events)).toBe(r.disposition);
      expect(events).toEqual(r.events);
      expect(owned).toEqual(r.state);
      pure = r.state;
    }
  });

  it('leaves the state and the events as they were when an input cannot be taken', () => {
    const state = replay(trip, inputs.slice(0, 200)).state;
    const before = JSON.stringify(state);
    const next = inputs.slice(200).find((i): i is Extract<TrackingInput, { kind: 'position' }> => i.kind === 'position')!;
    // The seal is read last, after the location, the corridor, the places and the country have all been judged.
    const broken = { ...next.position, get seal(): never { throw new Error('unreadable seal report'); } } as Position;
    const events: TrackingEvent[] = [];
    expect(() => advance(trip, state, { kind: 'position', position: broken }, events)).toThrow('unreadable seal report');
    expect(JSON.stringify(state)).toBe(before);
    expect(events).toEqual([]);
  });
});

describe('late and out-of-order positions', () => {
  const driver = transit(trip, 'late');
  const inOrder = driver.inputs();

  it('takes a fix not newer than the newest as late: kept out of the location, no alarm from the disorder', () => {
    // Every tenth position arrives after the next one (a device's retransmission overtaken by a live fix).
    const shuffled = [...inOrder];
    for (let i = 10; i + 1 < shuffled.length; i += 10) [shuffled[i], shuffled[i + 1]] = [shuffled[i + 1]!, shuffled[i]!];
    const run = replay(trip, shuffled);
    expect(run.dispositions.late).toBe(Math.floor((shuffled.length - 2) / 10));
    expect(run.events.filter((e) => e.severity !== 'info')).toEqual([]);
    expect(run.events.map((e) => e.type)).toEqual(replay(trip, inOrder).events.map((e) => e.type));
  });

  it('takes a resent position as late and raises nothing twice', () => {
    const doubled = inOrder.flatMap((i) => [i, i]);
    const once = replay(trip, inOrder);
    const twice = replay(trip, doubled);
    expect(twice.events).toEqual(once.events);
    expect(twice.dispositions.late).toBe(inOrder.length);
  });

  it('still raises a seal breach that only a late fix shows, flagged late', () => {
    const positions = inOrder.map((i) => (i as { position: Position }).position);
    const k = 200;
    const tampered = { ...positions[k]!, seal: { ...positions[k]!.seal, tamper: true } };
    const late: TrackingInput[] = [...inOrder.slice(0, k), ...inOrder.slice(k + 1, k + 3), { kind: 'position', position: tampered }, ...inOrder.slice(k + 3)];
    const run = replay(trip, late);
    const tamper = run.events.filter((e) => e.type === 'seal-tamper');
    expect(tamper).toHaveLength(1);
    expect(tamper[0]!.details['late']).toBe(true);
    expect(tamper[0]!.at).toBe(tampered.deviceTime);
  });
});

describe('seal openings are judged by where the trip is known to be', () => {
  it('calls an opening an alarm when only a spoofed fix put the truck at the destination office', () => {
    const d = transit(trip, 'spoof-open', [
      {
        atM: 100_000,
        act: (x) => {
          x.time += 30_000;
          const office = findCustomsOffice('KZ751000')!.location;
          x.setSeal({ locked: false }).report(0, office);
          x.time += 30_000;
          x.report(0, office);
          x.setSeal({ locked: true }).driveKm(1);
        },
      },
    ]);
    const types = replay(trip, d.inputs()).events.map((e) => e.type);
    expect(types.filter((t) => t === 'implausible-jump')).toHaveLength(1);
    expect(types.filter((t) => t === 'seal-opened')).toHaveLength(1);
    expect(types.filter((t) => t === 'arrived')).toHaveLength(1);
  });
});
