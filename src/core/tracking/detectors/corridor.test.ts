import { describe, expect, it } from 'vitest';
import type { Position } from '../../model/position.js';
import { createTripState, type CorridorState } from '../state.js';
import { demoTrip, fixAt, fixOf, T0 } from '../test-support.js';
import { detectCorridor } from './corridor.js';

const trip = demoTrip('bishkek-almaty');
const W = trip.corridorWidthM;

/** Runs fixes at the given distances to the left of the route, a minute apart, and returns the event types. */
function run(lateral: number[], from: CorridorState = createTripState(trip).corridor): { types: string[]; state: CorridorState } {
  let state = from;
  const types: string[] = [];
  lateral.forEach((lateralM, i) => {
    const p: Position = fixAt(trip, 60_000 + i * 1_000, T0 + i * 60_000, { lateralM });
    const r = detectCorridor(state, fixOf(trip, p), trip);
    state = r.state;
    types.push(...r.events.map((e) => e.type));
  });
  return { types, state };
}

describe('corridor hysteresis', () => {
  it('leaves after three fixes beyond the width, and comes back after two well inside', () => {
    expect(run([0, W + 200, W + 300]).types).toEqual([]);
    const left = run([0, W + 200, W + 300, W + 400]);
    expect(left.types).toEqual(['corridor-left']);
    expect(run([W + 300, 0], left.state).types).toEqual([]);
    expect(run([W + 300, 0, 0], left.state).types).toEqual(['corridor-returned']);
  });

  it('ignores fixes wandering across the edge by less than the margin, however many', () => {
    expect(run(Array.from({ length: 40 }, (_, i) => W + (i % 2 === 0 ? 30 : -20))).types).toEqual([]);
    expect(run(Array.from({ length: 40 }, () => W + 40)).types).toEqual([]);
  });

  it('restarts the count when a fix comes back inside', () => {
    expect(run([W + 300, W + 300, 0, W + 300, W + 300, 0]).types).toEqual([]);
  });

  it('leaves at once on a single fix far beyond the width', () => {
    const far = run([0, W + trip.thresholds.corridorLeaveFarM + 100]);
    expect(far.types).toEqual(['corridor-left']);
    expect(far.state.outside).toBe(true);
  });

  it('needs the way back to be inside the width less the margin, not just inside it', () => {
    const left = run([W + 3_000]).state;
    expect(run([W - 20, W - 20, W - 20], left).types).toEqual([]);
    expect(run([W - 60, W - 60], left).types).toEqual(['corridor-returned']);
  });
});
