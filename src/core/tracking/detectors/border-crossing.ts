/**
 * National border crossings, from the country polygons: a change of country confirmed by `borderConfirmFixes`
 * consecutive fixes in the new country, so a truck queuing on the line does not cross back and forth. A fix in no
 * country (a lake, a gap in the data) is no evidence either way and leaves the count alone. The first fix in a
 * known country sets the country without an event. The event names the trip's crossing nearest along the route
 * and how far from it the change was confirmed, so a crossing away from any post stands out.
 */
import { NO_EVENTS, idle, positionOf, trackingEvent, type Detected } from '../events.js';
import type { Fix } from '../fix.js';
import { NO_CANDIDATE_COUNTRY, NO_COUNTRY, type CountryState } from '../state.js';
import type { Trip } from '../trip.js';

const NOWHERE_YET = idle(NO_COUNTRY);
/**
 * The settled state of each country (no other country in view), one shared constant per code: a trip that stays in
 * a country keeps the same slice, as every trip in it does. Bounded by the number of countries.
 */
const settled = new Map<string, Detected<CountryState>>();

function settledIn(code: string): Detected<CountryState> {
  let answer = settled.get(code);
  if (answer === undefined) {
    answer = idle(Object.freeze({ code, ...NO_CANDIDATE_COUNTRY }) as CountryState);
    settled.set(code, answer);
  }
  return answer;
}

/** `code`: the country at the fix from the trip's country index; null for none. */
export function detectBorderCrossing(state: CountryState, fix: Fix, trip: Trip, code: string | null): Detected<CountryState> {
  if (code === null) return state.code === null ? NOWHERE_YET : state.candidate === null ? settledIn(state.code) : { state, events: NO_EVENTS };
  if (state.code === null || code === state.code) return settledIn(code);
  const count = code === state.candidate ? state.count + 1 : 1;
  const since = code === state.candidate ? state.sinceMs! : fix.ms;
  const confirm = trip.thresholds.borderConfirmFixes;
  if (count < Math.max(1, confirm)) return { state: { code: state.code, candidate: code, count, sinceMs: since }, events: NO_EVENTS };
  let nearest: { id: string; alongM: number } | null = null;
  for (const c of trip.crossingsOnRoute) if (nearest === null || Math.abs(c.alongM - fix.alongM) < Math.abs(nearest.alongM - fix.alongM)) nearest = c;
  const event = trackingEvent(trip.id, 'border-crossed', fix.position.deviceTime, positionOf(fix.position), 'border.debounce', { borderConfirmFixes: confirm }, {
    from: state.code,
    to: code,
    since: trip.openedAt + since,
    nearestCrossingId: nearest?.id ?? null,
    fromNearestCrossingM: nearest === null ? null : Math.round(Math.abs(nearest.alongM - fix.alongM)),
  });
  return { state: settledIn(code).state, events: [event] };
}
