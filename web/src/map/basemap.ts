/**
 * The basemap: country borders from Natural Earth (world-atlas, 1:50m) bundled with the console, so the map works
 * with no network; an online raster tile source, when one is configured, is drawn beneath them.
 */
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';

const TILE_URL_KEY = 'corridor.tileUrl';

/** The online tile URL template ({z}/{x}/{y}) chosen in this browser, if any. */
export function tileUrl(): string | undefined {
  return localStorage.getItem(TILE_URL_KEY) ?? undefined;
}

export function setTileUrl(url: string | undefined): void {
  if (url) localStorage.setItem(TILE_URL_KEY, url);
  else localStorage.removeItem(TILE_URL_KEY);
}

export async function countries(): Promise<FeatureCollection> {
  const topology = (await (await fetch(countriesUrl)).json()) as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries);
}

export function basemapStyle(borders: FeatureCollection, tiles = tileUrl()): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: borders },
      ...(tiles ? { online: { type: 'raster', tiles: [tiles], tileSize: 256, attribution: 'online tiles as configured' } } : {}),
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#dce8f0' } },
      ...(tiles ? [{ id: 'online', type: 'raster' as const, source: 'online' }] : []),
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f4f1ea', 'fill-opacity': tiles ? 0 : 1 } },
      { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': '#8c7b6b', 'line-width': 1 } },
    ],
  };
}
