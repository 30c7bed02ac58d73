import { describe, expect, it } from 'vitest';
import { offsetM } from '../../geo/index.js';
import type { Position } from '../../model/position.js';
import { createTripState, type StopState } from '../state.js';
import { demoTrip, fixAt, fixOf, HOUR, MINUTE, T0 } from '../test-support.js';
import { detectStop } from './stop.js';

const trip = demoTrip('bishkek-almaty');

/** Stands at `alongM` (`lateralM` aside) for `ms`, a fix every 5 minutes, then drives off; returns the events. */
function standThere(alongM: number, ms: number, options: { lateralM?: number; outsideCorridor?: boolean; drift?: number } = {}) {
  let state: StopState = createTripState(trip).stop;
  const events: Array<{ type: string; at: number; details: Record<string, unknown> }> = [];
  const feed = (p: Position): void => {
    const r = detectStop(state, { ...fixOf(trip, p), alongM }, trip, options.outsideCorridor ?? false);
    state = r.state;
    events.push(...r.events.map((e) => ({ type: e.type, at: e.at, details: e.details })));
  };
  for (let t = 0; t <= ms; t += 5 * MINUTE) {
    const p = fixAt(trip, alongM, T0 + t, { speed: 0, lateralM: options.lateralM ?? 30 });
    const drift = options.drift ?? 0;
    feed({ ...p, ...offsetM(p, drift * Math.sin(t), drift * Math.cos(t)) });
  }
  feed(fixAt(trip, alongM + 1_000, T0 + ms + MINUTE, { speed: 60 }));
  return { events, state };
}

describe('long stops', () => {
  it('reports a three-hour roadside stop once at the threshold, and its end when the truck moves on', () => {
    const r = standThere(100_000, 3 * HOUR, { drift: 15 });
    expect(r.events.map((e) => [e.type, e.at])).toEqual([
      ['long-stop', T0 + trip.thresholds.maxStopMs],
      ['long-stop-ended', T0 + 3 * HOUR + MINUTE],
    ]);
    expect(r.events[1]!.details['durationMs']).toBe(3 * HOUR + MINUTE);
    expect(r.state.sinceMs).toBeNull();
  });

  it('lets a 45-minute break by the road pass', () => {
    expect(standThere(100_000, 45 * MINUTE).events).toEqual([]);
  });

  it('excuses stops in designated parking, in the queue before a crossing, and off the corridor (already an alarm)', () => {
    const parkingKm = 120;
    expect(standThere(parkingKm * 1_000, 10 * HOUR, { lateralM: 100 }).events).toEqual([]);
    const crossingAlong = trip.declaredCrossingAlongM!;
    const queue = standThere(crossingAlong - 12_000, 5 * HOUR);
    expect(queue.events).toEqual([]);
    expect(standThere(60_000, 2 * HOUR, { lateralM: 5_000, outsideCorridor: true }).events).toEqual([]);
  });

  it('starts a new stop when a slow truck has moved beyond the stop radius', () => {
    let state = createTripState(trip).stop;
    const a = fixAt(trip, 100_000, T0, { speed: 0 });
    state = detectStop(state, fixOf(trip, a), trip, false).state;
    const b = fixAt(trip, 100_500, T0 + 10 * MINUTE, { speed: 3 });
    state = detectStop(state, fixOf(trip, b), trip, false).state;
    expect(state.sinceMs).toBe(10 * MINUTE);
  });
});
