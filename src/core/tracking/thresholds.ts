/**
 * The numbers every detector decides by, with the reasoning behind each default. A trip may override any of them;
 * every event carries the ones its rule used, so an alarm can always be explained.
 */

export interface TripThresholds {
  /** Corridor: the band around the width edge that GPS error can cross, metres. */
  corridorMarginM: number;
  /** Corridor: consecutive fixes beyond the width, one of them beyond the margin too, to declare it left. */
  corridorLeaveFixes: number;
  /** Corridor: a single fix this far beyond the width is enough, metres. */
  corridorLeaveFarM: number;
  /** Corridor: consecutive fixes within the width less the margin to declare it regained. */
  corridorReturnFixes: number;

  /** Stop: reported speed at or below which a fix counts as standing, km/h. */
  stopSpeedKmh: number;
  /** Stop: how far a standing truck may drift (GPS wander, manoeuvring in a car park) and still be one stop, metres. */
  stopRadiusM: number;
  /** Stop: how long a stop outside the allowed zones may last before it is reported, ms. */
  maxStopMs: number;
  /** Stop: a stop on the route within this distance before a border crossing is its queue, metres. */
  borderQueueM: number;

  /** Signal: no data received for longer than this is a loss, ms. Must exceed a parked device's report interval. */
  signalLossMs: number;

  /** Battery: below this percentage the seal's battery is low. */
  batteryLowPercent: number;
  /** Battery: it counts as recovered only at the low mark plus this many points (a cell's reading sags and recovers). */
  batteryRestoreMarginPercent: number;
  /** Battery, for seals that report a voltage and no charge (EGTS state data): below this many volts it is low. */
  batteryLowVolts: number;
  /** Battery, by voltage: recovered only at the low mark plus this many volts. */
  batteryRestoreMarginVolts: number;

  /** Jump: speed between consecutive fixes beyond which the later fix is implausible, km/h. */
  maxSpeedKmh: number;
  /** Jump: moves shorter than this are never jumps, whatever the time between the fixes (GPS error), metres. */
  jumpMinDistanceM: number;
  /** Jump: this many consecutive fixes agreeing with each other but not with the trip become its new position. */
  jumpReanchorFixes: number;

  /** Border: consecutive fixes in the new country before the crossing is confirmed. */
  borderConfirmFixes: number;
  /** Geofences: a fix must be this far outside a geofence before the truck counts as having left it, metres. */
  geofenceExitMarginM: number;
  /** Seal: a late fix showing a seal breach within this time of one already raised is the same breach, ms. */
  lateSealFoldMs: number;

  /** ETA: time constant of the smoothed moving speed, ms. */
  etaTimeConstantMs: number;
  /** ETA: the smoothed speed is never taken below this, so a crawl in a queue does not push the ETA to days, km/h. */
  etaSpeedFloorKmh: number;
  /** ETA: two fixes further apart than this say nothing about the moving speed, ms. */
  etaMaxGapMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_THRESHOLDS: Readonly<TripThresholds> = Object.freeze({
  // A consumer GNSS fix is good to about 5 m in the open (1 sigma); 50 m is ten sigma, and enough for a road's
  // width plus the planned line being drawn along the wrong carriageway.
  corridorMarginM: 50,
  // Three fixes at 20–60 s is one to three minutes outside: a lay-by or a fuel station beside the corridor is
  // usually inside the width; anything longer beyond it is a deviation.
  corridorLeaveFixes: 3,
  corridorLeaveFarM: 2_000,
  corridorReturnFixes: 2,

  stopSpeedKmh: 5,
  stopRadiusM: 200,
  // Drivers' hours rules give a 45-minute break after 4.5 hours' driving, and a break may be taken by the road:
  // an hour is the shortest stop that is not a break. Daily rests belong in designated parking (allowed zones).
  maxStopMs: 60 * MINUTE,
  // Queues at the corridor's crossings have reached tens of kilometres in the backlog.
  borderQueueM: 30_000,

  // Trackers report every 20–60 s moving and every few minutes parked; 15 minutes of nothing is a loss.
  signalLossMs: 15 * MINUTE,

  batteryLowPercent: 15,
  batteryRestoreMarginPercent: 5,
  // A single lithium-ion cell, the seals' usual supply, is near empty below about 3.6 V at rest.
  batteryLowVolts: 3.6,
  batteryRestoreMarginVolts: 0.05,

  // No loaded truck reaches 160 km/h; GPS error between close fixes is kept out by the minimum distance.
  maxSpeedKmh: 160,
  jumpMinDistanceM: 1_000,
  jumpReanchorFixes: 3,

  // Natural Earth 1:10m borders are good to a few hundred metres; two fixes (a minute or more) in the new country
  // keep a truck queuing on the line from crossing it back and forth.
  borderConfirmFixes: 2,
  geofenceExitMarginM: 30,
  lateSealFoldMs: 30 * MINUTE,

  etaTimeConstantMs: 30 * MINUTE,
  etaSpeedFloorKmh: 20,
  etaMaxGapMs: 10 * MINUTE,
});

/**
 * The thresholds with `overrides` applied; throws on a value that is not a finite number >= 0. Without overrides
 * it is the (frozen) defaults object itself, so the trips that use the defaults share one object in the cache.
 */
export function resolveThresholds(overrides: Partial<TripThresholds> = {}): Readonly<TripThresholds> {
  if (Object.values(overrides).every((v) => v === undefined)) return DEFAULT_THRESHOLDS;
  const resolved = { ...DEFAULT_THRESHOLDS };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!(name in DEFAULT_THRESHOLDS)) throw new RangeError(`unknown threshold ${JSON.stringify(name)}`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(`threshold ${name} must be a finite number >= 0, got ${String(value)}`);
    }
    resolved[name as keyof TripThresholds] = value;
  }
  return resolved;
}
