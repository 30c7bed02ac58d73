/**
 * Alerts: the unresolved ones live (the stream adds and changes rows as they happen), to acknowledge, assign and
 * resolve. Beside the list a map follows the selected alert: it flies to where the alert was seen, and again when
 * the alert is seen somewhere new.
 */
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { holds } from '../access.js';
import type { Api } from '../api.js';
import { errorText, h, replace, table, when } from '../dom.js';
import { follow, reloadingWhenBack } from '../live/sse.js';
import { FOCUS_ZOOM, openCorridorMap } from '../map/corridor-map.js';
import type { Page, PageContext } from '../page.js';
import { href } from '../route.js';

/** An alert as the tracking API writes it. */
export interface AlertRow {
  id: string;
  tripId: string;
  type: string;
  severity: 'alarm' | 'warning' | 'info';
  status: 'open' | 'acknowledged' | 'assigned' | 'resolved';
  firstSeen: string | null;
  lastSeen: string | null;
  occurrences: number;
  endedAt: string | null;
  position: { deviceId: string; lat: number; lon: number } | null;
  assignee: string | null;
  resolutionNote: string | null;
}

const VIEWS = {
  unresolved: ['open', 'acknowledged', 'assigned'],
  resolved: ['resolved'],
} as const;
type View = keyof typeof VIEWS;

export function alertsPage({ api, session, query }: PageContext): Page {
  const view: View = query.get('view') === 'resolved' ? 'resolved' : 'unresolved';
  const canAct = session !== undefined && holds(session.user.role, 'alerts:act');
  const rows = new Map<string, AlertRow>();
  const body = h('div', { class: 'results' }, 'Loading…');
  const message = h('p', { class: 'error', role: 'alert' });
  const container = h('div', { class: 'map', id: 'alert-map' });
  const element = h(
    'section',
    { class: 'alerts' },
    h(
      'div',
      { class: 'alert-list' },
      h('h1', {}, 'Alerts'),
      h('nav', { class: 'tabs' }, h('a', { href: href('alerts'), 'aria-current': view === 'unresolved' ? 'page' : undefined }, 'Unresolved'), h('a', { href: href('alerts', undefined, { view: 'resolved' }), 'aria-current': view === 'resolved' ? 'page' : undefined }, 'Resolved')),
      message,
      body,
    ),
    container,
  );
  const stop = new AbortController();
  let map: MapLibreMap | undefined;
  let selected: string | undefined;

  /** Moves the map to the selected alert and marks it; the container carries the centre for whoever checks. */
  const followSelected = () => {
    const alert = selected === undefined ? undefined : rows.get(selected);
    if (!map || !alert?.position) return;
    const { lon, lat } = alert.position;
    map.getSource<GeoJSONSource>('selected')?.setData({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} });
    map.flyTo({ center: [lon, lat], zoom: Math.max(map.getZoom(), FOCUS_ZOOM) });
  };
  const select = (alert: AlertRow) => {
    selected = alert.id;
    render();
    followSelected();
  };

  const act = (alert: AlertRow, action: 'acknowledge' | 'assign' | 'resolve') => {
    let payload: object = {};
    if (action === 'assign') {
      const assignee = prompt('Assign to user:', session?.user.username ?? '');
      if (!assignee) return;
      payload = { assignee };
    } else if (action === 'resolve') {
      const note = prompt('How was it resolved?');
      if (!note) return;
      payload = { note };
    }
    api
      .post<{ alert: AlertRow }>(`/alerts/${encodeURIComponent(alert.id)}/${action}`, payload)
      .then(({ alert: changed }) => upsert(changed))
      .catch((error: unknown) => (message.textContent = errorText(error)));
  };

  const render = () => {
    const shown = [...rows.values()].sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
    replace(
      body,
      shown.length === 0
        ? h('p', {}, view === 'unresolved' ? 'No unresolved alert.' : 'No resolved alert.')
        : table(
            ['Severity', 'Type', 'Trip', 'Status', 'Assignee', 'First seen', 'Last seen', 'Times', 'Where', ''],
            shown.map((alert) => [
              h('span', { class: `badge ${alert.severity}` }, alert.severity),
              alert.type,
              alert.tripId,
              alert.status,
              alert.assignee ?? '—',
              when(alert.firstSeen),
              when(alert.lastSeen),
              alert.occurrences,
              alert.position
                ? h('button', { type: 'button', class: 'follow', 'aria-pressed': alert.id === selected ? 'true' : 'false', onclick: () => select(alert) }, 'Follow')
                : '—',
              canAct && alert.status !== 'resolved'
                ? h(
                    'span',
                    { class: 'actions' },
                    alert.status === 'open' ? h('button', { type: 'button', onclick: () => act(alert, 'acknowledge') }, 'Acknowledge') : null,
                    h('button', { type: 'button', onclick: () => act(alert, 'assign') }, 'Assign'),
                    h('button', { type: 'button', onclick: () => act(alert, 'resolve') }, 'Resolve'),
                  )
                : null,
            ]),
            { class: 'list' },
          ),
    );
  };

  const upsert = (alert: AlertRow) => {
    const moved = alert.id === selected && (alert.position?.lat !== rows.get(alert.id)?.position?.lat || alert.position?.lon !== rows.get(alert.id)?.position?.lon);
    if ((VIEWS[view] as readonly string[]).includes(alert.status)) rows.set(alert.id, alert);
    else rows.delete(alert.id);
    render();
    if (moved) followSelected();
  };

  openCorridorMap(api, container)
    .then(({ map: opened }) => {
      map = opened;
      opened.addSource('selected', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      opened.addLayer({ id: 'selected', type: 'circle', source: 'selected', paint: { 'circle-radius': 10, 'circle-color': '#d7263d', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
      opened.on('moveend', () => {
        const centre = opened.getCenter();
        container.dataset.centre = `${centre.lng.toFixed(4)},${centre.lat.toFixed(4)}`;
      });
      followSelected();
    })
    .catch((error: unknown) => (message.textContent = `The map could not load: ${errorText(error)}`));

  const show = (items: readonly AlertRow[]) => {
    rows.clear();
    for (const alert of items) rows.set(alert.id, alert);
    render();
  };
  // Back after a drop of the stream, the list is read afresh: what changed meanwhile was never told.
  const reload = () => void load(api, view).then(show, (error: unknown) => (message.textContent = errorText(error)));
  load(api, view)
    .then((items) => {
      show(items);
      return follow(api, { alert: (data) => upsert((data as { alert: AlertRow }).alert) }, stop.signal, reloadingWhenBack(reload, (open) => (body.dataset.live = open ? 'stream' : 'reconnecting')));
    })
    .catch((error: unknown) => replace(body, h('p', { class: 'error' }, errorText(error))));
  return {
    element,
    dispose: () => {
      stop.abort();
      map?.remove();
    },
  };
}

async function load(api: Api, view: View): Promise<AlertRow[]> {
  const page = await api.get<{ items: AlertRow[] }>('/alerts', { status: VIEWS[view], limit: 200 });
  return page.items;
}
