/**
 * National border crossings, from the country polygons: a change of country confirmed by `borderConfirmFixes`
 * consecutive fixes in the new country, so a truck queuing on the line does not cross back and forth. A fix in no
 * country (a lake, a gap in the data) is no evidence either way and leaves the count alone. The first fix in a
 * known country sets the country without an event. The event names the trip's crossing nearest along the route
 * and how far from it the change was confirmed, so a crossing away from any post stands out.
 */
import type { Position } from '../../model/position.js';
import { NO_EVENTS, positionOf, trackingEvent, type Detected } from '../events.js';
import { NO_CANDIDATE_COUNTRY, type CountryState } from '../state.js';
import type { Trip } from '../trip.js';

export interface BorderInput {
  position: Position;
  /** Country at the fix (from the trip's country index); null for none. */
  code: string | null;
  /** Progress along the route at the fix, metres. */
  alongM: number;
}

export function detectBorderCrossing(state: CountryState, input: BorderInput, trip: Trip): Detected<CountryState> {
  const { code, position: p } = input;
  if (code === null) return { state, events: NO_EVENTS };
  if (state.code === null) return { state: { code, ...NO_CANDIDATE_COUNTRY }, events: NO_EVENTS };
  if (code === state.code) return { state: state.candidate === null ? state : { code, ...NO_CANDIDATE_COUNTRY }, events: NO_EVENTS };
  const count = code === state.candidate ? state.count + 1 : 1;
  const since = code === state.candidate ? state.since! : p.deviceTime;
  const confirm = trip.thresholds.borderConfirmFixes;
  if (count < Math.max(1, confirm)) return { state: { code: state.code, candidate: code, count, since }, events: NO_EVENTS };
  let nearest: { id: string; alongM: number } | null = null;
  for (const c of trip.crossingsOnRoute) if (nearest === null || Math.abs(c.alongM - input.alongM) < Math.abs(nearest.alongM - input.alongM)) nearest = c;
  const event = trackingEvent(trip.id, 'border-crossed', p.deviceTime, positionOf(p), 'border.debounce', { borderConfirmFixes: confirm }, {
    from: state.code,
    to: code,
    since,
    nearestCrossingId: nearest?.id ?? null,
    fromNearestCrossingM: nearest === null ? null : Math.round(Math.abs(nearest.alongM - input.alongM)),
  });
  return { state: { code, ...NO_CANDIDATE_COUNTRY }, events: [event] };
}
