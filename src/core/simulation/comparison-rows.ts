/** A simulation report's figures as people compare them across policies: a name and a cell for each, as text. */
import type { SimulationReport } from './report.js';

const hours = (value: number | null) => (value === null ? 'not cleared' : `${value.toFixed(1)} h`);
const count = (value: number) => value.toLocaleString('en-GB');
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)} %`);

export const COMPARISON_ROWS: ReadonlyArray<readonly [string, (r: SimulationReport) => string]> = [
  ['trucks arrived (backlog)', (r) => `${count(r.trucks.arrived)} (${count(r.trucks.backlog)})`],
  ['trucks through / not', (r) => `${count(r.trucks.served)} / ${count(r.trucks.notServed)}`],
  ['backlog cleared after', (r) => hours(r.backlogClearedAfterHours)],
  ['wait: mean', (r) => hours(r.waitHours.mean)],
  ['wait: median', (r) => hours(r.waitHours.median)],
  ['wait: 95th percentile', (r) => hours(r.waitHours.p95)],
  ['wait: maximum', (r) => hours(r.waitHours.max)],
  ['queue: mean waiting', (r) => r.queue.meanAtCrossing.toFixed(0)],
  ['queue: most waiting', (r) => count(r.queue.maxAtCrossing)],
  ['lane utilisation', (r) => r.lanes.map((l) => `${Math.round(l.utilisation * 100)}`).join('/') + ' %'],
  ['physical inspections', (r) => count(r.inspections.physical)],
  ['document checks', (r) => count(r.inspections.documentChecks)],
  ['illicit loads', (r) => count(r.illicit.arrived)],
  ['illicit caught', (r) => `${count(r.illicit.caught)} (${percent(r.illicit.caught, r.illicit.arrived)})`],
  ['illicit missed', (r) => count(r.illicit.missed)],
  ['illicit still waiting', (r) => count(r.illicit.notServed)],
];
