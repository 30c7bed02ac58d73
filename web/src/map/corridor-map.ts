/**
 * A MapLibre map of the corridor on the offline basemap, with the customs offices and border crossings drawn: the
 * ground the map page and the alerts page draw their own layers on.
 */
import type { FeatureCollection, Point } from 'geojson';
import { Map as MapLibreMap, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { BorderCrossing, CustomsOffice } from '../../../src/core/model/places.js';
import type { Api } from '../api.js';
import { basemapStyle, countries } from './basemap.js';

/** Where the corridor runs, from the Russia–Kazakhstan border down to Kyrgyzstan. */
export const HOME = { center: [72, 47] as [number, number], zoom: 3.6 };
/** How close the map comes to one place it is sent to. */
export const FOCUS_ZOOM = 9;

// MapLibre looks for its worker beside its own module, which the bundle does not keep; Vite emits it as an asset.
setWorkerUrl(new URL(workerUrl, location.href).href);

export interface CorridorMap {
  map: MapLibreMap;
  crossings: BorderCrossing[];
}

function places(items: ReadonlyArray<{ code: string; name: string; location: { lat: number; lon: number } }>, kind: string): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: items.map((item) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [item.location.lon, item.location.lat] },
      properties: { kind, code: item.code, name: item.name },
    })),
  };
}

/** The map in `container`, resolved once loaded with the `places` layer drawn; `focus` is [lon, lat]. */
export async function openCorridorMap(api: Api, container: HTMLElement, focus?: [number, number]): Promise<CorridorMap> {
  const [borders, crossings, offices] = await Promise.all([
    countries(),
    api.get<{ items: BorderCrossing[] }>('/crossings'),
    api.get<{ items: CustomsOffice[] }>('/offices'),
  ]);
  const map = new MapLibreMap({
    container,
    style: basemapStyle(borders),
    ...(focus ? { center: focus, zoom: FOCUS_ZOOM } : HOME),
    attributionControl: { compact: true, customAttribution: 'Borders: Natural Earth' },
  });
  map.addControl(new NavigationControl({ showCompass: false }));
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  map.addSource('places', { type: 'geojson', data: { type: 'FeatureCollection', features: [...places(offices.items, 'office').features, ...places(crossings.items, 'crossing').features] } });
  map.addLayer({
    id: 'places',
    type: 'circle',
    source: 'places',
    paint: {
      'circle-radius': ['match', ['get', 'kind'], 'crossing', 8, 5],
      'circle-color': ['match', ['get', 'kind'], 'crossing', '#274c77', '#ffffff'],
      'circle-stroke-color': '#274c77',
      'circle-stroke-width': 2,
    },
  });
  return { map, crossings: crossings.items };
}
