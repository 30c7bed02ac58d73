/** A run's figures as people read them: hours, shares, counts; what `corridor simulate` prints and writes as JSON. */
import { spreadOf } from '../queue/index.js';
import type { SimulationRun, TimeSeries } from './engine.js';

const HOUR = 3_600_000;

export interface SimulationReport {
  scenario: string;
  policy: string;
  seed: string;
  simulatedHours: number;
  trucks: SimulationRun['trucks'];
  /** Hours from the start until the last truck of the initial backlog reached its lane; null if it did not. */
  backlogClearedAfterHours: number | null;
  /** From arrival at the crossing to the call to a lane, hours. */
  waitHours: { count: number; mean: number | null; median: number | null; p95: number | null; max: number | null };
  queue: { meanInOrder: number; meanAtCrossing: number; maxAtCrossing: number };
  lanes: Array<{ id: string; served: number; utilisation: number }>;
  inspections: { physical: number; documentChecks: number; released: number };
  illicit: SimulationRun['illicit'];
  series: TimeSeries;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
const hours = (ms: number | null) => (ms === null ? null : round(ms / HOUR));

export function reportOf(run: SimulationRun): SimulationReport {
  const span = run.end - run.start;
  const spread = spreadOf(run.waitsMs);
  let sum = 0;
  let max = -Infinity;
  for (const wait of run.waitsMs) {
    sum += wait;
    if (wait > max) max = wait;
  }
  const count = run.waitsMs.length;
  return {
    scenario: run.scenario,
    policy: run.policy,
    seed: run.seed,
    simulatedHours: round(span / HOUR),
    trucks: run.trucks,
    backlogClearedAfterHours: hours(run.backlogClearedAfterMs),
    waitHours: {
      count,
      mean: count === 0 ? null : hours(sum / count),
      median: hours(spread.medianMs),
      p95: hours(spread.p95Ms),
      max: count === 0 ? null : hours(max),
    },
    queue: {
      meanInOrder: round(run.meanInOrder),
      meanAtCrossing: round(run.meanAtCrossing),
      maxAtCrossing: run.series.atCrossing.reduce((a, b) => Math.max(a, b), 0),
    },
    // Busy time over the whole run; a lane's service running past the end counts in full.
    lanes: run.lanes.map((lane) => ({ id: lane.id, served: lane.served, utilisation: span > 0 ? round(Math.min(1, lane.busyMs / span)) : 0 })),
    inspections: { physical: run.channels.red, documentChecks: run.channels.yellow, released: run.channels.green },
    illicit: run.illicit,
    series: run.series,
  };
}
