/**
 * Turns a planned truck into the reports its seal sends: every `interval` while moving, every `parkedInterval`
 * while standing (as trackers save battery when parked), one more at each seal event, and the last at removal.
 * The noise stream is drawn in report order, so the reports are the same however the clock is advanced.
 */
import type { Rng } from '../random/index.js';
import { offsetMetres } from './geometry.js';
import { legIndexAt, sampleLeg } from './legs.js';
import type { FleetReport, ReportEvent } from './report.js';
import { sealAt, sealEvents } from './seal-timeline.js';
import type { TruckPlan } from './truck-plan.js';

/** Standard deviation of the GPS position error, metres per axis. */
export const GPS_NOISE_METRES = 3;
export const MAX_SPEED_KMH = 90;

export class TruckReporter {
  private readonly events: Array<{ time: number; event: ReportEvent }>;
  private eventIndex = 0;
  private legHint = 0;
  private nextTime: number;
  private sequence = 0;
  private lastCourse: number;
  /** Generated, not yet released: held back by a signal loss. */
  private readonly held: FleetReport[] = [];

  constructor(
    readonly plan: TruckPlan,
    private readonly noise: Rng,
    private readonly intervalMs: number,
    private readonly parkedIntervalMs: number,
  ) {
    const { itinerary } = plan;
    this.nextTime = itinerary.armedAt;
    this.events = [{ time: itinerary.armedAt, event: 'armed' as const }, ...sealEvents(plan.seal, itinerary.endsAt)]
      .filter((e) => e.time >= itinerary.armedAt && e.time <= itinerary.endsAt);
    this.lastCourse = Math.round(plan.path.pointAt(0).course) % 360;
  }

  /** No report is left to take or to release. */
  get done(): boolean {
    return this.nextTime > this.plan.itinerary.endsAt && this.held.length === 0;
  }

  /** The reports the device sends up to `until` (their `sendAt` ≤ until), in order. */
  advance(until: number, out: FleetReport[]): void {
    const endsAt = this.plan.itinerary.endsAt;
    while (this.nextTime <= until && this.nextTime <= endsAt) {
      let time = this.nextTime;
      let event: ReportEvent | undefined;
      const pending = this.events[this.eventIndex];
      if (pending !== undefined && pending.time <= time) {
        time = pending.time;
        event = pending.event;
        this.eventIndex++;
      }
      const report = this.take(time, event);
      this.held.push(report);
      const moving = report.speed > 0;
      let next = time + (moving ? this.intervalMs : this.parkedIntervalMs);
      const upcoming = this.events[this.eventIndex];
      // Two events in the same second go out a second apart; a device sends one fix per second at most.
      if (upcoming !== undefined && upcoming.time < next) next = Math.max(upcoming.time, time + 1000);
      // The last report is the one at removal, whatever the schedule.
      if (time < endsAt && next > endsAt) next = endsAt;
      this.nextTime = next;
    }
    let released = 0;
    while (released < this.held.length && this.held[released]!.sendAt <= until) released++;
    out.push(...this.held.splice(0, released));
  }

  private take(time: number, event: ReportEvent | undefined): FleetReport {
    const { itinerary, signalLoss, seal } = this.plan;
    this.legHint = legIndexAt(itinerary.legs, time, this.legHint);
    const sample = sampleLeg(itinerary.legs[this.legHint]!, this.plan.path, time);
    const noisy = offsetMetres(sample, this.noise.normal(0, GPS_NOISE_METRES), this.noise.normal(0, GPS_NOISE_METRES));
    let speed = 0;
    if (sample.moving) {
      speed = Math.round(Math.min(MAX_SPEED_KMH, Math.max(1, sample.speedKmh + this.noise.normal(0, 1.2))));
      this.lastCourse = Math.round((((sample.course ?? 0) + this.noise.normal(0, 1)) % 360 + 360) % 360) % 360;
    }
    const buffered = signalLoss !== undefined && time >= signalLoss.from && time < signalLoss.to;
    const report: FleetReport = {
      truckId: this.plan.truckId,
      deviceId: this.plan.deviceId,
      sequence: ++this.sequence,
      time,
      sendAt: buffered ? signalLoss.to : time,
      buffered,
      lat: Math.round(noisy.lat * 1e6) / 1e6,
      lon: Math.round(noisy.lon * 1e6) / 1e6,
      speed,
      course: this.lastCourse,
      satellites: this.noise.int(7, 14),
      seal: sealAt(seal, time),
    };
    if (event !== undefined) report.event = event;
    return report;
  }
}
