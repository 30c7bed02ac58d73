import { describe, expect, it } from 'vitest';
import { offsetM } from '../../geo/index.js';
import { NO_JUMP, createTripState, type TripState } from '../state.js';
import { demoTrip, fixAt, stateAt, T0 } from '../test-support.js';
import { detectImplausibleJump } from './implausible-jump.js';

const trip = demoTrip('bishkek-almaty');
const anchor = fixAt(trip, 50_000, T0);
const previous: TripState = stateAt(trip, anchor);

describe('implausible jumps', () => {
  it('accepts the first fix and fixes a truck can reach', () => {
    expect(detectImplausibleJump(NO_JUMP, anchor, trip, createTripState(trip)).accepted).toBe(true);
    const next = fixAt(trip, 51_200, T0 + 60_000);
    expect(detectImplausibleJump(NO_JUMP, next, trip, previous)).toMatchObject({ accepted: true, events: [] });
  });

  it('never calls a move within GPS error a jump, even in the same second', () => {
    const nearby = { ...anchor, ...offsetM(anchor, 400, 300), deviceTime: T0 };
    expect(detectImplausibleJump(NO_JUMP, nearby, trip, previous).accepted).toBe(true);
  });

  it('rejects a fix 300 km away a minute later, once per episode, and ends the episode on a plausible fix', () => {
    const spoofed = { ...anchor, ...offsetM(anchor, 300_000, 0), deviceTime: T0 + 60_000 };
    const first = detectImplausibleJump(NO_JUMP, spoofed, trip, previous);
    expect(first.accepted).toBe(false);
    expect(first.events.map((e) => e.type)).toEqual(['implausible-jump']);
    expect(first.events[0]!.details).toMatchObject({ distanceM: 300_000, speedKmh: 18_000 });
    const second = detectImplausibleJump(first.state, { ...spoofed, ...offsetM(anchor, 10_000, 90_000), deviceTime: T0 + 120_000 }, trip, previous);
    expect(second).toMatchObject({ accepted: false, events: [] });
    const back = detectImplausibleJump(second.state, fixAt(trip, 52_000, T0 + 180_000), trip, previous);
    expect(back).toMatchObject({ accepted: true, events: [], state: NO_JUMP });
  });

  it('takes a new location that consecutive fixes agree on (re-anchoring)', () => {
    let state = NO_JUMP;
    const accepted: boolean[] = [];
    for (let k = 1; k <= 3; k++) {
      const shifted = { ...anchor, ...offsetM(anchor, 50_000 + k * 1_000, 0), deviceTime: T0 + k * 60_000 };
      const decision = detectImplausibleJump(state, shifted, trip, previous);
      state = decision.state;
      accepted.push(decision.accepted);
    }
    expect(accepted).toEqual([false, false, true]);
    expect(state).toBe(NO_JUMP);
  });
});
