/**
 * The map: every seal's latest position coloured by its state, the crossings and offices, and a truck's details
 * and recent track on click. Positions come live from the stream when the server has one, else by polling.
 */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { errorText, h, replace, table, when } from '../dom.js';
import { follow } from '../live/sse.js';
import { setTileUrl, tileUrl } from '../map/basemap.js';
import { openCorridorMap } from '../map/corridor-map.js';
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

export function mapPage({ api, query }: PageContext): Page {
  const status = h('p', { class: 'status' }, 'Loading the map…');
  const container = h('div', { class: 'map', id: 'map' });
  const side = h('aside', { class: 'side' }, legend(), status, tileSetting());
  const element = h('section', { class: 'map-page' }, container, side);
  const stop = new AbortController();
  let map: MapLibreMap | undefined;
  let poll: ReturnType<typeof setInterval> | undefined;
  const seals = new SealSource(() => map?.getSource<GeoJSONSource>('seals'));

  const showCount = () => {
    status.textContent = `${seals.size} seals`;
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

  const start = async () => {
    const lon = Number(query.get('lon'));
    const lat = Number(query.get('lat'));
    const focus = query.has('lon') && query.has('lat') && Number.isFinite(lon) && Number.isFinite(lat);
    const ready = (await openCorridorMap(api, container, focus ? [lon, lat] : undefined)).map;
    map = ready;
    ready.addSource('track', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    ready.addSource('seals', { type: 'geojson', data: seals.collection() });
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
    // One handler for both layers: the topmost feature under the pointer (a seal before a place) is shown.
    ready.on('click', (event: MapMouseEvent) => {
      const hit = ready.queryRenderedFeatures(event.point, { layers: ['seals', 'places'] })[0];
      if (!hit) return;
      const seal = hit.layer.id === 'seals' ? seals.get(hit.properties.deviceId as string) : undefined;
      const place = hit.properties as { kind: string; code: string; name: string };
      side.querySelector('.details')?.remove();
      side.prepend(
        seal
          ? sealDetails(seal, () => void showTrack(seal.deviceId).catch((error: unknown) => (status.textContent = errorText(error))))
          : h('div', { class: 'details' }, h('h2', {}, place.name), h('p', {}, `${place.kind === 'crossing' ? 'Border crossing' : 'Customs office'} ${place.code}`)),
      );
    });
    for (const layer of ['seals', 'places']) {
      ready.on('mouseenter', layer, () => (ready.getCanvas().style.cursor = 'pointer'));
      ready.on('mouseleave', layer, () => (ready.getCanvas().style.cursor = ''));
    }
    window.corridorMap = { map: ready, seals };
    await load();
    const live = await follow(api, { position: (data) => { seals.put([data as SealPosition]); showCount(); } }, stop.signal);
    if (!live && !stop.signal.aborted) poll = setInterval(() => void load().catch(() => undefined), POLL_MS);
  };

  start().catch((error: unknown) => replace(status, `The map could not load: ${errorText(error)}`));
  return {
    element,
    dispose: () => {
      stop.abort();
      if (poll) clearInterval(poll);
      map?.remove();
      delete window.corridorMap;
    },
  };
}
