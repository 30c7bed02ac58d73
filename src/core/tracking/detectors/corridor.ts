/**
 * Leaving the route corridor and coming back, with hysteresis so that GPS error at the corridor's edge raises
 * nothing:
 * - left after `corridorLeaveFixes` consecutive fixes beyond the width, at least one of them more than
 *   `corridorMarginM` beyond (a truck driving along the edge with a few metres of noise never gets there), or
 *   at once when one fix is `corridorLeaveFarM` beyond;
 * - back after `corridorReturnFixes` consecutive fixes within the width less the margin.
 * The event is dated at the fix that confirms it; `since` says when the first fix of the run was taken.
 */
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected } from '../events.js';
import type { Fix } from '../fix.js';
import { IN_CORRIDOR, OUT_OF_CORRIDOR, type CorridorState } from '../state.js';
import type { Trip } from '../trip.js';

const RULE = 'corridor.hysteresis';
const STILL_INSIDE = idle(IN_CORRIDOR);
const STILL_OUTSIDE = idle(OUT_OF_CORRIDOR);

function ruleParams(trip: Trip): Record<string, number> {
  const t = trip.thresholds;
  return {
    corridorWidthM: trip.corridorWidthM,
    corridorMarginM: t.corridorMarginM,
    corridorLeaveFixes: t.corridorLeaveFixes,
    corridorLeaveFarM: t.corridorLeaveFarM,
    corridorReturnFixes: t.corridorReturnFixes,
  };
}

/** What the event tells of the run of fixes that confirmed it. */
function details(fix: Fix, trip: Trip, streak: number, sinceMs: number): Record<string, number | null> {
  return { distanceM: Math.round(fix.distanceM), since: trip.openedAt + sinceMs, fixes: streak, alongM: Math.round(fix.alongM) };
}

export function detectCorridor(state: CorridorState, fix: Fix, trip: Trip): Detected<CorridorState> {
  const width = trip.corridorWidthM;
  const t = trip.thresholds;
  const d = fix.distanceM;
  const time = fix.position.deviceTime;
  if (!state.outside) {
    const beyond = d - width;
    if (beyond <= 0) return state === IN_CORRIDOR ? STILL_INSIDE : { state: IN_CORRIDOR, events: NO_EVENTS };
    const streak = state.streak + 1;
    const since = state.streakSinceMs ?? fix.ms;
    const most = Math.max(state.streakBeyondM, Math.round(beyond));
    if ((streak >= t.corridorLeaveFixes && most > t.corridorMarginM) || beyond > t.corridorLeaveFarM) {
      const event = trackingEvent(trip.id, 'corridor-left', time, positionOf(fix.position), RULE, ruleParams(trip), details(fix, trip, streak, since));
      return { state: OUT_OF_CORRIDOR, events: [event] };
    }
    return { state: { outside: false, streak, streakSinceMs: since, streakBeyondM: most }, events: NO_EVENTS };
  }
  if (d > width - t.corridorMarginM) return state === OUT_OF_CORRIDOR ? STILL_OUTSIDE : { state: OUT_OF_CORRIDOR, events: NO_EVENTS };
  const streak = state.streak + 1;
  const since = state.streakSinceMs ?? fix.ms;
  if (streak >= t.corridorReturnFixes) {
    const event = trackingEvent(trip.id, 'corridor-returned', time, positionOf(fix.position), RULE, ruleParams(trip), details(fix, trip, streak, since));
    return { state: IN_CORRIDOR, events: [event] };
  }
  return { state: { outside: true, streak, streakSinceMs: since, streakBeyondM: 0 }, events: NO_EVENTS };
}
