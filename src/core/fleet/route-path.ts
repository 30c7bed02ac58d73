/**
 * A demo route as a truck drives it: the planned polyline (exactly `plannedRoute`'s, so the corridor the tracker
 * checks and the road the truck follows are one line), measured in kilometres from the office of departure, with
 * each vertex known for what it is — an office, a town, a border crossing.
 */
import type { LatLon } from '../model/geo.js';
import { plannedRoute, type DemoRoute } from '../demo/index.js';
import { distanceKm, headingDeg, interpolate } from './geometry.js';

export type StopPlaceKind = 'office' | 'town' | 'crossing';

export interface RouteVertex {
  kind: StopPlaceKind;
  /** Office or crossing code, or the town's name. */
  name: string;
  location: LatLon;
  /** Kilometres from the office of departure along the polyline. */
  km: number;
}

export interface RoutePoint extends LatLon {
  /** Direction of travel, degrees clockwise from north. */
  course: number;
}

export class RoutePath {
  readonly vertices: readonly RouteVertex[];
  readonly lengthKm: number;

  constructor(readonly route: DemoRoute) {
    const coordinates = plannedRoute(route).coordinates;
    const kinds: Array<{ kind: StopPlaceKind; name: string }> = [
      { kind: 'office', name: route.departure },
      ...route.via.map((v) => ('crossing' in v ? { kind: 'crossing' as const, name: v.crossing } : { kind: 'town' as const, name: v[0] })),
      { kind: 'crossing', name: route.crossing },
      ...route.after.map((w) => ({ kind: 'town' as const, name: w[0] })),
      { kind: 'office', name: route.destination },
    ];
    if (kinds.length !== coordinates.length) throw new Error(`route ${route.id}: planned route and waypoints disagree`);
    let km = 0;
    const vertices: RouteVertex[] = [];
    coordinates.forEach(([lon, lat], i) => {
      const location = { lat, lon };
      if (i > 0) km += distanceKm(vertices[i - 1]!.location, location);
      vertices.push({ ...kinds[i]!, location, km });
    });
    this.vertices = vertices;
    this.lengthKm = km;
  }

  /** The crossings on the way, in the order the truck meets them. */
  crossings(): RouteVertex[] {
    return this.vertices.filter((v) => v.kind === 'crossing');
  }

  /** The polyline's vertices as points. */
  line(): LatLon[] {
    return this.vertices.map((v) => v.location);
  }

  /** The point `km` along the route (clamped to its ends), with the direction of travel there. */
  pointAt(km: number): RoutePoint {
    const vs = this.vertices;
    const at = Math.max(0, Math.min(this.lengthKm, km));
    let i = 1;
    while (i < vs.length - 1 && vs[i]!.km < at) i++;
    const a = vs[i - 1]!;
    const b = vs[i]!;
    const span = b.km - a.km;
    const point = interpolate(a.location, b.location, span === 0 ? 0 : (at - a.km) / span);
    return { ...point, course: headingDeg(a.location, b.location, point.lat) };
  }
}
