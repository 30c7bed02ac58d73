/**
 * The gateways' side of the bus: what they decode is checked the way the store will check it, then published; a
 * submission resolves once the bus holds its positions durably, when the device may be acknowledged.
 */
import type { Position } from '../core/model/index.js';
import type { Bus, PositionSink } from '../ports/bus.js';
import { unstorableIn } from './position-ingest.js';

export class BusPublisher implements PositionSink {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly bus: Bus) {}

  submit(positions: readonly Position[]): Promise<void> {
    if (positions.length === 0) return Promise.resolve();
    // A position the store would refuse is refused here, on its own, before it can reach a consumer's batch.
    const unstorable = unstorableIn(positions);
    if (unstorable) return Promise.reject(unstorable);
    const published = this.bus.publish(positions);
    const settled = published.catch(() => undefined);
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return published;
  }

  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
