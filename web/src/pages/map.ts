/**
 * The map: every seal's latest position coloured by its state, the open trips' corridors, the crossings with
 * their queue lengths, the unresolved alerts as they arrive, and on click a truck's declaration, risk
 * explanation, alerts and a replay of its track (a seal on no trip: its last report and recent track). Positions
 * and alerts come live from the stream when the server has one, else positions by polling.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { seesExchange } from '../access.js';
import { errorText, h, replace, table, when } from '../dom.js';
import { follow, reloadingWhenBack } from '../live/sse.js';
import { setTileUrl, tileUrl } from '../map/basemap.js';
import { openCorridorMap } from '../map/corridor-map.js';
import { AlertPoints, loadCorridors, loadQueueLengths, type QueueLength } from '../map/overlays.js';
import { replayTrack } from '../map/track-replay.js';
import { truckDetails, type TripSummary } from '../map/truck-details.js';
import type { AlertRow } from './alerts.js';
import { SealSource, type SealPosition, type SealProperties } from '../map/seal-source.js';
import { SEAL_STATE_COLOURS, SEAL_STATE_LABELS, SEAL_STATES } from '../map/seal-state.js';
import type { Page, PageContext } from '../page.js';

const POLL_MS = 10_000;
const C = SEAL_STATE_COLOURS;
/** Each seal's colour by its state. */
const SEAL_COLOUR: ExpressionSpecification = ['match', ['get', 'state'], 'alarm', C.alarm, 'open', C.open, 'no_fix', C.no_fix, 'silent', C.silent, C.sealed];

/** The page's map and seals, reachable from the browser tests and the map benchmark. */
export interface MapHandle {
  map: MapLibreMap;
  seals: SealSource;
}
declare global {
  interface Window {
    corridorMap?: MapHandle;
  }
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    ...SEAL_STATES.map((state) => h('li', {}, h('span', { class: 'swatch', style: `background:${SEAL_STATE_COLOURS[state]}` }), SEAL_STATE_LABELS[state])),
    h('li', {}, h('span', { class: 'swatch crossing' }), 'border crossing'),
    h('li', {}, h('span', { class: 'swatch queue' }), 'its queue (wider: more trucks waiting)'),
    h('li', {}, h('span', { class: 'swatch alert' }), 'unresolved alert'),
    h('li', {}, h('span', { class: 'swatch corridor' }), 'corridor of an open trip'),
    h('li', {}, h('span', { class: 'swatch office' }), 'customs office'),
  );
}

function tileSetting(): HTMLElement {
  const input = h('input', { name: 'tiles', placeholder: 'https://…/{z}/{x}/{y}.png', value: tileUrl() ?? '', size: 36 });
  const form = h('form', { class: 'tiles' }, h('label', {}, 'Online tiles (empty: offline borders only) ', input), h('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setTileUrl(input.value.trim() || undefined);
    location.reload();
  });
  return form;
}

function sealDetails(seal: SealProperties, showTrack: () => void): HTMLElement {
  const lock = seal.seal;
  return h(
    'div',
    { class: 'details', 'data-device': seal.deviceId },
    h('h2', {}, `Seal ${seal.deviceId}`),
    table(
      ['', ''],
      [
        ['State', SEAL_STATE_LABELS[seal.state]],
        ['Reported', when(seal.deviceTime)],
        ['Received', when(seal.receivedTime)],
        ['Position', `${seal.lat.toFixed(5)}, ${seal.lon.toFixed(5)}${seal.valid ? '' : ' (no fix)'}`],
        ['Speed', `${Math.round(seal.speed)} km/h, course ${Math.round(seal.course)}°`],
        ['Lock', lock?.locked === undefined ? 'not reported' : lock.locked ? 'locked' : 'open'],
        ['Tamper', lock?.tamper ? 'yes' : 'no'],
        ['Cable cut', lock?.cableCut ? 'yes' : 'no'],
      ],
      { class: 'facts' },
    ),
    h('button', { type: 'button', onclick: showTrack }, 'Show the last 24 hours of track'),
  );
}

function queueList(lengths: readonly QueueLength[]): HTMLElement {
  return lengths.length === 0
    ? h('p', {}, 'No crossing has a queue.')
    : table(['Queue', 'Waiting', 'Holding', 'Called'], lengths.map((queue) => [queue.name, queue.waiting, queue.holding, queue.called]), { class: 'queue-lengths' });
}

