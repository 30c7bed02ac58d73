/**
 * The what-if simulator's speed: simulated trucks per second of wall time through one crossing, every truck checked
 * in, called, at its lane and its lane freed through the production queue's commands. Aim (issue 7): a million
 * trucks in under 10 s.
 *
 * Beside it in the same run, the future event list alone: the engine's binary heap against a naive sorted array
 * (binary search and splice), both in the "hold" pattern of a simulation (take the earliest event, schedule one
 * later) with 10,000 events pending, as many as a backlog's papers being completed.
 *
 * `node --import tsx bench/simulation.ts` prints one JSON object per result; BENCH_SIM_TRUCKS changes the size.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { createRng } from '../src/core/random/index.js';
import { EventHeap, simulate, type ScheduledEvent, type Scenario } from '../src/core/simulation/index.js';

const round = (value: number) => Math.round(value * 100) / 100;

/** Ten lanes of 5 minutes a truck on average, 100 trucks an hour arriving: a million in 10,000 simulated hours. */
function busyCrossing(trucks: number): Scenario {
  const hours = trucks / 100;
  const service = { kind: 'exponential', meanMinutes: 5 } as const;
  return {
    name: 'bench',
    description: '',
    crossing: 'BENCH',
    start: Date.UTC(2025, 10, 20),
    arrivalHours: hours,
    horizonHours: hours * 2,
    warmupHours: 0,
    sampleMinutes: 60,
    operatingHours: null,
    lanes: Array.from({ length: 10 }, (_, i) => ({ id: `L${i + 1}`, channels: ['green', 'yellow', 'red'] as const })),
    service: { green: service, yellow: service, red: service },
    arrivals: { kind: 'poisson', ratePerHour: [100] },
    backlog: { trucks: 0, builtOverHours: 0 },
    releasePerHour: null,
    papers: { incompleteShare: 0.05, completion: { kind: 'exponential', meanMinutes: 120 } },
    trucks: { eSealedShare: 0.3, perishableShare: 0.05, trustedTraderShare: 0.1 },
    illicit: { share: 0.01, tactics: { undervalued: 0, 'unidentified-recipient': 0, 'seal-tampered': 0, concealed: 1 } },
    policies: [{ kind: 'random', name: 'random-5pct', share: 0.05 }],
  };
}

/** The naive future event list: an array kept sorted by time, a binary search and a splice per event. */
class SortedArrayEvents {
  private readonly events: ScheduledEvent[] = [];
  push(time: number, kind: number, subject: number): void {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events[mid]!.time <= time) lo = mid + 1;
      else hi = mid;
    }
    this.events.splice(lo, 0, { time, kind, subject });
  }
  pop(out: ScheduledEvent): boolean {
    const first = this.events.shift();
    if (first === undefined) return false;
    Object.assign(out, first);
    return true;
  }
}

function hold(list: { push(time: number, kind: number, subject: number): void; pop(out: ScheduledEvent): boolean }, pending: number, operations: number) {
  const rng = createRng('bench/simulation/hold');
  for (let i = 0; i < pending; i++) list.push(rng.exponential(1) * pending, 0, i);
  const event: ScheduledEvent = { time: 0, kind: 0, subject: 0 };
  const started = performance.now();
  for (let i = 0; i < operations; i++) {
    list.pop(event);
    list.push(event.time + rng.exponential(1) * pending, 0, event.subject);
  }
  const seconds = (performance.now() - started) / 1000;
  return { pending, operations, eventsPerSecond: Math.round(operations / seconds) };
}

export async function simulationBenchmarks(): Promise<object[]> {
  const trucks = Number(process.env.BENCH_SIM_TRUCKS ?? 1_000_000);
  const results: object[] = [];
  // Warm the JIT on a small run first.
  simulate(busyCrossing(20_000), { seed: 'warm-up', policy: { kind: 'none', name: 'none' } });
  const scenario = busyCrossing(trucks);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const run = simulate(scenario, { seed: 'bench', policy: scenario.policies[0]! });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  results.push({
    benchmark: 'simulation',
    implementation: 'corridor (production queue, event heap)',
    trucks: run.trucks.arrived,
    served: run.trucks.served,
    lanes: scenario.lanes.length,
    seconds: round(seconds),
    trucksPerSecond: Math.round(run.trucks.arrived / seconds),
    trucksPerCpuSecond: Math.round(run.trucks.arrived / ((used.user + used.system) / 1e6)),
    loadAverage: round(loadavg()[0]!),
  });
  await new Promise((resolve) => setImmediate(resolve));
  const operations = 200_000;
  results.push({ benchmark: 'simulation-event-list', implementation: 'binary heap', ...hold(new EventHeap(), 10_000, operations), loadAverage: round(loadavg()[0]!) });
  results.push({ benchmark: 'simulation-event-list', implementation: 'naive sorted array', ...hold(new SortedArrayEvents(), 10_000, operations), loadAverage: round(loadavg()[0]!) });
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const result of await simulationBenchmarks()) console.log(JSON.stringify(result));
}
