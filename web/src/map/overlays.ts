/**
 * What the map draws over the seals' positions: the open trips' corridors, the crossings' queue lengths and the
 * unresolved alerts where they were seen, as GeoJSON for MapLibre sources.
 */
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { BorderCrossing } from '../../../src/core/model/places.js';
import type { Api } from '../api.js';
import type { AlertRow } from '../pages/alerts.js';
import { queueTotals } from '../queues.js';
import type { TripSummary } from './truck-details.js';

/** Open trips drawn: each needs a request for its route, so the map draws the newest this many. */
export const MAX_CORRIDORS = 100;
/** Requests for routes in flight at once, so a large fleet does not queue hundreds on the server. */
const PARALLEL = 6;

async function inBatches<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) results.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(task))));
  return results;
}

export interface Corridors {
  trips: TripSummary[];
  lines: FeatureCollection<LineString>;
}

export async function loadCorridors(api: Api): Promise<Corridors> {
  const { items } = await api.get<{ items: TripSummary[] }>('/trips', { status: 'open', limit: MAX_CORRIDORS });
  const routes = await inBatches(items, (trip) => api.get<{ plan: { route: LineString } }>(`/trips/${encodeURIComponent(trip.id)}`));
  return {
    trips: items,
    lines: {
      type: 'FeatureCollection',
      features: items.map((trip, i) => ({ type: 'Feature', geometry: routes[i]!.plan.route, properties: { tripId: trip.id } })),
    },
  };
}

/** A crossing's queue as the map shows it. */
export interface QueueLength {
  code: string;
  name: string;
  waiting: number;
  holding: number;
  called: number;
}

/** The queue at every crossing that has one, placed where the crossing is. */
export async function loadQueueLengths(api: Api, crossings: readonly BorderCrossing[]): Promise<{ lengths: QueueLength[]; points: FeatureCollection<Point> }> {
  const queued = await queueTotals(api);
  const lengths: QueueLength[] = [];
  const points: FeatureCollection<Point> = { type: 'FeatureCollection', features: [] };
  for (const crossing of crossings) {
    const total = queued.get(crossing.code);
    if (total === undefined) continue;
    const length = { code: crossing.code, name: crossing.name, waiting: total.waiting, holding: total.holding, called: total.called };
    lengths.push(length);
    points.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [crossing.location.lon, crossing.location.lat] }, properties: { ...length } });
  }
  return { lengths, points };
}

/** The unresolved alerts that have a position; `put` takes one as the stream brings it. */
export class AlertPoints {
  private readonly alerts = new Map<string, AlertRow>();

  put(alert: AlertRow): void {
    if (alert.status === 'resolved' || !alert.position) this.alerts.delete(alert.id);
    else this.alerts.set(alert.id, alert);
  }

  collection(): FeatureCollection<Point> {
    return {
      type: 'FeatureCollection',
      features: [...this.alerts.values()].map((alert) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [alert.position!.lon, alert.position!.lat] },
        properties: { alertId: alert.id, tripId: alert.tripId, deviceId: alert.position!.deviceId, type: alert.type, severity: alert.severity },
      })),
    };
  }
}