export function mapPage({ api, session, query }: PageContext): Page {
  const status = h('p', { class: 'status' }, 'Loading the map…');
  const container = h('div', { class: 'map', id: 'map' });
  const queues = h('div', { class: 'queues' });
  const side = h('aside', { class: 'side' }, legend(), status, queues, tileSetting());
  const element = h('section', { class: 'map-page' }, container, side);
  const stop = new AbortController();
  let map: MapLibreMap | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  const seals = new SealSource(() => map?.getSource<GeoJSONSource>('seals'));
  const alerts = new AlertPoints();
  /** The open trips by each of their seals, so a click on a seal finds its trip. */
  const tripOfSeal = new Map<string, TripSummary>();
  let stopReplay = (): void => undefined;

  /** How the seals are kept up to date: live from the stream, by polling, or not yet known. */
  let updates = '';
  const showCount = () => {
    status.textContent = `${seals.size} seals${updates}`;
  };
  const load = async () => {
    const { positions } = await api.get<{ positions: SealPosition[] }>('/positions/latest');
    seals.put(positions);
    showCount();
  };

  const showTrack = async (deviceId: string) => {
    const track = await api.get<FeatureCollection>(`/devices/${encodeURIComponent(deviceId)}/positions`, { limit: 5000 }, 'application/geo+json');
    const line = track.features.filter((item): item is Feature<LineString> => item.geometry.type === 'LineString');
    map?.getSource<GeoJSONSource>('track')?.setData({ type: 'FeatureCollection', features: line });
  };

  const showDetails = (details: HTMLElement) => {
    side.querySelector('.details')?.remove();
    side.prepend(details);
  };

  /** Draws the trip's track simplified to 50 m, and a marker driving along it; the panel says when it is done. */
  const replay = async (tripId: string) => {
    const track = await api.get<Feature<LineString>>(`/trips/${encodeURIComponent(tripId)}/track`, { tolerance: 50 }, 'application/geo+json');
    map?.getSource<GeoJSONSource>('track')?.setData(track);
    const panel = side.querySelector<HTMLElement>('.details');
    stopReplay();
    if (track.geometry.coordinates.length === 0) return void (panel && (panel.dataset.replay = 'empty'));
    stopReplay = replayTrack(track.geometry.coordinates, (point, fraction) => {
      map?.getSource<GeoJSONSource>('replay')?.setData({ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: {} });
      if (panel) panel.dataset.replay = fraction < 1 ? 'playing' : 'done';
    });
  };

  const showTruck = async (deviceId: string, tripId: string) => {
    const trip = [...tripOfSeal.values()].find((known) => known.id === tripId) ?? (await api.get<TripSummary>(`/trips/${encodeURIComponent(tripId)}`));
    showDetails(truckDetails(api, deviceId, trip, replay, session !== undefined && seesExchange(session.user.role)));
  };

  const drawOverlays = async (crossings: Parameters<typeof loadQueueLengths>[1]) => {
    const [corridors, queueLengths, unresolved] = await Promise.all([
      loadCorridors(api),
      loadQueueLengths(api, crossings),
      api.get<{ items: AlertRow[] }>('/alerts', { status: ['open', 'acknowledged', 'assigned'], limit: 500 }),
    ]);
    for (const trip of corridors.trips) for (const seal of trip.sealIds) tripOfSeal.set(seal, trip);
    map?.getSource<GeoJSONSource>('corridors')?.setData(corridors.lines);
    map?.getSource<GeoJSONSource>('queues')?.setData(queueLengths.points);
    for (const alert of unresolved.items) alerts.put(alert);
    map?.getSource<GeoJSONSource>('alerts')?.setData(alerts.collection());
    replace(queues, queueList(queueLengths.lengths));
  };

  const start = async () => {
    const lon = Number(query.get('lon'));
    const lat = Number(query.get('lat'));
    const focus = query.has('lon') && query.has('lat') && Number.isFinite(lon) && Number.isFinite(lat);
    const opened = await openCorridorMap(api, container, focus ? [lon, lat] : undefined);
    const ready = opened.map;
    map = ready;
    for (const source of ['corridors', 'queues', 'track', 'replay', 'alerts']) ready.addSource(source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    ready.addSource('seals', { type: 'geojson', data: seals.collection() });
    ready.addLayer({ id: 'corridors', type: 'line', source: 'corridors', paint: { 'line-color': '#7a9cc6', 'line-width': 2, 'line-opacity': 0.7 } }, 'places');
    // A ring round the crossing, wider the longer its queue; blue, so that it is not taken for a seal's state.
    ready.addLayer(
      { id: 'queues', type: 'circle', source: 'queues', paint: { 'circle-radius': ['+', 10, ['*', 2, ['sqrt', ['get', 'waiting']]]], 'circle-color': '#5b8fd1', 'circle-opacity': 0.3, 'circle-stroke-color': '#274c77', 'circle-stroke-width': 1 } },
      'places',
    );
    ready.addLayer({ id: 'track', type: 'line', source: 'track', paint: { 'line-color': '#274c77', 'line-width': 3 } });
    ready.addLayer({
      id: 'seals',
      type: 'circle',
      source: 'seals',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 2.5, 10, 6],
        'circle-color': SEAL_COLOUR,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 3, 0, 8, 1],
      },
    });
    ready.addLayer({ id: 'alerts', type: 'circle', source: 'alerts', paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#d7263d', 'circle-stroke-width': 3 } });
    ready.addLayer({ id: 'replay', type: 'circle', source: 'replay', paint: { 'circle-radius': 7, 'circle-color': '#274c77', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } });
    const clickable = ['alerts', 'seals', 'queues', 'places'];
    // One handler for every layer: the topmost feature under the pointer (an alert, a seal, then a place) is shown.
    ready.on('click', (event: MapMouseEvent) => {
      const hit = ready.queryRenderedFeatures(event.point, { layers: clickable })[0];
      if (!hit) return;
      const properties = hit.properties as Record<string, string>;
      const onTrip = hit.layer.id === 'alerts' ? properties.tripId : hit.layer.id === 'seals' ? tripOfSeal.get(properties.deviceId!)?.id : undefined;
      const seal = hit.layer.id === 'seals' ? seals.get(properties.deviceId!) : undefined;
      if (onTrip) void showTruck(properties.deviceId!, onTrip).catch((error: unknown) => (status.textContent = errorText(error)));
      else if (seal) showDetails(sealDetails(seal, () => void showTrack(seal.deviceId).catch((error: unknown) => (status.textContent = errorText(error)))));
      else showDetails(h('div', { class: 'details' }, h('h2', {}, properties.name), h('p', {}, `${properties.kind === 'office' ? 'Customs office' : 'Border crossing'} ${properties.code}`)));
    });
    for (const layer of clickable) {
      ready.on('mouseenter', layer, () => (ready.getCanvas().style.cursor = 'pointer'));
      ready.on('mouseleave', layer, () => (ready.getCanvas().style.cursor = ''));
    }
    window.corridorMap = { map: ready, seals };
    await load();
    void drawOverlays(opened.crossings).catch((error: unknown) => (status.textContent = `Trips, queues and alerts could not load: ${errorText(error)}`));
    const onAlert = (data: unknown) => {
      alerts.put((data as { alert: AlertRow }).alert);
      ready.getSource<GeoJSONSource>('alerts')?.setData(alerts.collection());
    };
    const onPosition = (data: unknown) => {
      seals.put([data as SealPosition]);
      showCount();
    };
    // The page says whether it is live, for the people watching it and for the browser tests, which move seals only once it is.
    const connected = (open: boolean) => {
      container.dataset.live = open ? 'stream' : 'reconnecting';
      updates = open ? ', live' : ', reconnecting…';
      showCount();
    };
    const reload = () => void Promise.all([load(), drawOverlays(opened.crossings)]).catch((error: unknown) => (status.textContent = errorText(error)));
    const live = await follow(api, { position: onPosition, alert: onAlert }, stop.signal, reloadingWhenBack(reload, connected));
    if (!live && !stop.signal.aborted) {
      container.dataset.live = 'polling';
      updates = `, updated every ${POLL_MS / 1000} s`;
      showCount();
      poll = setInterval(() => void load().catch(() => undefined), POLL_MS);
    }
  };

  start().catch((error: unknown) => replace(status, `The map could not load: ${errorText(error)}`));
  return {
    element,
    dispose: () => {
      stop.abort();
      stopReplay();
      if (poll) clearInterval(poll);
      map?.remove();
      delete window.corridorMap;
    },
  };
}
