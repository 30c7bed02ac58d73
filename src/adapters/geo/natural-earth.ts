/**
 * Country polygons from Natural Earth, as the world-atlas package ships them (TopoJSON, features keyed by ISO 3166
 * numeric code), turned into the core's CountryShape list and its prepared CountryIndex. Reading the file is the
 * only I/O; the index itself is pure and built once per scale and grid, then shared.
 *
 * Scales: `10m` (1:10 million, about 3.6 MB, borders good to a few hundred metres) is the default, since border
 * crossings are judged against it; `50m` is a fifth of the size and borders are good to a couple of kilometres.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { CountryIndex, type CountryIndexOptions, type CountryShape } from '../../core/geo/index.js';

export type NaturalEarthScale = '10m' | '50m' | '110m';

/**
 * Natural Earth draws a few areas as features of their own without an ISO code. Those a truck in the region can
 * meet get the code of the state whose territory they are, so that driving through them is not a border crossing:
 * Baikonur is Kazakh territory leased to Russia, and its outline sits in a hole of Kazakhstan's polygon on the
 * Kyzylorda road. The rest are listed for completeness of the world index.
 */
const CODES_BY_NAME: Readonly<Record<string, string>> = {
  Baikonur: 'KZ',
  Kosovo: 'XK',
  'N. Cyprus': 'CY',
  'Cyprus U.N. Buffer Zone': 'CY',
  Somaliland: 'SO',
};

const require = createRequire(import.meta.url);

export function readNaturalEarthTopology(scale: NaturalEarthScale = '10m'): Topology {
  return require(`world-atlas/countries-${scale}.json`) as Topology;
}

/** Every country feature with an ISO alpha-2 code, in the source's order; features without one are left out. */
export function naturalEarthCountryShapes(topology: Topology): CountryShape[] {
  const collection = topology.objects['countries'] as GeometryCollection<{ name?: string }> | undefined;
  if (collection === undefined) throw new Error('the topology has no "countries" object');
  const shapes: CountryShape[] = [];
  for (const f of feature(topology, collection).features) {
    const geometry = f.geometry;
    if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const numeric = f.id === undefined ? undefined : String(f.id);
    const code = (numeric === undefined ? undefined : countries.numericToAlpha2(numeric)) ?? CODES_BY_NAME[f.properties?.name ?? ''];
    if (code === undefined) continue;
    shapes.push({ code, geometry });
  }
  return shapes;
}

const prepared = new Map<string, CountryIndex>();

/** The prepared country index for a scale and grid, built on first use and then shared. */
export function loadCountryIndex(scale: NaturalEarthScale = '10m', options: CountryIndexOptions = {}): CountryIndex {
  const key = JSON.stringify([scale, options.cellDeg ?? null, options.bbox ?? null]);
  let index = prepared.get(key);
  if (index === undefined) {
    index = new CountryIndex(naturalEarthCountryShapes(readNaturalEarthTopology(scale)), options);
    prepared.set(key, index);
  }
  return index;
}
