/**
 * Leaving the route corridor and coming back, with hysteresis so that GPS error at the corridor's edge raises
 * nothing:
 * - left after `corridorLeaveFixes` consecutive fixes beyond the width, at least one of them more than
 *   `corridorMarginM` beyond (a truck driving along the edge with a few metres of noise never gets there), or
 *   at once when one fix is `corridorLeaveFarM` beyond;
 * - back after `corridorReturnFixes` consecutive fixes within the width less the margin.
 * The event is dated at the fix that confirms it; `since` says when the first fix of the run was taken.
 */
import type { CorridorMatch } from '../../geo/index.js';
import type { Position } from '../../model/position.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected, type TrackingEvent } from '../events.js';
import type { CorridorState } from '../state.js';
import type { Trip } from '../trip.js';

export interface CorridorInput {
  position: Position;
  match: CorridorMatch;
}

const RULE = 'corridor.hysteresis';

export function detectCorridor(state: CorridorState, input: CorridorInput, trip: Trip): Detected<CorridorState> {
  const { position: p, match } = input;
  const width = trip.corridorWidthM;
  const t = trip.thresholds;
  const d = match.distanceM;
  const time = p.deviceTime;
  let { outside, streak, streakSince, streakBeyondM } = state;
  let events: readonly TrackingEvent[] = NO_EVENTS;
  const params = {
    corridorWidthM: width,
    corridorMarginM: t.corridorMarginM,
    corridorLeaveFixes: t.corridorLeaveFixes,
    corridorLeaveFarM: t.corridorLeaveFarM,
    corridorReturnFixes: t.corridorReturnFixes,
  };
  if (!outside) {
    const beyond = d - width;
    if (beyond > 0) {
      streak += 1;
      streakSince ??= time;
      streakBeyondM = Math.max(streakBeyondM, beyond);
      if ((streak >= t.corridorLeaveFixes && streakBeyondM > t.corridorMarginM) || beyond > t.corridorLeaveFarM) {
        events = [
          trackingEvent(trip.id, 'corridor-left', time, positionOf(p), RULE, params, {
            distanceM: Math.round(d),
            since: streakSince,
            fixes: streak,
            alongM: Math.round(match.alongM),
          }),
        ];
        outside = true;
        streak = 0;
        streakSince = null;
        streakBeyondM = 0;
      }
    } else {
      streak = 0;
      streakSince = null;
      streakBeyondM = 0;
    }
  } else if (d <= width - t.corridorMarginM) {
    streak += 1;
    streakSince ??= time;
    if (streak >= t.corridorReturnFixes) {
      events = [
        trackingEvent(trip.id, 'corridor-returned', time, positionOf(p), RULE, params, {
          distanceM: Math.round(d),
          since: streakSince,
          fixes: streak,
          alongM: Math.round(match.alongM),
        }),
      ];
      outside = false;
      streak = 0;
      streakSince = null;
    }
  } else {
    streak = 0;
    streakSince = null;
  }
  return {
    state: { segment: match.segment, alongM: match.alongM, distanceM: d, outside, streak, streakSince, streakBeyondM },
    events,
  };
}
