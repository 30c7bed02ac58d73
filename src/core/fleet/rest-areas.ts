/**
 * Designated parking areas along each demo route, where drivers take their daily rest. They are a property of the
 * route, not of a truck, so every truck on a route uses the same ones and a tracker can be told where a long stop
 * is expected: evenly spaced, at most `REST_AREA_SPACING_KM` apart, and kept away from the crossings and the two
 * offices, which have stops of their own.
 */
import type { LatLon } from '../model/geo.js';
import { DEMO_ROUTES, type DemoRoute } from '../demo/index.js';
import { RoutePath } from './route-path.js';

export const REST_AREA_SPACING_KM = 120;
/** How far from its point a truck may park in a rest area, km. */
export const REST_AREA_RADIUS_KM = 0.5;
const CLEAR_OF_CROSSING_KM = 25;
const CLEAR_OF_ENDS_KM = 30;

export interface RestArea {
  name: string;
  location: LatLon;
  /** Kilometres along the route. */
  km: number;
  radiusKm: number;
}

export function restAreasOf(path: RoutePath): RestArea[] {
  const gaps = Math.ceil(path.lengthKm / REST_AREA_SPACING_KM);
  const spacing = path.lengthKm / gaps;
  const crossings = path.crossings();
  const areas: RestArea[] = [];
  for (let k = 1; k < gaps; k++) {
    const km = k * spacing;
    if (km < CLEAR_OF_ENDS_KM || km > path.lengthKm - CLEAR_OF_ENDS_KM) continue;
    if (crossings.some((c) => Math.abs(c.km - km) < CLEAR_OF_CROSSING_KM)) continue;
    const { lat, lon } = path.pointAt(km);
    areas.push({ name: `${path.route.id} parking km ${Math.round(km)}`, location: { lat, lon }, km, radiusKm: REST_AREA_RADIUS_KM });
  }
  return areas;
}

/** The designated rest areas of a demo route, by the route or its id. */
export function designatedRestAreas(route: DemoRoute | string): RestArea[] {
  const found = typeof route === 'string' ? DEMO_ROUTES.find((r) => r.id === route) : route;
  if (found === undefined) throw new RangeError(`unknown demo route ${JSON.stringify(route)}`);
  return restAreasOf(new RoutePath(found));
}
