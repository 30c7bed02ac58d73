import { describe, expect, it } from 'vitest';
import { simulate } from './engine.js';
import { reportOf } from './report.js';
import { backlogScenario } from './test-support.js';

describe('reportOf', () => {
  it('reads a backlog run in hours: 400 trucks, 4 lanes, 15 minutes each', () => {
    const report = reportOf(simulate(backlogScenario(400, 15), { seed: 1, policy: { kind: 'none', name: 'none' } }));
    // 100 trucks a lane; the last called after 99 services of a quarter hour, done a quarter hour later.
    expect(report.backlogClearedAfterHours).toBe(24.75);
    expect(report.simulatedHours).toBe(25);
    expect(report.lanes.map((lane) => lane.utilisation)).toEqual([1, 1, 1, 1]);
    expect(report.inspections).toEqual({ physical: 0, documentChecks: 0, released: 400 });
    expect(report.waitHours.count).toBe(400);
    // The backlog arrived evenly over 48 hours before the start, so the first truck waited 48 hours.
    expect(report.waitHours.max).toBe(48);
    expect(report.queue.maxAtCrossing).toBe(400);
  });
});
