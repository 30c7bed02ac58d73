/**
 * Every seal's latest report as one GeoJSON source. Reports may arrive one by one (the live stream) or all at
 * once (a poll); either way the source is rewritten at most once per frame, because rewriting it costs the same
 * for one change as for twenty thousand, and MapLibre tiles it off the main thread. The features carry only what
 * the layer draws (id and state): every property is copied to the map's worker on each rewrite, so the rest of
 * a report stays here, for the details of the seal clicked.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource } from 'maplibre-gl';
import { sealMapState, type SealMapState, type SealReport } from './seal-state.js';

export interface SealPosition extends SealReport {
  deviceId: string;
  lat: number;
  lon: number;
  deviceTime: string | null;
  speed: number;
  course: number;
}

export type SealProperties = SealPosition & { state: SealMapState };
type Drawn = Pick<SealProperties, 'deviceId' | 'state'>;

export class SealSource {
  private readonly reports = new Map<string, SealProperties>();
  private readonly features = new Map<string, Feature<Point, Drawn>>();
  private pending = false;

  constructor(
    private readonly source: () => GeoJSONSource | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.features.size;
  }

  get(deviceId: string): SealProperties | undefined {
    return this.reports.get(deviceId);
  }

  /** Takes reports; a report older (by device time) than the one held for its seal is ignored. */
  put(reports: Iterable<SealPosition>): void {
    const now = this.now();
    for (const report of reports) {
      const held = this.reports.get(report.deviceId);
      if (held?.deviceTime && report.deviceTime && report.deviceTime < held.deviceTime) continue;
      const state = sealMapState(report, now);
      this.reports.set(report.deviceId, { ...report, state });
      this.features.set(report.deviceId, {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [report.lon, report.lat] },
        properties: { deviceId: report.deviceId, state },
      });
    }
    this.schedule();
  }

  collection(): FeatureCollection<Point, Drawn> {
    return { type: 'FeatureCollection', features: [...this.features.values()] };
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.source()?.setData(this.collection());
    });
  }
}
