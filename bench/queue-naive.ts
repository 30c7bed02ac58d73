/**
 * The naive border queue the benchmark measures the core against: one array of trucks, sorted whole by the same
 * ordering rule (class head start, ageing, sequence) on every call and every refresh. It makes the same decisions as
 * the core's chooseCall for the cases the benchmark drives (lanes by channel, backlog release tokens, booked trucks),
 * so the timings compare data structures, not rules.
 */
import { isBefore } from '../src/core/queue/ageing.js';
import { CHANNELS, type Channel, type ChannelCapacity } from '../src/core/queue/channel.js';
import type { Stream } from '../src/core/queue/entry.js';

const HOUR = 3_600_000;

export interface NaiveTruck {
  id: string;
  orderKey: number;
  seq: number;
  channel: Channel;
  stream: Stream;
  estimatedCallAt: number | null;
}

export class NaiveQueue {
  private readonly trucks: NaiveTruck[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly lanes: ChannelCapacity[]) {}

  get size(): number {
    return this.trucks.length;
  }

  checkIn(truck: NaiveTruck): boolean {
    if (this.ids.has(truck.id)) return false;
    this.ids.add(truck.id);
    this.trucks.push(truck);
    return true;
  }

  private sorted(): NaiveTruck[] {
    return [...this.trucks].sort((a, b) => a.orderKey - b.orderKey || a.seq - b.seq);
  }

  /** The first truck the lane takes: sort everything, then scan. */
  callNext(lane: number, tokenAvailable: boolean): NaiveTruck | undefined {
    const capacity = this.lanes[lane]!;
    const chosen = this.sorted().find((t) => capacity[t.channel] > 0 && (t.stream === 'booked' || tokenAvailable));
    if (chosen !== undefined) {
      this.trucks.splice(this.trucks.indexOf(chosen), 1);
      this.ids.delete(chosen.id);
    }
    return chosen;
  }

  /** Estimates with nominal lane times, no opening hours and no release limit: sort, then give each truck a lane. */
  refresh(now: number): void {
    const free = this.lanes.map(() => now);
    for (const truck of this.sorted()) {
      let best = -1;
      for (let k = 0; k < this.lanes.length; k++) {
        if (this.lanes[k]![truck.channel] > 0 && (best < 0 || free[k]! < free[best]!)) best = k;
      }
      if (best < 0) {
        truck.estimatedCallAt = null;
        continue;
      }
      truck.estimatedCallAt = free[best]!;
      free[best] = free[best]! + HOUR / this.lanes[best]![truck.channel];
    }
  }
}

export { CHANNELS, isBefore };
