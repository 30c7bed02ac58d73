import { describe, expect, it } from 'vitest';
import { refreshEstimates } from './estimates.js';
import { publicLookup } from './public-lookup.js';
import { apply, call, checkInCommand, HOUR, lane, READY, T0, testQueue } from './test-support.js';

describe('publicLookup', () => {
  it('shows position, estimate and status, and nothing else', () => {
    const state = testQueue({ lanes: [lane('L1', 6)] });
    apply(state, checkInCommand(1, T0));
    apply(state, checkInCommand(2, T0));
    refreshEstimates(state, T0);
    const seen = publicLookup(state, '002 abc', 'code-2');
    expect(seen).toEqual({ found: true, status: 'waiting', position: 2, estimatedCallAt: T0 + HOUR / 6 });
    expect(Object.keys(seen).sort()).toEqual(['estimatedCallAt', 'found', 'position', 'status']);
    call(state, 'L1', T0);
    // The position is live; the estimate waits for the next refresh.
    expect(publicLookup(state, '002ABC', 'code-2')).toMatchObject({ position: 1 });
    expect(publicLookup(state, '001ABC', 'code-1')).toEqual({ found: true, status: 'called', position: null, estimatedCallAt: T0 });
  });

  it('answers a wrong code exactly as an unknown plate', () => {
    const state = testQueue();
    apply(state, checkInCommand(1, T0));
    expect(publicLookup(state, '001ABC', 'code-2')).toEqual({ found: false });
    expect(publicLookup(state, 'NOPE', 'code-1')).toEqual({ found: false });
    expect(publicLookup(state, '', '')).toEqual({ found: false });
  });

  it('finds a booking by its code, and says holding without saying why', () => {
    const state = testQueue();
    apply(state, { kind: 'book', at: T0, by: 'haulier', truck: { plate: 'B 1', country: 'RU' }, declarationId: 'DB', channel: 'red', facts: { ...READY, declarationComplete: false }, booking: { code: 'BK-7', slotStart: T0, slotEnd: T0 + HOUR } });
    expect(publicLookup(state, 'b1', 'BK-7')).toEqual({ found: true, status: 'booked', position: null, estimatedCallAt: null });
    apply(state, { ...checkInCommand(5, T0), truck: { plate: 'B1', country: 'RU' }, declarationId: 'DB', facts: { ...READY, declarationComplete: false }, lookupCode: undefined });
    expect(publicLookup(state, 'B1', 'BK-7')).toEqual({ found: true, status: 'holding', position: null, estimatedCallAt: null });
  });
});
