/**
 * A truck on the map, clicked: its trip's declaration, the risk explanation of the latest assessment (the rules
 * that fired, with what they compared), its alerts, for the roles that see it the exchange about its transit
 * between the operators of its route, and a button that replays its track.
 */
import type { Declaration } from '../../../src/core/model/declaration.js';
import type { StoredAssessment } from '../../../src/ports/risk-store.js';
import type { Api } from '../api.js';
import { errorText, h, replace, table, when } from '../dom.js';
import type { AlertRow } from '../pages/alerts.js';
import { href } from '../route.js';
import { transitExchange } from '../transit-exchange.js';

/** A trip as GET /trips lists it, as far as the map uses it. */
export interface TripSummary {
  id: string;
  declarationId: string;
  sealIds: string[];
  status: string;
  eta: { destinationAt: string | null; crossingAt: string | null } | null;
}

function riskView(history: readonly StoredAssessment[]): HTMLElement {
  const latest = history[history.length - 1];
  if (!latest) return h('p', {}, 'Not assessed.');
  const { assessment } = latest;
  return h(
    'div',
    { class: 'risk' },
    h('p', {}, h('span', { class: `badge ${assessment.channel}` }, assessment.channel), ` score ${assessment.score}, rule set ${assessment.ruleSet.id} v${assessment.ruleSet.version}, ${when(latest.at)}`),
    assessment.fired.length === 0
      ? h('p', {}, 'No rule fired.')
      : table(['Rule', 'Weight', 'Why'], assessment.fired.map((rule) => [h('code', {}, rule.ruleId), rule.weight, rule.explanation]), { class: 'fired' }),
  );
}

function alertsView(alerts: readonly AlertRow[]): HTMLElement {
  return alerts.length === 0
    ? h('p', {}, 'No alert.')
    : table(['Alert', 'Status', 'Last seen'], alerts.map((alert) => [h('span', { class: `badge ${alert.severity}` }, alert.type), alert.status, when(alert.lastSeen)]), { class: 'trip-alerts' });
}

/** The details panel, filled as its parts arrive; `replay` is called with the trip's id. */
export function truckDetails(api: Api, deviceId: string, trip: TripSummary, replay: (tripId: string) => Promise<void>, showExchange: boolean): HTMLElement {
  const declaration = h('div', {}, 'Loading…');
  const risk = h('div', {}, 'Loading…');
  const alerts = h('div', {}, 'Loading…');
  const status = h('p', { class: 'status' });
  const element = h(
    'div',
    { class: 'details truck', 'data-device': deviceId, 'data-trip': trip.id },
    h('h2', {}, `Seal ${deviceId}`),
    h('p', {}, `Trip ${trip.status}; expected at the crossing ${when(trip.eta?.crossingAt)}, at destination ${when(trip.eta?.destinationAt)}`),
    h('h3', {}, 'Declaration'),
    declaration,
    h('h3', {}, 'Risk'),
    risk,
    h('h3', {}, 'Alerts'),
    alerts,
    showExchange && h('h3', {}, 'Exchange with other operators'),
    showExchange && transitExchange(api, trip.declarationId),
    h('button', { type: 'button', class: 'replay', onclick: () => void replay(trip.id).catch((error: unknown) => (status.textContent = errorText(error))) }, 'Replay the track'),
    status,
  );
  const fill = <T>(target: HTMLElement, load: Promise<T>, view: (value: T) => HTMLElement) =>
    load.then((value) => replace(target, view(value))).catch((error: unknown) => replace(target, h('p', { class: 'error' }, errorText(error))));
  void fill(declaration, api.get<{ declaration: Declaration }>(`/declarations/${encodeURIComponent(trip.declarationId)}`), ({ declaration: found }) =>
    h('p', {}, h('a', { href: href('declarations', found.id) }, found.reference), ` ${found.status}, ${found.officeOfDeparture} → ${found.borderCrossing} → ${found.officeOfDestination}`),
  );
  void fill(risk, api.get<StoredAssessment[]>(`/declarations/${encodeURIComponent(trip.declarationId)}/assessments`), riskView);
  void fill(alerts, api.get<{ items: AlertRow[] }>('/alerts', { tripId: trip.id, limit: 50 }), ({ items }) => alertsView(items));
  return element;
}
